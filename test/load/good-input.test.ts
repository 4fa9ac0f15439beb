// Input that must load: BOM, CRLF, quoted fields, XLSX sheets, former region names; plus a property test.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.ts';
import { readCsvText } from '../../src/load/csv.ts';
import { loadProject } from '../../src/load/index.ts';
import { projectWith } from './helpers.ts';

const HEADER = 'indicator,period,country,region,breakdown,value,unit,status,source';

function withObservations(files: Record<string, string | Buffer>): string {
  const root = projectWith();
  rmSync(join(root, 'data/observations'), { recursive: true });
  mkdirSync(join(root, 'data/observations'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, 'data/observations', name), content);
  return root;
}

describe('good input', () => {
  it('reads the minimal project', async () => {
    const root = projectWith();
    const d = await loadProject('data', { root });
    expect(d.observations).toHaveLength(16);
    expect(d.files[0]).toBe('data/observations/flows.csv');
    expect(d.narratives.get('2023-Q4')?.policy[0]).toMatchObject({ date: '2023-10-26', sources: ['iom-2023-q4'] });
    expect(d.reference.countries.get('RUS')?.names).toMatchObject({ en: 'Russian Federation', en_article: 'the', ru_gen: 'России' });
  });

  it('accepts a BOM, CRLF line ends, quoted fields with commas and newlines, and empty lines', async () => {
    const text = `\uFEFF${HEADER}\r\n\r\n"border_arrivals",2023-Q4,RUS,,"age=working;sex=F",5,persons,A,border-service\r\nborder_arrivals,2023-Q4,UZB,"Nur-Sultan","sex=M;\r\nage=working",6,persons,A,border-service\r\n,,,,,,,,\r\n`;
    const root = withObservations({ 'a.csv': text });
    const d = await loadProject('data', { root });
    expect(d.observations.map((o) => [o.country, o.region, o.breakdown, o.value, o.at.line])).toEqual([
      ['RUS', '', 'age=working;sex=F', 5, 3],
      ['UZB', 'KZ-71', 'age=working;sex=M', 6, 4],
    ]);
  });

  it.each([
    ['Nur-Sultan', 'KZ-71'],
    ['нур-султан', 'KZ-71'],
    ['South Kazakhstan', 'KZ-61'],
    ['Astana', 'KZ-71'],
    ['KZ-75', 'KZ-75'],
  ])('maps region %s to %s', async (written, code) => {
    const root = withObservations({ 'a.csv': `${HEADER}\nborder_arrivals,2023-Q4,RUS,${written},,5,persons,A,border-service\n` });
    const d = await loadProject('data', { root });
    expect(d.observations[0].region).toBe(code);
  });

  it('reads every sheet of a workbook, locating errors by sheet, row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const good = wb.addWorksheet('Flows');
    good.addRow(HEADER.split(','));
    good.addRow(['border_arrivals', '2023-Q4', 'RUS', null, null, 1334101, 'persons', 'A', 'border-service']);
    good.addRow(['border_arrivals', 2023, 'UZB', null, null, 12.5, 'persons', 'A', 'border-service']);
    const root = withObservations({ 'x.xlsx': Buffer.from(await wb.xlsx.writeBuffer()) });
    const d = await loadProject('data', { root });
    expect(d.observations.map((o) => [o.period.code, o.value, o.at.file, o.at.line])).toEqual([
      ['2023-Q4', 1334101, 'data/observations/x.xlsx[Flows]', 2],
      ['2023', 12.5, 'data/observations/x.xlsx[Flows]', 3],
    ]);
    const bad = wb.addWorksheet('Bad');
    bad.addRow(HEADER.split(','));
    bad.addRow(['border_arrivals', '2023-Q4', 'RUS', null, null, '1,334,101', 'persons', 'A', 'border-service']);
    const root2 = withObservations({ 'x.xlsx': Buffer.from(await wb.xlsx.writeBuffer()) });
    await expect(loadProject('data', { root: root2 })).rejects.toMatchObject({ errors: [{ code: 'check/not-a-number', at: { file: 'data/observations/x.xlsx[Bad]', line: 2, column: 6 } }] });
  });
});

describe('XLSX streaming', () => {
  const countries = ['RUS', 'UZB', 'KGZ', 'CHN'];
  /** 50,000 monthly rows on sheet Monthly (after an empty sheet Notes, when asked); `bad` spoils one value. */
  async function bigWorkbook(path: string, opts: { bad?: number; emptySheet?: boolean } = {}): Promise<void> {
    // Written with the streaming writer too, so the test stays fast.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    if (opts.emptySheet) wb.addWorksheet('Notes').commit();
    const sheet = wb.addWorksheet('Monthly');
    sheet.addRow(HEADER.split(',')).commit();
    for (let i = 0; i < 50_000; i++) {
      const month = `${1000 + Math.floor(i / 48)}-${String((Math.floor(i / 4) % 12) + 1).padStart(2, '0')}`;
      const value = i === opts.bad ? '12 345' : i % 1000;
      sheet.addRow(['border_arrivals', month, countries[i % 4], null, null, value, 'persons', 'A', 'border-service']).commit();
    }
    sheet.commit();
    await wb.commit();
  }

  it('streams a 50,000-row sheet into observations located by sheet and row', async () => {
    const root = withObservations({});
    await bigWorkbook(join(root, 'data/observations/big.xlsx'));
    const d = await loadProject('data', { root });
    expect(d.observations).toHaveLength(50_000);
    expect(d.observations[49_999]).toMatchObject({ country: 'CHN', value: 999, at: { file: 'data/observations/big.xlsx[Monthly]', line: 50_001 } });
  }, 60_000);

  it('locates an error deep in a large sheet, and an empty sheet, by sheet, row and column', async () => {
    const root = withObservations({});
    await bigWorkbook(join(root, 'data/observations/big.xlsx'), { bad: 49_000, emptySheet: true });
    const errors = await loadProject('data', { root }).then(
      () => [],
      (e: { errors: { code: string; at: unknown }[] }) => e.errors,
    );
    expect(errors.map((e) => [e.code, e.at])).toEqual([
      ['load/empty-sheet', { file: 'data/observations/big.xlsx[Notes]', line: 1 }],
      ['check/not-a-number', { file: 'data/observations/big.xlsx[Monthly]', line: 49_002, column: 6 }],
    ]);
  }, 60_000);

  it('a file that is not a workbook is one located error', async () => {
    const root = withObservations({ 'x.xlsx': Buffer.from('not a zip file at all\n') });
    await expect(loadProject('data', { root })).rejects.toMatchObject({ errors: [{ code: 'load/unreadable-workbook', message: 'this is a text file named .xlsx (a CSV renamed?), not an Excel workbook', at: { file: 'data/observations/x.xlsx', line: 1 } }] });
  });
});

describe('CSV reader', () => {
  const read = (text: string) => {
    const records: string[][] = [];
    readCsvText(text, { record: (f) => records.push(f), syntaxError: (e) => records.push([`!${e.kind}`]) });
    return records;
  };

  it('agrees with csv-parse on arbitrary well-formed CSV', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('a,b', 'x"y', 'line\nbreak', 'cr\r\nlf', ''));
    const record = fc.array(field, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (records, eol) => {
        const quote = (f: string) => `"${f.replace(/"/g, '""')}"`;
        const text = records.map((r) => r.map(quote).join(',')).join(eol) + eol;
        const expected = (parse(text, { relax_column_count: true }) as string[][]).filter((r) => r.some((f) => f !== ''));
        expect(read(text)).toEqual(expected);
      }),
    );
  });

  it('gives the line a record starts on, also after multi-line fields', () => {
    const lines: number[] = [];
    readCsvText('a,b\n"x\ny",1\n\nz,2\n', { record: (_, line) => lines.push(line), syntaxError: () => {} });
    expect(lines).toEqual([1, 2, 5]);
  });

  it('agrees with csv-parse on fields quoted only where needed, reusing one array for every record', () => {
    // Mostly plain lines (split at commas by the fast path) mixed with quoted fields and CRLF.
    const field = fc.oneof(fc.constantFrom('RUS', 'RU', 'RUSS', '', 'a"b', 'x,y', 'l\nf', 'c\r\nr', 'q"'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (records, eol) => {
        const text = records.map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join(eol) + eol;
        const copies: string[][] = [];
        readCsvText(text, { record: (f) => copies.push([...f]), syntaxError: () => {} }, { reuseFields: true });
        const expected = (parse(text, { relax_column_count: true }) as string[][]).filter((r) => r.some((f) => f !== ''));
        expect(copies).toEqual(expected);
      }),
    );
  });
});

describe('property: any observations file', () => {
  it('gives data or UserErrors, never another exception', async () => {
    const root = projectWith();
    const file = join(root, 'data/observations/flows.csv');
    const valid = readFileSync(file, 'utf8');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          fc.string({ maxLength: 300 }),
          fc.tuple(fc.nat(valid.length), fc.string({ maxLength: 20 })).map(([at, s]) => valid.slice(0, at) + s + valid.slice(at)),
        ),
        async (content) => {
          writeFileSync(file, content);
          try {
            await loadProject('data', { root });
          } catch (e) {
            if (!isUserError(e)) throw e;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
