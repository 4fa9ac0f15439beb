// User-facing messages of the narrate stage.
import type { Message } from '../errors.ts';

export type { Message };
