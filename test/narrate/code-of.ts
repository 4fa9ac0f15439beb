// Test helper: the code of the UserError a call throws (undefined when it does not throw).
import { expect } from 'vitest';
import { UserError } from '../../src/errors.ts';

export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).code;
  }
}
