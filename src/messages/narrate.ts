// User-facing messages of the compare and narrate stages (facts, sentences, key findings).
import type { Message } from '../errors.ts';
import { closest } from '../load/closest.ts';

export type { Message };

export const badPeriod = (text: string): Message => ({
  code: 'narrate/bad-period',
  message: `"${text}" is not a report period`,
  hint: 'write a quarter (2023-Q4), a month (2024-03), a year (2023) or a range (2024-01/2024-03)',
});

export const unknownLanguage = (lang: string, known: string[]): Message => ({
  code: 'narrate/unknown-language',
  message: `no sentences can be written in "${lang}" yet`,
  hint: `use one of: ${known.join(', ')}`,
});

export const noData = (template: string, indicator: string): Message => ({
  code: 'narrate/no-data',
  message: `the data have no ${indicator} observations, so no ${template} report period can be chosen`,
  hint: 'add observations or give --period',
});

export const unknownFinding = (id: string): Message => ({
  code: 'narrate/unknown-finding',
  message: `report.yaml pins or drops the finding "${id}", which is not a fact of this report`,
  hint: 'run "migreport text --json" to list the fact ids',
});

export const unwritableFinding = (id: string, kind: string): Message => ({
  code: 'narrate/unwritable-finding',
  message: `report.yaml pins the finding "${id}", a ${kind} fact, which no key-finding sentence states`,
  hint: 'pin a change, record, streak, change of sign, crossover, movers, top or balance fact instead (see "migreport text --json"), or remove the pin',
});


export const missingNameForm = (lang: string, form: string, code: string, column: string, hasColumn: boolean): Message => ({
  code: 'narrate/missing-name-form',
  message: `the ${lang} edition needs the ${form} of "${code}", and ${column} is empty`,
  hint: hasColumn ? `fill ${column} on this row` : `add a column ${column} to the header and fill it for every row the reports name`,
});
