// User-facing messages of the check stage.
import type { Message } from '../errors.ts';

export type { Message };
