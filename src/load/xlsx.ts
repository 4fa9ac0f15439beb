// Streams the sheets of an observations workbook as rows of text, one table per sheet, so a
// large sheet is never held whole (exceljs's streaming WorkbookReader).
import ExcelJS from 'exceljs';

export interface SheetSink {
  /** A sheet begins; its rows follow. */
  sheet(name: string): void;
  /** A non-empty row: its 1-based row number and cells as text, as a CSV would hold them. */
  row(fields: string[], line: number): void;
  /** The sheet has ended (after its last row, or at once when it has none). */
  sheetEnd(): void;
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
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * Reads a workbook sheet by sheet, row by row. Sheets come in the order the file stores them.
 * Shared strings and styles (for dates) are cached, as the cells refer to them; rows are not.
 */
export async function readWorkbook(path: string, sink: SheetSink): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const sheet of workbook) {
    // exceljs names a sheet from workbook.xml; a file that stores it after the sheet leaves the number.
    const named = sheet as unknown as { name?: string; id: string | number };
    sink.sheet(named.name ?? `Sheet${named.id}`);
    for await (const row of sheet) {
      const fields: string[] = [];
      const width = row.cellCount;
      for (let c = 1; c <= width; c++) fields.push(cellText(row.getCell(c).value));
      // Trailing empty cells are formatting, not fields.
      while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
      if (fields.length > 0) sink.row(fields, row.number);
    }
    sink.sheetEnd();
  }
}
