// One error class for user errors (bad data, bad arguments, broken templates), and its formatter.
import type { SourceLocation } from './model.ts';

/** What a catalogue entry returns: a stable code, what is wrong, and what to try. */
export interface Message {
  code: string;
  message: string;
  hint?: string;
}

/**
 * A user error: located where possible, printed on one line by the CLI without a stack.
 * Anything that is not a UserError is a bug (exit code 2).
 */
export class UserError extends Error {
  readonly code: string;
  readonly hint?: string;
  readonly at?: SourceLocation;

  constructor(msg: Message, at?: SourceLocation) {
    super(msg.message);
    this.name = 'UserError';
    this.code = msg.code;
    this.hint = msg.hint;
    this.at = at;
  }
}

/** Several user errors found in one pass (e.g. every bad row of a file); printed one per line. */
export class UserErrors extends Error {
  readonly errors: UserError[];
  constructor(errors: UserError[]) {
    super(`${errors.length} error${errors.length === 1 ? '' : 's'}`);
    this.name = 'UserErrors';
    this.errors = errors;
  }
}

export function isUserError(e: unknown): e is UserError | UserErrors {
  return e instanceof UserError || e instanceof UserErrors;
}

export function formatLocation(at: SourceLocation | undefined): string {
  if (!at) return '';
  return at.column ? `${at.file}:${at.line}:${at.column}` : `${at.file}:${at.line}`;
}

/**
 * `data/observations/x.csv:12:7: error: value "1,334" is not a number (hint: …)` — one line.
 * Newlines inside the message are folded so every error stays on one line.
 */
export function formatError(e: UserError, severity: 'error' | 'warning' = 'error'): string {
  const loc = formatLocation(e.at);
  const text = `${loc ? loc + ': ' : ''}${severity}: ${e.message}${e.hint ? ` (hint: ${e.hint})` : ''} [${e.code}]`;
  return text.replace(/\s*\n\s*/g, ' ');
}

export function userErrorsOf(e: UserError | UserErrors): UserError[] {
  return e instanceof UserErrors ? e.errors : [e];
}

/**
 * The verifier rejected generated text: a defect in migreport, never in the user's data. Its message names the
 * text, the claim and what the data give; the CLI prints it as an unexpected failure (exit 2).
 */
export class DefectError extends Error {
  constructor(readonly failures: { where: string; text: string; reason: string; expected?: string; claim?: unknown }[], describe: (claim: unknown) => string) {
    const f = failures[0];
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : '';
    super(
      `migreport wrote text the data do not support, a defect in migreport: ${f.where}: "${f.text}"${f.claim ? ` states ${describe(f.claim)}` : ''}: ${f.reason}${f.expected !== undefined ? ` (the data give ${f.expected})` : ''}${more}`,
    );
    this.name = 'DefectError';
  }
}
