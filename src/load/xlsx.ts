// Streams the sheets of an observations workbook as rows of text, one table per sheet, so a
// large sheet is never held whole (exceljs's streaming WorkbookReader).
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { importPackage } from '../external.ts';

export interface SheetSink {
  /** A sheet begins; its rows follow. `hidden` for a sheet Excel does not show (state hidden or veryHidden). */
  sheet(name: string, hidden: boolean): void;
  /**
   * A non-empty row: its 1-based row number and cells as text, as a CSV would hold them, and the
   * cells whose text is not what the analyst typed: dates (by 0-based column) and formulas without
   * a stored result.
   */
  row(fields: string[], line: number, cells: SpecialCells): void;
  /** The sheet has ended (after its last row, or at once when it has none). */
  sheetEnd(): void;
}

export interface SpecialCells {
  /** Cells Excel holds as dates (a number with a date format), by 0-based column. */
  dates: Map<number, Date>;
  /** Formula cells without a stored result (as openpyxl and other writers save them), by 0-based column. */
  formulas: Map<number, string>;
}

/** Why a file named .xlsx cannot be read as a workbook, from its first bytes; undefined when it may be one. */
export class WorkbookUnreadable extends Error {
  constructor(readonly why: 'empty' | 'xls-or-encrypted' | 'text' | 'not-zip' | 'incomplete' | 'skipped-sheet', readonly detail = '') {
    super(detail || why);
    this.name = 'WorkbookUnreadable';
  }
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The text of a cell the way an analyst sees it: numbers in full, dates as ISO, formulas by result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value && value.result !== undefined) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** The formula of a formula cell that has no stored result, else undefined. */
function formulaWithoutResult(value: ExcelJS.CellValue): string | undefined {
  if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  const v = value as { formula?: string; sharedFormula?: string; result?: unknown };
  if (v.formula === undefined && v.sharedFormula === undefined) return undefined;
  if (v.result !== undefined && v.result !== null) return undefined;
  return `=${v.formula ?? v.sharedFormula}`;
}

interface SheetInfo {
  name: string;
  hidden: boolean;
}

/**
 * The workbook's sheets by their part (e.g. "xl/worksheets/sheet1.xml"): name and whether hidden,
 * read from xl/workbook.xml and its relationships first, since some writers (openpyxl, pandas) store
 * workbook.xml after the sheets and the streaming reader would name them by number only.
 * Also the first check of the file: not a zip, an old .xls or an encrypted workbook, a truncated file.
 */
async function sheetInfo(path: string): Promise<Map<string, SheetInfo>> {
  const bytes = await readFile(path);
  if (bytes.length === 0) throw new WorkbookUnreadable('empty');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new WorkbookUnreadable('xls-or-encrypted');
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const head = bytes.subarray(0, 512);
    const text = head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
    throw new WorkbookUnreadable(text ? 'text' : 'not-zip');
  }
  // Loaded only for a workbook, outside the bundle (like exceljs): bundled, its ~350 KB were parsed by every build.
  const { default: JSZip } = await importPackage('jszip', () => import('jszip'));
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new WorkbookUnreadable('incomplete', (e as Error).message);
  }
  const info = new Map<string, SheetInfo>();
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) return info;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const state = /\bstate="([^"]*)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name && target) info.set(target, { name: unescapeXml(name), hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return info;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** The parts exceljs's streaming reader emits as worksheets (chart sheets and dialog sheets are not). */
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** Passes over a workbook before a worksheet that every pass skipped makes it unreadable. */
const PASSES = 3;

/**
 * Reads a workbook sheet by sheet, row by row. Sheets come in the order the file stores them.
 * Shared strings and styles (for dates) are cached, as the cells refer to them; rows are not.
 *
 * exceljs's streaming reader can skip a worksheet without a word (a race in its single pass over the zip: exceljs
 * issues 2790 and 3064; seen here once, in a CI run on a loaded machine, when the hidden sheet of a test workbook
 * gave no error). So every worksheet that workbook.xml lists (read through the zip's directory) must have been read:
 * one that a pass skipped is read in another pass, alone, after the others; after PASSES passes the workbook is
 * unreadable, naming the sheets. Nothing is read twice.
 */
export async function readWorkbook(path: string, sink: SheetSink): Promise<void> {
  const sheets = await sheetInfo(path);
  const listed = [...sheets.keys()].filter((part) => WORKSHEET_PART.test(part));
  const read = new Set<string>();
  let wanted: Set<string> | undefined; // the first pass reads every sheet
  for (let pass = 1; ; pass++) {
    await readPass(path, sheets, sink, wanted, read);
    const missing = listed.filter((part) => !read.has(part));
    if (!missing.length) return;
    if (pass === PASSES) throw new WorkbookUnreadable('skipped-sheet', missing.map((part) => sheets.get(part)!.name).join('", "'));
    wanted = new Set(missing);
  }
}

/** One pass of exceljs's streaming reader; the sheets in `wanted` (all when undefined) that are not `read` yet go to the sink. */
async function readPass(path: string, sheets: Map<string, SheetInfo>, sink: SheetSink, wanted: Set<string> | undefined, read: Set<string>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const sheet of workbook) {
    // The streaming reader knows a sheet's file number ("sheet2.xml" → id 2); its name and state are in `sheets`.
    const named = sheet as unknown as { name?: string; id: string | number };
    const part = `xl/worksheets/sheet${named.id}.xml`;
    const wantedHere = (!wanted || wanted.has(part)) && !read.has(part);
    if (wantedHere) {
      read.add(part);
      const known = sheets.get(part);
      sink.sheet(known?.name ?? named.name ?? `Sheet${named.id}`, known?.hidden ?? false);
    }
    for await (const row of sheet) {
      if (!wantedHere) continue; // a sheet read in an earlier pass: its rows are passed over
      const fields: string[] = [];
      const cells: SpecialCells = { dates: new Map(), formulas: new Map() };
      const width = row.cellCount;
      for (let c = 1; c <= width; c++) {
        const value = row.getCell(c).value;
        fields.push(cellText(value));
        if (value instanceof Date) cells.dates.set(c - 1, value);
        const formula = formulaWithoutResult(value);
        if (formula !== undefined) cells.formulas.set(c - 1, formula);
      }
      // Trailing empty cells are formatting, not fields.
      while (fields.length > 0 && fields[fields.length - 1] === '' && !cells.formulas.has(fields.length - 1)) fields.pop();
      if (fields.length > 0) sink.row(fields, row.number, cells);
    }
    if (wantedHere) sink.sheetEnd();
  }
}
