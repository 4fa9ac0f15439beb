// Reads the reference files (indicators, countries, regions, sources) into checked lookup maps.
import { existsSync } from 'node:fs';
import { DERIVED_KINDS, UNITS, type Country, type Indicator, type IndicatorKind, type Reference, type Region, type Source, type SourceLocation, type Unit } from '../model.ts';
import * as msg from '../messages/load.ts';
import { closest } from './closest.ts';
import { readCsvFile } from './csv.ts';
import { NotUtf8Error } from './encoding.ts';
import { fileIsReadable } from './files.ts';
import type { Problems } from './problems.ts';

const KINDS: readonly IndicatorKind[] = ['count', 'stock', 'amount', 'structure', ...DERIVED_KINDS];

interface TableRow {
  line: number;
  /** The header's column names, in file order. */
  columns: string[];
  get(column: string): string;
  at(column: string): SourceLocation;
}

interface TableSpec {
  required: readonly string[];
  /** Further columns a file may have (e.g. case forms name_ru_gen). */
  optional?: RegExp;
}

/** Reads a small CSV table with a checked header; undefined when the file or its header is unusable. */
export async function readTable(path: string, file: string, spec: TableSpec, problems: Problems): Promise<TableRow[] | undefined> {
  if (!existsSync(path)) {
    problems.add(msg.missingFile(file), { file, line: 1 });
    return undefined;
  }
  if (!fileIsReadable(path, file, problems)) return undefined;
  let header: Map<string, number> | undefined;
  let headerOk = true;
  const rows: TableRow[] = [];
  try {
  await readCsvFile(path, {
    syntaxError: (e) => problems.add(e.kind === 'unterminated-quote' ? msg.unterminatedQuote() : msg.textAfterQuote(), { file, line: e.line, column: e.column }),
    record: (fields, line) => {
      if (!header) {
        header = new Map();
        fields.forEach((raw, i) => {
          const name = raw.trim();
          if (header!.has(name)) {
            problems.add(msg.duplicateColumn(name, header!.get(name)! + 1), { file, line, column: i + 1 });
            headerOk = false;
          } else if (spec.required.includes(name) || spec.optional?.test(name)) header!.set(name, i);
          else {
            problems.add(msg.unknownColumn(name, closest(name, spec.required), spec.required), { file, line, column: i + 1 });
            headerOk = false;
          }
        });
        for (const name of spec.required) {
          if (!header.has(name)) {
            problems.add(msg.missingColumn(name), { file, line });
            headerOk = false;
          }
        }
        return;
      }
      if (!headerOk) return;
      const cols = header;
      if (fields.length !== cols.size) {
        problems.add(msg.fieldCount(fields.length, cols.size), { file, line, column: Math.min(fields.length, cols.size) + 1 });
        return;
      }
      const columns = [...cols.keys()];
      rows.push({
        line,
        columns,
        get: (column) => (fields[cols.get(column) ?? -1] ?? '').trim(),
        at: (column) => ({ file, line, column: (cols.get(column) ?? 0) + 1 }),
      });
    },
  });
  } catch (e) {
    if (e instanceof NotUtf8Error) problems.add(msg.notUtf8(e.problem.encoding), { file, line: e.problem.line, column: e.problem.column });
    else problems.add(msg.unreadableFile((e as Error).message), { file, line: 1 });
    return undefined;
  }
  if (!header) problems.add(msg.emptyFile(), { file, line: 1 });
  return headerOk && header ? rows : undefined;
}

/** Names per locale from name_<locale>[_<case>] columns; empty names are left out. */
function namesOf(row: TableRow, columns: string[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const c of columns) {
    const v = row.get(c);
    if (v) names[c.slice('name_'.length)] = v;
  }
  return names;
}

/** A source's citation per language from publisher_<lang> / title_<lang> / note_<lang> columns (what is given). */
function translationsOf(row: TableRow): Record<string, { publisher?: string; title?: string; note?: string }> {
  const out: Record<string, { publisher?: string; title?: string; note?: string }> = {};
  for (const c of row.columns) {
    const m = /^(publisher|title|note)_([a-z]{2})$/.exec(c);
    const v = m && row.get(c);
    if (m && v) (out[m[2]] ??= {})[m[1] as 'publisher' | 'title' | 'note'] = v;
  }
  return out;
}

function uniqueCode<T extends { at: SourceLocation }>(map: Map<string, T>, code: string, row: TableRow, column: string, file: string, problems: Problems): boolean {
  if (!code) {
    problems.add(msg.emptyCode(column), row.at(column));
    return false;
  }
  const first = map.get(code);
  if (first) {
    problems.add(msg.duplicateCode(file.split('/').pop()!, code, first.at.line), row.at(column));
    return false;
  }
  return true;
}

export interface LoadedReference {
  reference: Reference;
  /** Every accepted spelling of a region (code, current and former names, as written and lower-cased) → current code. */
  regionAlias: Map<string, string>;
}

export async function readReference(dataDir: string, relDir: string, problems: Problems): Promise<LoadedReference> {
  const reference: Reference = { indicators: new Map(), countries: new Map(), regions: new Map(), sources: new Map() };
  const regionAlias = new Map<string, string>();
  const fileOf = (name: string) => ({ path: `${dataDir}/reference/${name}`, file: `${relDir}/reference/${name}` });

  // 1. indicators.csv
  {
    const { path, file } = fileOf('indicators.csv');
    const rows = await readTable(path, file, { required: ['id', 'unit', 'kind', 'base', 'name_en', 'name_ru', 'name_kk'], optional: /^name_[a-z]{2}$/ }, problems);
    const baseChecks: { indicator: Indicator; row: TableRow }[] = [];
    for (const row of rows ?? []) {
      const id = row.get('id');
      if (!uniqueCode(reference.indicators, id, row, 'id', file, problems)) continue;
      const unit = row.get('unit');
      const kind = row.get('kind');
      let ok = true;
      if (!(UNITS as readonly string[]).includes(unit)) {
        problems.add(msg.badChoice('unit', unit, UNITS), row.at('unit'));
        ok = false;
      }
      if (!(KINDS as readonly string[]).includes(kind)) {
        problems.add(msg.badChoice('kind', kind, KINDS), row.at('kind'));
        ok = false;
      }
      if (!ok) continue;
      const base = row.get('base').split(';').map((b) => b.trim()).filter(Boolean);
      const names = namesOf(row, ['name_en', 'name_ru', 'name_kk']);
      const indicator: Indicator = { id, unit: unit as Unit, kind: kind as IndicatorKind, base, names, at: { file, line: row.line } };
      reference.indicators.set(id, indicator);
      if (DERIVED_KINDS.includes(indicator.kind)) baseChecks.push({ indicator, row });
    }
    // Bases may be listed after the derived indicator, so they are checked once all are read.
    for (const { indicator, row } of baseChecks) {
      const wanted = indicator.kind === 'balance' ? 2 : 1;
      if (indicator.base.length !== wanted) problems.add(msg.badBase(indicator.kind, indicator.base.length), row.at('base'));
      for (const b of indicator.base) {
        if (!reference.indicators.has(b)) problems.add(msg.unknownBase(b, closest(b, reference.indicators.keys())), row.at('base'));
      }
    }
  }

  // 2. countries.csv — groups are checked after all rows are read, since a group may come last.
  {
    const { path, file } = fileOf('countries.csv');
    const rows = await readTable(path, file, { required: ['code', 'kind', 'groups', 'name_en', 'article_en', 'name_ru', 'name_kk'], optional: /^name_[a-z]{2}(_[a-z]+)?$/ }, problems);
    const memberships: { country: Country; row: TableRow }[] = [];
    for (const row of rows ?? []) {
      const code = row.get('code');
      if (!uniqueCode(reference.countries, code, row, 'code', file, problems)) continue;
      const kind = row.get('kind');
      if (kind !== 'country' && kind !== 'group') {
        problems.add(msg.badChoice('kind', kind, ['country', 'group']), row.at('kind'));
        continue;
      }
      const names = namesOf(row, row.columns.filter((c) => c.startsWith('name_')));
      names.en_article = row.get('article_en');
      const country: Country = {
        code,
        isGroup: kind === 'group',
        groups: row.get('groups').split(';').map((g) => g.trim()).filter(Boolean),
        names,
        at: { file, line: row.line },
        columns: row.columns,
      };
      reference.countries.set(code, country);
      memberships.push({ country, row });
    }
    const groupCodes = [...reference.countries.values()].filter((c) => c.isGroup).map((c) => c.code);
    for (const { country, row } of memberships) {
      for (const g of country.groups) {
        if (!reference.countries.get(g)?.isGroup) problems.add(msg.unknownGroup(g, closest(g, groupCodes)), row.at('groups'));
      }
    }
  }

  // 3. regions.csv
  {
    const { path, file } = fileOf('regions.csv');
    const rows = await readTable(path, file, { required: ['code', 'kind', 'name_en', 'name_ru', 'name_kk', 'former'], optional: /^name_[a-z]{2}(_[a-z]+)?$/ }, problems);
    const alias = (name: string, code: string, row: TableRow, column: string): void => {
      for (const key of new Set([name, name.toLowerCase()])) {
        const other = regionAlias.get(key);
        if (other && other !== code) {
          if (key === name) problems.add(msg.ambiguousRegionName(name, other, code), row.at(column));
          continue;
        }
        regionAlias.set(key, code);
      }
    };
    for (const row of rows ?? []) {
      const code = row.get('code');
      if (!uniqueCode(reference.regions, code, row, 'code', file, problems)) continue;
      const kind = row.get('kind');
      if (kind !== 'region' && kind !== 'city') {
        problems.add(msg.badChoice('kind', kind, ['region', 'city']), row.at('kind'));
        continue;
      }
      const formerNames = row.get('former').split(';').map((f) => f.trim()).filter(Boolean);
      const region: Region = { code, kind, names: namesOf(row, row.columns.filter((c) => c.startsWith('name_'))), formerNames, at: { file, line: row.line }, columns: row.columns };
      reference.regions.set(code, region);
    }
    // Codes first, so a former code can never shadow a current one.
    for (const r of reference.regions.values()) regionAlias.set(r.code, r.code);
    for (const row of rows ?? []) {
      const r = reference.regions.get(row.get('code'));
      if (!r || r.at.line !== row.line) continue;
      // The names as written (not their case forms) name a region on input.
      for (const n of [r.names.en, r.names.ru, r.names.kk]) if (n) alias(n, r.code, row, 'name_en');
      for (const f of r.formerNames) alias(f, r.code, row, 'former');
    }
  }

  // 4. sources.csv
  {
    const { path, file } = fileOf('sources.csv');
    // publisher_<lang> / title_<lang> / note_<lang>: how a report in that language cites the source (the original title where it has no other).
    const rows = await readTable(path, file, { required: ['id', 'publisher', 'title', 'year', 'url', 'note'], optional: /^(publisher|title|note)_[a-z]{2}$/ }, problems);
    for (const row of rows ?? []) {
      const id = row.get('id');
      if (!uniqueCode(reference.sources, id, row, 'id', file, problems)) continue;
      const yearText = row.get('year');
      if (!/^\d{4}$/.test(yearText)) {
        problems.add(msg.badYear(yearText), row.at('year'));
        continue;
      }
      const source: Source = {
        id,
        publisher: row.get('publisher'),
        title: row.get('title'),
        year: Number(yearText),
        url: row.get('url'),
        note: row.get('note'),
        translations: translationsOf(row),
        at: { file, line: row.line },
        columns: row.columns,
      };
      reference.sources.set(id, source);
    }
  }
  return { reference, regionAlias };
}
