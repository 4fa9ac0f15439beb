// Collects located user errors across a whole load, up to a cap, so one run reports many at once.
import { UserError, UserErrors, type Message } from '../errors.ts';
import type { SourceLocation } from '../model.ts';
import { tooManyErrors } from '../messages/load.ts';

export const ERROR_CAP = 50;

export class Problems {
  readonly errors: UserError[] = [];
  private overflow = false;

  constructor(private readonly cap = ERROR_CAP) {}

  add(message: Message, at: SourceLocation): void {
    if (this.errors.length < this.cap) this.errors.push(new UserError(message, at));
    else this.overflow = true;
  }

  get full(): boolean {
    return this.overflow;
  }

  /** Throws every collected error as one UserErrors (with a closing line when the cap was hit). */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const errors = [...this.errors];
    if (this.overflow) errors.push(new UserError(tooManyErrors(this.cap)));
    throw new UserErrors(errors);
  }
}
