// User-facing messages of the command line.
import type { Message } from '../errors.ts';

export const unknownCommand = (name: string, known: string[]): Message => ({
  code: 'cli/unknown-command',
  message: `unknown command "${name}"`,
  hint: `use one of: ${known.join(', ')}`,
});

export const unknownOption = (name: string, command: string): Message => ({
  code: 'cli/unknown-option',
  message: `unknown option --${name} for "${command}"`,
  hint: `run "migreport ${command} --help" to see the options`,
});

export const missingOptionValue = (name: string): Message => ({
  code: 'cli/missing-value',
  message: `option --${name} needs a value`,
  hint: `write it as --${name} VALUE`,
});

export const badOptionValue = (name: string, value: string, expected: string): Message => ({
  code: 'cli/bad-value',
  message: `option --${name} has the value "${value}"`,
  hint: `expected ${expected}`,
});

export const noDataForPeriod = (period: string, template: string, latest: string[]): Message => ({
  code: 'cli/no-data-for-period',
  message: `the data have nothing for the ${template} report of ${period}`,
  hint: latest.length
    ? `periods with report notes: ${latest.join(', ')}; run without --period for the latest the data support`
    : 'run without --period for the latest period the data support',
});
