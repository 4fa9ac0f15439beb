// Name forms of countries and regions as a locale reads them from the reference files: a form that a sentence
// needs and the file lacks is a located error (file:line:column of the cell, or of the header when the column is
// missing), never a silent fallback to another language or case.
import type { Country, Region } from '../model.ts';
import { UserError } from '../errors.ts';
import { narrateMessages } from '../messages/index.ts';

/**
 * The name form `key` (e.g. 'ru', 'ru_prep', 'kk') of a country or region row; throws a located error when it is
 * empty. `form` says in words what is missing ("prepositional case form").
 */
export function nameForm(row: Country | Region, key: string, lang: string, form: string): string {
  const v = row.names[key];
  if (v) return v;
  const column = `name_${key}`;
  const index = row.columns?.indexOf(column) ?? -1;
  const at = index >= 0 ? { ...row.at, column: index + 1 } : { file: row.at.file, line: 1, column: (row.columns?.length ?? 0) + 1 };
  throw new UserError(narrateMessages.missingNameForm(lang, form, row.code, column, index >= 0), at);
}
