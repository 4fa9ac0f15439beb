// User-facing messages of the preview stage.
import type { Message } from '../errors.ts';

export type { Message };
