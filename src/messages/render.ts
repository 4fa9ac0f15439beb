// User-facing messages of the render stage.
import type { Message } from '../errors.ts';

export type { Message };
