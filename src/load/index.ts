// The load stage: a data folder in, a checked Dataset out, or every located error at once.
//
//   reference/*.csv ──► lookups (codes, groups, region aliases)
//   observations/*.csv|*.xlsx (by name) ──► rows ──► row checks ──► Observation[]
//   narrative/<period>/*.yaml ──► Narrative per period
//   cross-row checks (src/check) ──► Dataset, or UserErrors (at most ERROR_CAP)
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, visit } from 'yaml';
import { relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.ts';
import type { Dataset, Narrative, Observation } from '../model.ts';
import { parsePeriod } from '../period.ts';
import * as msg from '../messages/load.ts';
import { checkDataset } from '../check/index.ts';
import { readCsvFile } from './csv.ts';
import { NotUtf8Error, encodingProblem } from './encoding.ts';
import { fileIsReadable } from './files.ts';
import { readNarrative, TRANSLATION_FILE } from './narrative.ts';
import { ObservationReader, readHeader, type ColumnMap } from './observations.ts';
import { Problems } from './problems.ts';
import { readReference } from './reference.ts';

export { ERROR_CAP } from './problems.ts';
export { OBSERVATION_COLUMNS } from './observations.ts';

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Loads and checks a data folder (docs/data.md). Locations in errors and on observations are
 * relative to `opts.root` (default: the working directory), with forward slashes.
 * `Dataset.root` is the absolute path of the data folder.
 */
export async function loadProject(dataDir: string, opts: { root?: string } = {}): Promise<Dataset> {
  const root = resolve(opts.root ?? process.cwd());
  const dir = resolve(root, dataDir);
  if (!existsSync(dir)) throw new UserError(msg.missingFolder(dataDir));
  if (!statSync(dir).isDirectory()) throw new UserError(msg.dataNotAFolder(dataDir));
  const rel = relative(root, dir).split(sep).join('/') || '.';
  const problems = new Problems();

  // 1. Reference files. Observations are not read against broken reference lists:
  //    every row would repeat the same error.
  const { reference, regionAlias } = await readReference(dir, rel, problems);
  problems.throwIfAny();

  // 2. Observations, files in name order so rows (and errors) come in a stable order.
  const observations: Observation[] = [];
  const files: string[] = [];
  const reader = new ObservationReader(reference, regionAlias, problems, observations);
  const obsDir = `${dir}/observations`;
  const names = existsSync(obsDir) ? readdirSync(obsDir).filter((n) => /\.(csv|xlsx)$/i.test(n) && !n.startsWith('~$')).sort(byName) : [];
  if (names.length === 0) problems.add(msg.noObservations(), { file: `${rel}/observations`, line: 1 });
  for (const name of names) {
    if (problems.full) break;
    const file = `${rel}/observations/${name}`;
    files.push(file);
    if (!fileIsReadable(`${obsDir}/${name}`, file, problems)) continue;
    if (/\.xlsx$/i.test(name)) await readObservationWorkbook(`${obsDir}/${name}`, file, reader, problems);
    else await readObservationCsv(`${obsDir}/${name}`, file, reader, problems);
  }

  // 3. Narratives, one folder per report period.
  const narratives = new Map<string, Narrative>();
  const narrativeDir = `${dir}/narrative`;
  if (existsSync(narrativeDir)) {
    for (const name of readdirSync(narrativeDir).sort(byName)) {
      if (!statSync(`${narrativeDir}/${name}`, { throwIfNoEntry: false })?.isDirectory()) continue;
      const folder = `${rel}/narrative/${name}`;
      if (!parsePeriod(name)) {
        problems.add(msg.badNarrativeFolder(name), { file: folder, line: 1 });
        continue;
      }
      if (!narrativeFilesUsable(`${narrativeDir}/${name}`, folder, problems)) continue;
      const n = readNarrative(`${narrativeDir}/${name}`, folder, name, reference, problems);
      if (n) {
        narratives.set(name, n);
        for (const at of Object.values(n.at)) if (!files.includes(at.file)) files.push(at.file);
      }
    }
  }

  const dataset: Dataset = { root: dir, files, reference, observations, narratives };

  // 4. Rules across rows.
  for (const e of checkDataset(dataset)) problems.add(e.message, e.at);
  problems.throwIfAny();
  return dataset;
}

const NARRATIVE_FILES = ['report.yaml', 'policy.yaml', 'notes.yaml'];
/** The narrative files of a folder: the three, and their translations (report.ru.yaml …) that exist. */
const narrativeFiles = (dir: string) => [...NARRATIVE_FILES, ...readdirSync(dir).filter((n) => TRANSLATION_FILE.test(n)).sort()];

/**
 * The narrative files of a period that exist are files, readable, UTF-8 and free of YAML aliases
 * that expand beyond reason (an "alias bomb"); false after reporting each that is not.
 */
function narrativeFilesUsable(dir: string, folder: string, problems: Problems): boolean {
  let usable = true;
  for (const name of narrativeFiles(dir)) {
    const path = `${dir}/${name}`;
    const file = `${folder}/${name}`;
    let exists = true;
    try {
      lstatSync(path);
    } catch {
      exists = false;
    }
    if (!exists) continue;
    if (!fileIsReadable(path, file, problems)) {
      usable = false;
      continue;
    }
    const bytes = readFileSync(path);
    const encoding = encodingProblem(bytes);
    if (encoding) {
      problems.add(msg.notUtf8(encoding.encoding), { file, line: encoding.line, column: encoding.column });
      usable = false;
      continue;
    }
    const alias = excessiveAlias(bytes.toString('utf8'));
    if (alias) {
      problems.add(msg.yamlAliasBomb(), { file, ...alias });
      usable = false;
    }
  }
  return usable;
}

/** Where the first alias is, when the document's aliases expand beyond yaml's guard; else undefined. */
function excessiveAlias(text: string): { line: number; column: number } | undefined {
  if (!text.includes('*')) return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) return undefined; // reported as a syntax error by the narrative reader
  try {
    doc.toJS({ maxAliasCount: 100 });
    return undefined;
  } catch (e) {
    if (!/alias/i.test((e as Error).message)) return undefined;
    let first: number | undefined;
    visit(doc, {
      Alias: (_, node) => {
        first = node.range?.[0];
        return visit.BREAK;
      },
    });
    const p = lines.linePos(first ?? 0);
    return { line: p.line, column: p.col };
  }
}

async function readObservationCsv(path: string, file: string, reader: ObservationReader, problems: Problems): Promise<void> {
  let columns: ColumnMap | undefined;
  let width = -1; // -1: header not read yet; 0: header unusable, rows skipped
  try {
    await readCsvFile(path, {
      syntaxError: (e) => problems.add(e.kind === 'unterminated-quote' ? msg.unterminatedQuote() : msg.textAfterQuote(), { file, line: e.line, column: e.column }),
      record: (fields, line) => {
        if (width < 0) {
          columns = readHeader(fields, file, line, problems);
          width = columns ? fields.length : 0;
        } else if (columns && !problems.full) reader.row(columns, fields, file, line, width);
      },
    }, { reuseFields: true });
  } catch (e) {
    if (e instanceof NotUtf8Error) problems.add(msg.notUtf8(e.problem.encoding), { file, line: e.problem.line, column: e.problem.column });
    else problems.add(msg.unreadableFile((e as Error).message), { file, line: 1 });
    return;
  }
  if (width < 0) problems.add(msg.emptyFile(), { file, line: 1 });
}

async function readObservationWorkbook(path: string, file: string, reader: ObservationReader, problems: Problems): Promise<void> {
  let sheetFile = file;
  let sheetName = '';
  let skipped = false; // a hidden sheet: reported once, its rows not read
  let columns: ColumnMap | undefined;
  let width = -1; // -1: header not read yet; 0: header unusable, rows skipped
  // exceljs is a large package: loaded only when there is a workbook to read.
  const { readWorkbook, WorkbookUnreadable } = await import('./xlsx.ts');
  try {
    await readWorkbook(path, {
      sheet: (name, hidden) => {
        sheetName = name;
        sheetFile = `${file}[${name}]`;
        columns = undefined;
        width = -1;
        skipped = hidden;
        if (hidden) problems.add(msg.hiddenSheet(name), { file: sheetFile, line: 1 });
      },
      row: (fields, line, cells) => {
        if (skipped) return;
        if (width < 0) {
          columns = readHeader(fields, sheetFile, line, problems);
          width = columns ? fields.length : 0;
        } else if (columns && !problems.full) {
          // A cell left empty at the end of a row does not exist in the workbook: pad it.
          while (fields.length < width) fields.push('');
          let bad = false;
          for (const [c, formula] of cells.formulas) {
            problems.add(msg.formulaWithoutResult(formula), { file: sheetFile, line, column: c + 1 });
            bad = true;
          }
          const date = cells.dates.get(columns.period);
          if (date) {
            const flow = reader.flowIndicator(fields[columns.indicator]);
            if (flow) {
              problems.add(msg.dateForFlow(date.toISOString().slice(0, 10), flow.id, flow.kind), { file: sheetFile, line, column: columns.period + 1 });
              bad = true;
            }
          }
          if (!bad) reader.row(columns, fields, sheetFile, line, width);
        }
      },
      sheetEnd: () => {
        if (width < 0 && !skipped) problems.add(msg.emptySheet(sheetName), { file: sheetFile, line: 1 });
      },
    });
  } catch (e) {
    if (e instanceof WorkbookUnreadable) problems.add(msg.unreadableWorkbook(e.why, e.detail), { file, line: 1 });
    else problems.add(msg.unreadableFile((e as Error).message), { file, line: 1 });
  }
}
