// User-facing messages of the audit stage.
import type { Message } from '../errors.ts';

export type { Message };
