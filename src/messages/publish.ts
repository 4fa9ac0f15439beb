// User-facing messages of the publish stage.
import type { Message } from '../errors.ts';

export type { Message };
