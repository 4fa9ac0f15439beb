// User-facing messages of the load stage.
import type { Message } from '../errors.ts';

export type { Message };
