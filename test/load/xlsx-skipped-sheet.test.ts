// exceljs's streaming reader can skip a worksheet without a word (exceljs issues 2790 and 3064; once seen here in a
// loaded CI run). readWorkbook reads every sheet workbook.xml lists: a skipped one in another pass, alone, and the
// workbook is unreadable, naming it, when every pass skips it. Here the reader is made to skip the sheet.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatError, isUserError, userErrorsOf } from '../../src/errors.ts';
import { loadProject } from '../../src/load/index.ts';
import { readWorkbook } from '../../src/load/xlsx.ts';
import { FIXTURES, projectWith } from './helpers.ts';

const WORKBOOK = join(FIXTURES, 'bad', 'xlsx-hidden-sheet', 'observations', 'flows.xlsx');
const xlsx = ExcelJS.stream.xlsx as unknown as { WorkbookReader: new (...args: unknown[]) => AsyncIterable<{ id: string | number }> };
const Original = xlsx.WorkbookReader;
afterEach(() => {
  xlsx.WorkbookReader = Original;
});

/** The reader of exceljs, made to leave out sheet `id` in its first `passes` passes. */
function skipping(id: number, passes: number): { passes: number } {
  const count = { passes: 0 };
  xlsx.WorkbookReader = class extends (Original as unknown as new (...args: unknown[]) => AsyncIterable<{ id: string | number }>) {
    override async *[Symbol.asyncIterator]() {
      const skip = count.passes++ < passes;
      for await (const sheet of super[Symbol.asyncIterator]() as unknown as AsyncIterable<{ id: string | number } & AsyncIterable<unknown>>) {
        if (skip && Number(sheet.id) === id) {
          for await (const _ of sheet) void _; // drained, as the race leaves it: never emitted
          continue;
        }
        yield sheet;
      }
    }
  } as unknown as typeof Original;
  return count;
}

/** What the sink is told, in order. */
async function events(): Promise<string[]> {
  const out: string[] = [];
  await readWorkbook(WORKBOOK, {
    sheet: (name, hidden) => out.push(`sheet ${name}${hidden ? ' (hidden)' : ''}`),
    row: (fields, line) => out.push(`row ${line}: ${fields.join(',')}`),
    sheetEnd: () => out.push('end'),
  });
  return out;
}

describe('a worksheet the streaming reader skips', () => {
  it('is read in another pass, alone, and nothing is read twice', async () => {
    const whole = await events();
    expect(whole.filter((e) => e.startsWith('sheet'))).toEqual(['sheet Data', 'sheet scratch (hidden)']);
    const count = skipping(2, 1);
    expect(await events()).toEqual(whole);
    expect(count.passes).toBe(2);
    // The first sheet skipped: it comes after the second one, whole.
    skipping(1, 2);
    const late = await events();
    const data = whole.slice(0, whole.indexOf('sheet scratch (hidden)'));
    expect(late).toEqual([...whole.slice(whole.indexOf('sheet scratch (hidden)')), ...data]);
  });

  it('makes the workbook unreadable, naming the sheet, when every pass skips it', async () => {
    skipping(2, 99);
    await expect(events()).rejects.toMatchObject({ why: 'skipped-sheet', detail: 'scratch' });
    let errors: string[] = [];
    try {
      await loadProject('data', { root: projectWith(join(FIXTURES, 'bad', 'xlsx-hidden-sheet')) });
    } catch (e) {
      if (!isUserError(e)) throw e;
      errors = userErrorsOf(e).map((x) => formatError(x));
    }
    expect(errors).toContain(
      'data/observations/flows.xlsx:1: error: sheet "scratch" could not be read: the Excel reader skipped it in every pass (hint: build again; if it happens again, save the workbook again from Excel or LibreOffice, or save its sheets as CSV) [load/unreadable-workbook]',
    );
  });
});
