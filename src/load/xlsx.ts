// Reads the sheets of an observations workbook as rows of text, one table per sheet.
import ExcelJS from 'exceljs';

export interface SheetRows {
  name: string;
  /** Rows with their 1-based row number; cells as text, as a CSV would hold them. */
  rows: { line: number; fields: string[] }[];
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

export async function readWorkbook(path: string): Promise<SheetRows[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets: SheetRows[] = [];
  workbook.eachSheet((sheet) => {
    const rows: SheetRows['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const fields: string[] = [];
      const width = row.cellCount;
      for (let c = 1; c <= width; c++) fields.push(cellText(row.getCell(c).value));
      // Trailing empty cells are formatting, not fields.
      while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
      if (fields.length > 0) rows.push({ line: rowNumber, fields });
    });
    sheets.push({ name: sheet.name, rows });
  });
  return sheets;
}
