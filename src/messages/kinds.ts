// User-facing messages of report-kind specs (templates/<kind>/report.yaml).
import type { Message } from '../errors.ts';
export type { Message };

const mean = (guess: string | undefined, known: string[], what: string) =>
  guess ? `did you mean "${guess}"?` : `${what}: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`;

export const noKinds = (dir: string): Message => ({
  code: 'kinds/none',
  message: `no report kind found in ${dir}`,
  hint: 'a kind is a folder templates/<kind>/ with a report.yaml (docs/report-kinds.md)',
});

export const unknownKind = (name: string, guess: string | undefined, known: string[]): Message => ({
  code: 'kinds/unknown-kind',
  message: `unknown report kind "${name}"`,
  hint: mean(guess, known, 'the kinds are'),
});

export const yamlSyntax = (detail: string): Message => ({ code: 'kinds/yaml-syntax', message: `report.yaml is not valid YAML: ${detail}`, hint: 'check the indentation and the quotes' });

export const notABlock = (where: string): Message => ({
  code: 'kinds/not-a-block',
  message: `each item of ${where} must be one block: a map with one key, the block type`,
  hint: 'e.g. "- members: { of: [groups] }"',
});

export const unknownBlock = (type: string, where: string, guess: string | undefined, known: string[]): Message => ({
  code: 'kinds/unknown-block',
  message: `unknown ${where} block "${type}"`,
  hint: mean(guess, known, `the ${where} blocks are`),
});

export const unknownKey = (name: string, guess: string | undefined, known: string[]): Message => ({
  code: 'kinds/unknown-key',
  message: `unknown key "${name}"`,
  hint: mean(guess, known, 'the keys here are'),
});

export const badValue = (detail: string): Message => ({ code: 'kinds/bad-value', message: detail, hint: 'see templates/report.schema.json or docs/report-kinds.md' });

export const unknownIndicator = (id: string, guess: string | undefined): Message => ({
  code: 'kinds/unknown-indicator',
  message: `unknown indicator "${id}"`,
  hint: guess ? `did you mean "${guess}"?` : 'add it to reference/indicators.csv',
});

export const unknownPartner = (code: string, guess: string | undefined): Message => ({
  code: 'kinds/unknown-partner',
  message: `unknown partner "${code}"`,
  hint: guess ? `did you mean "${guess}"?` : 'write total, groups, or a code of reference/countries.csv',
});

export const unknownMeasure = (name: string, section: string, guess: string | undefined, known: string[]): Message => ({
  code: 'kinds/unknown-measure',
  message: `section "${section}" has no measure "${name}"`,
  hint: mean(guess, known, 'its fact blocks name'),
});

export const unknownFact = (ref: string, section: string, guess: string | undefined, known: string[]): Message => ({
  code: 'kinds/unknown-fact',
  message: `section "${section}" makes no fact "${section}.${ref}"`,
  hint: mean(guess, known, 'its facts begin'),
});

export const unknownLocaleKey = (key: string, kind: string, langs: string[], guess: string | undefined, known: string[]): Message => ({
  code: 'kinds/unknown-locale-key',
  message: `the ${langs.join(', ')} locale${langs.length > 1 ? 's have' : ' has'} no ${kind} "${key}"`,
  hint: mean(guess, known, `its ${kind}s are`),
});

export const unknownChart = (spec: string, dir: string, guess: string | undefined, known: string[]): Message => ({
  code: 'kinds/unknown-chart',
  message: `no chart file ${dir}/${spec}.vl.json`,
  hint: mean(guess, known, 'the charts are'),
});

export const duplicateId = (what: string, id: string): Message => ({ code: 'kinds/duplicate-id', message: `${what} "${id}" is declared twice`, hint: 'ids must be unique in a report' });

export const missingKey = (name: string): Message => ({ code: 'kinds/missing-key', message: `"${name}" is missing here`, hint: 'see templates/report.schema.json or docs/report-kinds.md' });
