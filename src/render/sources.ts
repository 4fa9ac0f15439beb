// The sources as an edition cites them: sources.csv's own columns are English; another language takes its
// publisher_<lang>, title_<lang> and note_<lang> columns. A cited source that lacks one of the texts it has in
// English is a located error at its row and column, so no English citation slips into another edition.
import type { Source } from '../model.ts';
import { UserError, UserErrors } from '../errors.ts';
import { renderMessages } from '../messages/index.ts';

const FIELDS = ['publisher', 'title', 'note'] as const;

/** The sources `ids` as cited in `lang` (the others as they are: nothing cites them). */
export function sourcesIn(sources: Map<string, Source>, ids: Iterable<string>, lang: string): Map<string, Source> {
  if (lang === 'en') return sources;
  const out = new Map(sources);
  const errors: UserError[] = [];
  for (const id of new Set(ids)) {
    const s = sources.get(id);
    if (!s) continue;
    const t = s.translations?.[lang] ?? {};
    for (const f of FIELDS) {
      if (!s[f] || t[f]) continue;
      const column = `${f}_${lang}`;
      const index = s.columns?.indexOf(column) ?? -1;
      const at = index >= 0 ? { ...s.at, column: index + 1 } : { file: s.at.file, line: 1, column: (s.columns?.length ?? 0) + 1 };
      errors.push(new UserError(renderMessages.sourceUntranslated(id, column, lang, index >= 0), at));
    }
    out.set(id, { ...s, publisher: t.publisher ?? s.publisher, title: t.title ?? s.title, note: t.note ?? s.note });
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new UserErrors(errors);
  return out;
}
