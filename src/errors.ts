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
  const text = `${loc ? loc + ': ' : ''}${severity}: ${bounded(e.message)}${e.hint ? ` (hint: ${bounded(e.hint)})` : ''} [${e.code}]`;
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Longest quoted text echoed from a user's file; a longer one is cut and its length said. */
export const ECHO_LIMIT = 80;
const MESSAGE_LIMIT = 1000;

/**
 * A message as the terminal gets it: control characters (a NUL in a field) shown as \u0000, a quoted
 * text from the user's file longer than ECHO_LIMIT cut ("aaaa…" (10,000,000 characters)), and the
 * whole at most MESSAGE_LIMIT characters, so a 10 MB field never becomes a 10 MB error line.
 */
export function bounded(message: string): string {
  // Quoted texts found by indexOf, not a regex: a regex over a 10 MB quote overflows V8's stack.
  let text = '';
  let from = 0;
  for (;;) {
    const open = message.indexOf('"', from);
    const close = open < 0 ? -1 : message.indexOf('"', open + 1);
    if (close < 0) break;
    const inner = message.slice(open + 1, close);
    text += message.slice(from, open + 1);
    text += inner.length > ECHO_LIMIT && !inner.includes('\n') ? `${inner.slice(0, ECHO_LIMIT - 1)}…" (${inner.length.toLocaleString('en')} characters)` : `${inner}"`;
    from = close + 1;
  }
  text += message.slice(from);
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > MESSAGE_LIMIT ? text.slice(0, MESSAGE_LIMIT - 1) + '…' : text;
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
