// The bad-input corpus: every case under test/fixtures/bad/ fails with exactly these located, one-line errors.
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, isUserError, userErrorsOf } from '../../src/errors.ts';
import { loadProject } from '../../src/load/index.ts';
import { FIXTURES, projectWith } from './helpers.ts';

async function errorsOf(caseName: string): Promise<string[]> {
  const root = projectWith(join(FIXTURES, 'bad', caseName));
  try {
    await loadProject('data', { root });
  } catch (e) {
    if (!isUserError(e)) throw e;
    return userErrorsOf(e).map((x) => formatError(x));
  }
  return [];
}

// file:line:column, message, hint and code of each error, exactly as the CLI prints them.
const cases: [string, string[]][] = [
    ["ambiguous-comma", [
      "data/observations/obs.csv:2:6: error: value \"1,334\" is not a number (hint: write 1334 if the comma separates thousands, or 1.334 if it is a decimal comma) [check/not-a-number]",
    ]],
    ["bad-breakdown", [
      "data/observations/obs.csv:2:5: error: breakdown \"age\" has \"age\" without \"=\" (hint: write key=value pairs joined with \";\", e.g. age=working;sex=F) [check/bad-breakdown]",
    ]],
    ["bad-period", [
      "data/observations/obs.csv:2:2: error: \"2023-Q5\" is not a period (hint: write a year 2023, a quarter 2023-Q4, a month 2024-03, a range 2023-Q1/2023-Q3 or 2024-01/2024-03, or a date 2023-09-01) [check/bad-period]",
    ]],
    ["change-bad-vs", [
      "data/observations/obs.csv:2:5: error: vs=2023-Q7 is not a period (hint: write the period compared with, e.g. vs=2023-Q1 or vs=2022-01/2022-03) [check/bad-vs]",
    ]],
    ["decimal-comma", [
      "data/observations/obs.csv:2:6: error: value \"5,3\" is not a number (hint: write the decimal with a point: 5.3) [check/not-a-number]",
    ]],
    ["duplicate-by-span", [
      "data/observations/obs.csv:3:1: error: duplicate observation: same indicator, period, country, region and breakdown (hint: the first is at data/observations/obs.csv:2) [check/duplicate]",
    ]],
    ["field-count", [
      "data/observations/obs.csv:2:9: error: the row has 8 fields, the header has 9 (hint: a value with a comma must be in double quotes) [load/field-count]",
    ]],
    ["missing-column", [
      "data/observations/obs.csv:1: error: column \"source\" is missing (hint: add a column named \"source\" to the header row) [load/missing-column]",
    ]],
    ["missing-value", [
      "data/observations/obs.csv:2:6: error: the value is empty but the status is not M (hint: write the value, or status M if the source gives no figure) [check/missing-value]",
    ]],
    ["multiline-record", [
      "data/observations/obs.csv:4:4: error: unknown region \"Nur- Sultan\" (hint: did you mean \"Nur-Sultan\"?) [check/unknown-region]",
      "data/observations/obs.csv:4:6: error: value \"x\" is not a number (hint: write a number with a dot decimal and no separators, e.g. 1334101 or 5.3) [check/not-a-number]",
    ]],
    ["negative-count", [
      "data/observations/obs.csv:2:6: error: value -5 is negative, but border_arrivals is of kind count (hint: only kinds balance, change_pct and change_abs may be negative) [check/negative-value]",
    ]],
    ["notes-unknown-section", [
      "data/narrative/2023-Q4/notes.yaml:2:3: error: unknown key \"flow\" (hint: did you mean \"flows\"?) [load/unknown-key]",
    ]],
    ["policy-bad-date", [
      "data/narrative/2023-Q4/policy.yaml:2:11: error: \"2023-02-30\" is not a date (hint: write an ISO date, YYYY-MM-DD, e.g. 2023-10-26) [load/bad-date]",
    ]],
    ["policy-date-list", [
      "data/narrative/2023-Q4/policy.yaml:2:11: error: \"date\" should be a date, YYYY-MM-DD [load/wrong-type]",
    ]],
    ["policy-unknown-source", [
      "data/narrative/2023-Q4/policy.yaml:4:15: error: source \"iom-2023-q5\" is not in sources.csv (hint: did you mean \"iom-2023-q4\"?) [load/unknown-source]",
    ]],
    ["ref-bad-region-kind", [
      "data/reference/regions.csv:4:2: error: kind \"oblast\" is not one of the accepted values (hint: use one of: region, city) [load/bad-choice]",
    ]],
    ["ref-duplicate-code", [
      "data/reference/countries.csv:6:1: error: \"RUS\" is listed twice in countries.csv (hint: the first is on line 4) [load/duplicate-code]",
    ]],
    ["ref-unknown-base", [
      "data/reference/indicators.csv:4:4: error: base indicator \"border_arivals\" is not in indicators.csv (hint: did you mean \"border_arrivals\"?) [load/unknown-base]",
    ]],
    ["ref-unknown-group", [
      "data/reference/countries.csv:6:3: error: group \"CSI\" is not a group in countries.csv (hint: did you mean \"CIS\"?) [load/unknown-group]",
    ]],
    ["report-unknown-key", [
      "data/narrative/2023-Q4/report.yaml:2:1: error: unknown key \"subtitel\" (hint: did you mean \"subtitle\"?) [load/unknown-key]",
    ]],
    ["report-yaml-syntax", [
      "data/narrative/2023-Q4/report.yaml:6:1: error: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] (hint: check indentation and quoting; a text with \": \" in it needs quotes) [load/yaml-syntax]",
    ]],
    // Rows repeating a bad text, right after good rows with the same texts: each row is checked on its own.
    ["repeated-errors", [
      "data/observations/obs.csv:3:3: error: unknown country \"RUSS\" (hint: did you mean \"RUS\"?) [check/unknown-country]",
      "data/observations/obs.csv:4:3: error: unknown country \"RUSS\" (hint: did you mean \"RUS\"?) [check/unknown-country]",
      "data/observations/obs.csv:5:7: error: unit persons differs from the unit of remittances_out, usd_million (hint: an indicator has one unit (data/reference/indicators.csv:7); write usd_million, or convert the value) [check/unit-mismatch]",
      "data/observations/obs.csv:6:2: error: \"2023-Q5\" is not a period (hint: write a year 2023, a quarter 2023-Q4, a month 2024-03, a range 2023-Q1/2023-Q3 or 2024-01/2024-03, or a date 2023-09-01) [check/bad-period]",
      "data/observations/obs.csv:7:2: error: \"2023-Q5\" is not a period (hint: write a year 2023, a quarter 2023-Q4, a month 2024-03, a range 2023-Q1/2023-Q3 or 2024-01/2024-03, or a date 2023-09-01) [check/bad-period]",
      "data/observations/obs.csv:9:5: error: border_arrivals_change is of kind change_pct: its breakdown needs vs=… (hint: name the period compared with, e.g. vs=2022-Q1/2022-Q3) [check/missing-relative]",
      "data/observations/obs.csv:12:9: error: unknown source \"border-servise\" (hint: did you mean \"border-service\"?) [check/unknown-source]",
      "data/observations/obs.csv:13:9: error: unknown source \"border-servise\" (hint: did you mean \"border-service\"?) [check/unknown-source]",
      "data/observations/obs.csv:14:2: error: \"2023-13\" is not a period (hint: write a year 2023, a quarter 2023-Q4, a month 2024-03, a range 2023-Q1/2023-Q3 or 2024-01/2024-03, or a date 2023-09-01) [check/bad-period]",
      "data/observations/obs.csv:15:2: error: \"2023-13\" is not a period (hint: write a year 2023, a quarter 2023-Q4, a month 2024-03, a range 2023-Q1/2023-Q3 or 2024-01/2024-03, or a date 2023-09-01) [check/bad-period]",
      "data/observations/obs.csv:11:1: error: duplicate observation: same indicator, period, country, region and breakdown (hint: the first is at data/observations/obs.csv:10) [check/duplicate]",
    ]],
    ["share-over-100", [
      "data/observations/obs.csv:2:6: error: value 130 of border_arrivals_share is a percentage over 100 (hint: a share cannot exceed 100%; check the value and its unit) [check/share-over-100]",
    ]],
    ["share-without-whole", [
      "data/observations/obs.csv:2:5: error: border_arrivals_share is of kind share: its breakdown needs whole=… (hint: name the whole, e.g. whole=CIS or whole=_T) [check/missing-relative]",
    ]],
    ["thousands-comma", [
      "data/observations/obs.csv:2:6: error: value \"1,334,101\" is not a number (hint: write it without thousands separators: 1334101) [check/not-a-number]",
    ]],
    ["thousands-space", [
      "data/observations/obs.csv:2:6: error: value \"1 334 101\" is not a number (hint: write it without thousands separators: 1334101) [check/not-a-number]",
    ]],
    ["unit-mismatch", [
      "data/observations/obs.csv:2:7: error: unit usd_million differs from the unit of border_arrivals, persons (hint: an indicator has one unit (data/reference/indicators.csv:2); write persons, or convert the value) [check/unit-mismatch]",
    ]],
    ["unknown-column", [
      "data/observations/obs.csv:1:6: error: unknown column \"valeu\" (hint: did you mean \"value\"?) [load/unknown-column]",
    ]],
    ["unknown-country", [
      "data/observations/obs.csv:2:3: error: unknown country \"UZBK\" (hint: did you mean \"UZB\"?) [check/unknown-country]",
    ]],
    ["unknown-indicator", [
      "data/observations/obs.csv:2:1: error: unknown indicator \"border_arrival\" (hint: did you mean \"border_arrivals\"?) [check/unknown-indicator]",
    ]],
    ["unknown-region", [
      "data/observations/obs.csv:2:4: error: unknown region \"Nur-Sultn\" (hint: did you mean \"Nur-Sultan\"?) [check/unknown-region]",
    ]],
    ["unknown-source", [
      "data/observations/obs.csv:2:9: error: unknown source \"border-servic\" (hint: did you mean \"border-service\"?) [check/unknown-source]",
    ]],
    ["unknown-status", [
      "data/observations/obs.csv:2:8: error: unknown status \"X\" (hint: use one of A, P, E, I, M (A normal, P provisional, E estimated, I derived, M missing)) [check/unknown-status]",
    ]],
    ["unknown-unit", [
      "data/observations/obs.csv:2:7: error: unknown unit \"person\" (hint: did you mean \"persons\"?) [check/unknown-unit]",
    ]],
    ["unterminated-quote", [
      "data/observations/obs.csv:2:5: error: a quoted field is not closed before the end of the file (hint: close the field with a double quote; write a quote inside a field as \"\") [load/unterminated-quote]",
    ]],
    ["value-with-m", [
      "data/observations/obs.csv:2:6: error: status M (missing) with a value, 5 (hint: leave the value empty for status M, or use another status) [check/value-with-missing-status]",
    ]],
    // Reliability check defect 11: files not in UTF-8 are named with the encoding they look like.
    ["countries-cp1251", [
      "data/reference/countries.csv:2:30: error: the file is not UTF-8: it looks like Windows-1251 (hint: save it as UTF-8 (in Excel: Save As \"CSV UTF-8\"), or convert it: iconv -f WINDOWS-1251 -t UTF-8) [load/not-utf8]",
    ]],
    ["obs-utf16", [
      "data/observations/flows.csv:1:1: error: the file is UTF-16LE, not UTF-8 (hint: save it as UTF-8 (in Excel: Save As \"CSV UTF-8\"), or convert it: iconv -f UTF-16 -t UTF-8) [load/not-utf8]",
    ]],
    ["obs-utf16-no-bom", [
      "data/observations/flows.csv:1:1: error: the file is UTF-16LE, not UTF-8 (hint: save it as UTF-8 (in Excel: Save As \"CSV UTF-8\"), or convert it: iconv -f UTF-16 -t UTF-8) [load/not-utf8]",
    ]],
    ["report-cp1251", [
      "data/narrative/2023-Q4/report.yaml:1:8: error: the file is not UTF-8: it looks like Windows-1251 (hint: save it as UTF-8 (in Excel: Save As \"CSV UTF-8\"), or convert it: iconv -f WINDOWS-1251 -t UTF-8) [load/not-utf8]",
    ]],
    // Reliability check defect 9: a YAML alias bomb (crashed "unexpected error: Excessive alias count").
    ["report-alias-bomb", [
      "data/narrative/2023-Q4/report.yaml:5:84: error: YAML aliases here expand to more than 100 copies (hint: write the values out instead of repeating them with &anchor and *alias) [load/yaml-aliases]",
    ]],
    // Reliability check defect 7: a folder where a file should be (crashed with EISDIR, no path).
    ["notes-is-a-folder", [
      "data/narrative/2023-Q4/notes.yaml:1: error: this is a folder, not a file (hint: a file of this name is expected here: move the folder away or rename it) [load/folder-not-file]",
    ]],
    // Reliability check defect 2: period cells typed as Excel dates under a flow (were read as stock dates, exit 0).
    ["xlsx-date-period", [
      "data/observations/flows.xlsx[Data]:4:2: error: the period cell is an Excel date, 1 August 2023, but border_arrivals is of kind count, a flow over a period; a date is a period only for stocks (hint: write the period as text: 2023-08 for the month (format the column as Text, or type '2023-08)) [load/date-as-period]",
      "data/observations/flows.xlsx[Data]:6:2: error: the period cell is an Excel date, 1 October 2023, but border_arrivals is of kind count, a flow over a period; a date is a period only for stocks (hint: write the period as text: 2023-Q4 for the quarter, or 2023-10 for the month (format the column as Text, or type '2023-Q4)) [load/date-as-period]",
      "data/observations/flows.xlsx[Data]:7:2: error: the period cell is an Excel date, 1 October 2023, but border_arrivals is of kind count, a flow over a period; a date is a period only for stocks (hint: write the period as text: 2023-Q4 for the quarter, or 2023-10 for the month (format the column as Text, or type '2023-Q4)) [load/date-as-period]",
      "data/observations/flows.xlsx[Data]:13:2: error: the period cell is an Excel date, 1 October 2023, but border_arrivals is of kind count, a flow over a period; a date is a period only for stocks (hint: write the period as text: 2023-Q4 for the quarter, or 2023-10 for the month (format the column as Text, or type '2023-Q4)) [load/date-as-period]",
    ]],
    // Check defect 15: a formula without a stored result (was 'value "[object Object]" is not a number').
    ["xlsx-formula", [
      "data/observations/flows.xlsx[Data]:2:6: error: the cell holds the formula =99+1 but no stored result (hint: open and save the workbook in Excel or LibreOffice so the result is stored, or write the number itself) [load/formula-without-result]",
    ]],
    // Check defect 14: errors name the sheet ("Data", not "Sheet1"); a hidden sheet is an error, not read silently.
    ["xlsx-hidden-sheet", [
      "data/observations/flows.xlsx[Data]:3:6: error: value \"TRUE\" is not a number (hint: write a number with a dot decimal and no separators, e.g. 1334101 or 5.3) [check/not-a-number]",
      "data/observations/flows.xlsx[scratch]:1: error: sheet \"scratch\" is hidden (hint: a hidden sheet is not read: unhide it if its rows belong to the data, or move it out of the workbook) [load/hidden-sheet]",
    ]],
    // Check defect 16: files named .xlsx that are no workbook (were "invalid signature: 0x…", "FILE_ENDED").
    ["xlsx-csv-renamed", [
      "data/observations/flows.xlsx:1: error: this is a text file named .xlsx (a CSV renamed?), not an Excel workbook (hint: rename it to .csv if it is a CSV, or save it from Excel as .xlsx) [load/unreadable-workbook]",
    ]],
    ["xlsx-old-xls", [
      "data/observations/flows.xlsx:1: error: this is an old Excel 97\u20132003 (.xls) workbook or a password-protected one, not an .xlsx (hint: save it as \"Excel Workbook (.xlsx)\" without a password) [load/unreadable-workbook]",
    ]],
    ["xlsx-empty", [
      "data/observations/flows.xlsx:1: error: the file is empty (hint: save the workbook again from Excel or LibreOffice) [load/unreadable-workbook]",
    ]],
    ["xlsx-truncated", [
      "data/observations/flows.xlsx:1: error: the workbook is incomplete or damaged (truncated while copying?) (hint: copy or save the workbook again) [load/unreadable-workbook]",
    ]],
    // Check defect 12: a value too large for a double (was Infinity, unlocated later) or to be held exactly (was published).
    ["number-too-large", [
      "data/observations/flows.csv:2:6: error: value 10000000000000000000\u202600000000 (401 characters) is too large to be held exactly (hint: a figure may have at most 16 digits before the point (up to 9007199254740991); check for digits typed twice, or give the value in a larger unit) [check/number-too-large]",
      "data/observations/flows.csv:3:6: error: value 10000000000000000000\u202600000000 (301 characters) is too large to be held exactly (hint: a figure may have at most 16 digits before the point (up to 9007199254740991); check for digits typed twice, or give the value in a larger unit) [check/number-too-large]",
    ]],
    // Check defect 5: a NUL byte in a field is shown as \u0000, not written raw to the terminal.
    ["nul-in-country", [
      "data/observations/flows.csv:3:3: error: unknown country \"UZB\\u0000\" (hint: did you mean \"UZB\"?) [check/unknown-country]",
    ]],
    // Check defect 8: year 0000 passed the row check and crashed the audit ("unexpected error: invalid period \"1-Q1\"").
    ["period-year-0000", [
      "data/observations/flows.csv:6:2: error: \"0000-Q4\" is not a period: its year is before 1000 (hint: check the year for a typo, e.g. 2023-Q4) [check/bad-period]",
    ]],
    // Check defect 23: Excel's sep=, line gave 11 errors starting 'unknown column "sep="'.
    ["excel-sep-line", [
      "data/observations/flows.csv:1:1: error: the first line is Excel's \"sep=,\" line, not the header (hint: delete that line: the header row (indicator,period,\u2026) must come first) [load/sep-line]",
    ]],
    // Check defect 23: a file split by ";" gave 10 errors and no word of the delimiter.
    ["semicolon-delimiter", [
      "data/observations/flows.csv:1:1: error: the fields are separated by \";\", not commas (hint: save the file as CSV with commas (in Excel: \"CSV UTF-8 (Comma delimited)\")) [load/wrong-delimiter]",
    ]],
];

describe('bad input', () => {
  it('every fixture folder has a case here, and there are at least 25', () => {
    expect(readdirSync(join(FIXTURES, 'bad')).sort()).toEqual(cases.map(([name]) => name).sort());
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('%s', async (name, expected) => {
    expect(await errorsOf(name)).toEqual(expected);
  });

  // The reader remembers each column's last valid text; no text, however odd, may pass for it unchecked.
  it.each([
    ['indicator', 1, '\u0000'],
    ['period', 2, '\u0000'],
    ['country', 3, '\u0000'],
    ['unit', 7, '\u0000'],
    ['source', 9, '\u0000'],
    ['country', 3, ''],
  ])('a first row with %s column %d = %j is an error', async (_, column, text) => {
    const root = projectWith();
    const fields = ['border_arrivals', '2023-Q4', 'RUS', '', '', '5', 'persons', 'A', 'border-service'];
    fields[column - 1] = text;
    writeFileSync(join(root, 'data/observations/flows.csv'), `indicator,period,country,region,breakdown,value,unit,status,source\n${fields.join(',')}\n`);
    const errors = await loadProject('data', { root }).then(
      () => [],
      (e: unknown) => (isUserError(e) ? userErrorsOf(e).map((x) => x.at) : [e]),
    );
    expect(errors).toEqual([{ file: 'data/observations/flows.csv', line: 2, column }]);
  });
});

// Cases a fixture folder cannot hold (git keeps no dangling link portably): built in place.
describe('bad input on the filesystem', () => {
  it('a dangling symbolic link in observations/ (issue 14, point 3)', async () => {
    const root = projectWith();
    symlinkSync(join(root, 'nowhere.csv'), join(root, 'data/observations/zz-link.csv'));
    const errors = await loadProject('data', { root }).then(
      () => [],
      (e: unknown) => (isUserError(e) ? userErrorsOf(e).map((x) => formatError(x)) : [String(e)]),
    );
    expect(errors).toEqual([
      `data/observations/zz-link.csv:1: error: this is a symbolic link to "${join(root, 'nowhere.csv')}", which does not exist (hint: restore the file it points to, or put the file itself here) [load/dangling-link]`,
    ]);
  });

  it('a folder named like an observations file, and one named like a reference file', async () => {
    const root = projectWith();
    mkdirSync(join(root, 'data/observations/zz-dir.csv'));
    rmSync(join(root, 'data/reference/sources.csv'));
    mkdirSync(join(root, 'data/reference/sources.csv'));
    const errors = await loadProject('data', { root }).then(
      () => [],
      (e: unknown) => (isUserError(e) ? userErrorsOf(e).map((x) => formatError(x)) : [String(e)]),
    );
    expect(errors).toEqual([
      'data/reference/sources.csv:1: error: this is a folder, not a file (hint: a file of this name is expected here: move the folder away or rename it) [load/folder-not-file]',
    ]);
  });
});

// Check defect 5: a 10 MB line took 272 s and was echoed whole; a 1 MB country 25 s. Now < 1 s, echoed cut.
describe('bounded cost on hostile input', () => {
  const timed = async (write: (root: string) => void) => {
    const root = projectWith();
    write(root);
    const started = performance.now();
    const errors = await loadProject('data', { root }).then(
      () => [],
      (e: unknown) => (isUserError(e) ? userErrorsOf(e).map((x) => formatError(x)) : [String(e)]),
    );
    return { ms: performance.now() - started, errors };
  };

  it('a 10 MB line as a header fails in under a second with the text cut', async () => {
    const { ms, errors } = await timed((root) => writeFileSync(join(root, 'data/observations/zz-long.csv'), 'a'.repeat(10_000_000)));
    expect(errors[0]).toBe(
      `data/observations/zz-long.csv:1:1: error: unknown column "${'a'.repeat(79)}…" (10,000,000 characters) (hint: the columns are: indicator, period, country, region, breakdown, value, unit, status, source) [load/unknown-column]`,
    );
    expect(errors.every((e) => e.length < 1000)).toBe(true);
    expect(ms).toBeLessThan(1000);
  });

  it('a 1 MB unknown country fails in under a second with the text cut', async () => {
    const { ms, errors } = await timed((root) =>
      writeFileSync(join(root, 'data/observations/flows.csv'), `indicator,period,country,region,breakdown,value,unit,status,source\nborder_arrivals,2023-Q4,${'U'.repeat(1_000_000)},,,5,persons,A,border-service\n`),
    );
    expect(errors).toEqual([
      `data/observations/flows.csv:2:3: error: unknown country "${'U'.repeat(79)}…" (1,000,000 characters) (hint: use one listed in data/reference/countries.csv) [check/unknown-country]`,
    ]);
    expect(ms).toBeLessThan(1000);
  });
});
