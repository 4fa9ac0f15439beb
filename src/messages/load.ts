// User-facing messages of the load stage: files, CSV/XLSX/YAML syntax, columns, reference and narrative files.
import type { Message } from '../errors.ts';

export type { Message };

const didYouMean = (closest: string | undefined): string | undefined => (closest ? `did you mean "${closest}"?` : undefined);

export const missingFolder = (path: string): Message => ({
  code: 'load/missing-folder',
  message: `data folder "${path}" does not exist`,
  hint: 'pass the data folder with --data',
});

export const dataNotAFolder = (path: string): Message => ({
  code: 'load/data-not-a-folder',
  message: `data folder "${path}" is a file, not a folder`,
  hint: 'pass the data folder with --data',
});

export const missingFile = (path: string): Message => ({
  code: 'load/missing-file',
  message: `required file "${path}" is missing`,
  hint: 'see docs/data.md for the files of a data folder',
});

export const unreadableFile = (reason: string): Message => ({
  code: 'load/unreadable-file',
  message: `the file cannot be read: ${reason}`,
  ...(/permission denied|not permitted/.test(reason) ? { hint: 'give the user running migreport permission to read it (chmod a+r)' } : {}),
});

export const folderNotFile = (): Message => ({
  code: 'load/folder-not-file',
  message: 'this is a folder, not a file',
  hint: 'a file of this name is expected here: move the folder away or rename it',
});

export const danglingLink = (target: string): Message => ({
  code: 'load/dangling-link',
  message: `this is a symbolic link to "${target}", which does not exist`,
  hint: 'restore the file it points to, or put the file itself here',
});

export const noObservations = (): Message => ({
  code: 'load/no-observations',
  message: 'the observations folder holds no .csv or .xlsx file',
  hint: 'add observation files (docs/data.md lists the columns)',
});

export const unterminatedQuote = (): Message => ({
  code: 'load/unterminated-quote',
  message: 'a quoted field is not closed before the end of the file',
  hint: 'close the field with a double quote; write a quote inside a field as ""',
});

export const textAfterQuote = (): Message => ({
  code: 'load/text-after-quote',
  message: 'text follows the closing quote of a field',
  hint: 'put the whole field in quotes and write a quote inside it as ""',
});

export const emptyFile = (): Message => ({
  code: 'load/empty-file',
  message: 'the file has no header row',
  hint: 'the first row names the columns',
});

export const unknownColumn = (name: string, closest: string | undefined, expected: readonly string[]): Message => ({
  code: 'load/unknown-column',
  message: `unknown column "${name}"`,
  hint: didYouMean(closest) ?? `the columns are: ${expected.join(', ')}`,
});

export const missingColumn = (name: string): Message => ({
  code: 'load/missing-column',
  message: `column "${name}" is missing`,
  hint: `add a column named "${name}" to the header row`,
});

export const duplicateColumn = (name: string, firstColumn: number): Message => ({
  code: 'load/duplicate-column',
  message: `column "${name}" appears twice`,
  hint: `it is already column ${firstColumn}; remove one`,
});

export const fieldCount = (found: number, expected: number): Message => ({
  code: 'load/field-count',
  message: `the row has ${found} field${found === 1 ? '' : 's'}, the header has ${expected}`,
  hint: 'a value with a comma must be in double quotes',
});

export const duplicateCode = (file: string, code: string, firstLine: number): Message => ({
  code: 'load/duplicate-code',
  message: `"${code}" is listed twice in ${file}`,
  hint: `the first is on line ${firstLine}`,
});

export const emptyCode = (column: string): Message => ({
  code: 'load/empty-code',
  message: `the ${column} is empty`,
  hint: `every row needs a ${column}`,
});

export const badChoice = (column: string, value: string, allowed: readonly string[]): Message => ({
  code: 'load/bad-choice',
  message: `${column} "${value}" is not one of the accepted values`,
  hint: `use one of: ${allowed.join(', ')}`,
});

export const unknownGroup = (group: string, closest: string | undefined): Message => ({
  code: 'load/unknown-group',
  message: `group "${group}" is not a group in countries.csv`,
  hint: didYouMean(closest) ?? 'add a row of kind "group" for it',
});

export const unknownBase = (base: string, closest: string | undefined): Message => ({
  code: 'load/unknown-base',
  message: `base indicator "${base}" is not in indicators.csv`,
  hint: didYouMean(closest) ?? 'name the indicator the derived one is computed from',
});

export const badBase = (kind: string, count: number): Message => ({
  code: 'load/bad-base',
  message: `an indicator of kind ${kind} needs ${kind === 'balance' ? 'two base indicators' : 'one base indicator'}, found ${count}`,
  hint: kind === 'balance' ? 'write base as plus;minus, e.g. prp_issued;prp_terminated' : 'write the id of the indicator it is computed from',
});

export const badYear = (value: string): Message => ({
  code: 'load/bad-year',
  message: `year "${value}" is not a year`,
  hint: 'write four digits, e.g. 2024',
});

export const ambiguousRegionName = (name: string, first: string, second: string): Message => ({
  code: 'load/ambiguous-region-name',
  message: `name "${name}" is given for both ${first} and ${second}`,
  hint: 'a name or former name must point to one region',
});

export const yamlSyntax = (reason: string): Message => ({
  code: 'load/yaml-syntax',
  message: `YAML syntax error: ${reason}`,
  hint: 'check indentation and quoting; a text with ": " in it needs quotes',
});

export const unknownKey = (key: string, closest: string | undefined, allowed: readonly string[]): Message => ({
  code: 'load/unknown-key',
  message: `unknown key "${key}"`,
  hint: didYouMean(closest) ?? `the keys are: ${allowed.join(', ')}`,
});

export const missingKey = (key: string): Message => ({
  code: 'load/missing-key',
  message: `key "${key}" is missing`,
  hint: `add "${key}:"`,
});

export const wrongType = (key: string, expected: string): Message => ({
  code: 'load/wrong-type',
  message: `"${key}" should be ${expected}`,
});

export const badPublicationDate = (value: string): Message => ({
  code: 'load/bad-date',
  message: `"${value}" is not a publication date`,
  hint: 'write an ISO date, YYYY-MM-DD (e.g. 2024-05-10), or a month, YYYY-MM (e.g. 2023-12)',
});

export const badDate = (value: string): Message => ({
  code: 'load/bad-date',
  message: `"${value}" is not a date`,
  hint: 'write an ISO date, YYYY-MM-DD, e.g. 2023-10-26',
});

export const badNarrativeFolder = (name: string): Message => ({
  code: 'load/bad-narrative-folder',
  message: `narrative folder "${name}" is not named after a period`,
  hint: 'name it like the report period, e.g. narrative/2023-Q4',
});

export const periodMismatch = (written: string, folder: string): Message => ({
  code: 'load/period-mismatch',
  message: `period ${written} differs from the folder's period ${folder}`,
  hint: `write period: ${folder}, or move the file to narrative/${written}/`,
});

export const unknownPolicySource = (id: string, closest: string | undefined): Message => ({
  code: 'load/unknown-source',
  message: `source "${id}" is not in sources.csv`,
  hint: didYouMean(closest) ?? 'add it to data/reference/sources.csv',
});

export const emptySheet = (sheet: string): Message => ({
  code: 'load/empty-sheet',
  message: `sheet "${sheet}" has no header row`,
  hint: 'the first row of each sheet names the columns; delete sheets that hold no data',
});

export const tooManyErrors = (cap: number): Message => ({
  code: 'load/too-many-errors',
  message: `stopped after ${cap} errors`,
  hint: 'fix these and run again',
});

const ICONV_NAME: Record<string, string> = { 'UTF-16LE': 'UTF-16', 'UTF-16BE': 'UTF-16', 'Windows-1251': 'WINDOWS-1251', 'Windows-1252': 'WINDOWS-1252' };

export const notUtf8 = (encoding: string): Message => ({
  code: 'load/not-utf8',
  message: encoding.startsWith('UTF-16') ? `the file is ${encoding}, not UTF-8` : `the file is not UTF-8: it looks like ${encoding}`,
  hint: `save it as UTF-8 (in Excel: Save As "CSV UTF-8"), or convert it: iconv -f ${ICONV_NAME[encoding] ?? encoding} -t UTF-8`,
});

export const yamlAliasBomb = (): Message => ({
  code: 'load/yaml-aliases',
  message: 'YAML aliases here expand to more than 100 copies',
  hint: 'write the values out instead of repeating them with &anchor and *alias',
});

export const hiddenSheet = (name: string): Message => ({
  code: 'load/hidden-sheet',
  message: `sheet "${name}" is hidden`,
  hint: 'a hidden sheet is not read: unhide it if its rows belong to the data, or move it out of the workbook',
});

export const formulaWithoutResult = (formula: string): Message => ({
  code: 'load/formula-without-result',
  message: `the cell holds the formula ${formula.length > 60 ? formula.slice(0, 60) + '…' : formula} but no stored result`,
  hint: 'open and save the workbook in Excel or LibreOffice so the result is stored, or write the number itself',
});

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date cell in the period column of a flow: the codes an analyst most likely meant by it. */
export const dateForFlow = (iso: string, indicator: string, kind: string): Message => {
  const [y, m, d] = iso.split('-').map(Number);
  const said = `${d} ${MONTH_NAMES[m - 1]} ${y}`;
  const month = iso.slice(0, 7);
  const meant =
    d !== 1
      ? 'write the period as text: a month (2024-03), a quarter (2023-Q4) or a year (2023)'
      : (m - 1) % 3 === 0
        ? `write the period as text: ${y}-Q${(m - 1) / 3 + 1} for the quarter${m === 1 ? `, ${y} for the year` : ''}, or ${month} for the month (format the column as Text, or type '${y}-Q${(m - 1) / 3 + 1})`
        : `write the period as text: ${month} for the month (format the column as Text, or type '${month})`;
  return {
    code: 'load/date-as-period',
    message: `the period cell is an Excel date, ${said}, but ${indicator} is of kind ${kind}, a flow over a period; a date is a period only for stocks`,
    hint: meant,
  };
};

/** Why a workbook cannot be read (xlsx.ts, WorkbookUnreadable): the message, or a function of the detail it names, and the hint. */
const WORKBOOK_PROBLEMS: Record<string, [string | ((detail: string) => string), string]> = {
  empty: ['the file is empty', 'save the workbook again from Excel or LibreOffice'],
  'xls-or-encrypted': ['this is an old Excel 97–2003 (.xls) workbook or a password-protected one, not an .xlsx', 'save it as "Excel Workbook (.xlsx)" without a password'],
  text: ['this is a text file named .xlsx (a CSV renamed?), not an Excel workbook', 'rename it to .csv if it is a CSV, or save it from Excel as .xlsx'],
  'not-zip': ['this is not an .xlsx workbook (an .xlsx file is a zip archive)', 'save it from Excel or LibreOffice as "Excel Workbook (.xlsx)"'],
  incomplete: ['the workbook is incomplete or damaged (truncated while copying?)', 'copy or save the workbook again'],
  'skipped-sheet': [
    (sheets) => `sheet "${sheets}" could not be read: the Excel reader skipped it in every pass`,
    'build again; if it happens again, save the workbook again from Excel or LibreOffice, or save its sheets as CSV',
  ],
};

export const unreadableWorkbook = (why: string, detail = ''): Message => {
  const [message, hint] = WORKBOOK_PROBLEMS[why] ?? ['the workbook cannot be read', undefined];
  return { code: 'load/unreadable-workbook', message: typeof message === 'function' ? message(detail) : message, hint };
};

export const excelSepLine = (text: string): Message => ({
  code: 'load/sep-line',
  message: `the first line is Excel's "${text}" line, not the header`,
  hint: 'delete that line: the header row (indicator,period,…) must come first',
});

export const wrongDelimiter = (delimiter: string): Message => ({
  code: 'load/wrong-delimiter',
  message: `the fields are separated by ${delimiter === '\t' ? 'tabs' : `"${delimiter}"`}, not commas`,
  hint: 'save the file as CSV with commas (in Excel: "CSV UTF-8 (Comma delimited)")',
});

export const translationOfItself = (name: string, lang: string): Message => ({
  code: 'load/translation-of-itself',
  message: `${name} translates the narrative into "${lang}", the language report.yaml is written in`,
  hint: 'remove it, or set `lang:` in report.yaml to the language the three files are written in',
});

export const translationExtraItem = (n: number, count: number): Message => ({
  code: 'load/translation-extra-item',
  message: `development ${n} has no counterpart: policy.yaml lists ${count}`,
  hint: 'translate the developments of policy.yaml one for one, in its order',
});

export const translationDateDiffers = (date: string, original: string, n: number): Message => ({
  code: 'load/translation-date-differs',
  message: `development ${n} is dated ${date || '(none)'} here and ${original} in policy.yaml`,
  hint: 'translate the developments of policy.yaml one for one, in its order, with the same dates',
});

export const missingTranslation = (key: string, language: string, file: string, fileExists: boolean): Message => ({
  code: 'load/missing-translation',
  message: `the ${language} edition needs "${key}" in ${language}, and ${file} ${fileExists ? 'does not have it' : 'does not exist'}`,
  hint: fileExists ? `add "${key}" to ${file}` : `write ${file} beside this file with its texts in ${language} (docs/data.md, "Narrative in other languages")`,
});

export const imageOutside = (name: string): Message => ({
  code: 'load/image-outside',
  message: `the logo "${name}" is outside the data folder`,
  hint: 'put the logo in the data folder (e.g. data/images/logo.svg) and name it relative to that folder: images/logo.svg',
});

export const imageMissing = (path: string): Message => ({
  code: 'load/image-missing',
  message: `the logo ${path} does not exist`,
  hint: 'name an SVG or PNG file relative to the data folder, e.g. images/logo.svg',
});

export const imageType = (path: string): Message => ({
  code: 'load/image-type',
  message: `the logo ${path} is neither SVG nor PNG`,
  hint: 'save the logo as .svg (best: sharp at any size) or .png',
});

export const imageTooLarge = (path: string, bytes: number, max: number): Message => ({
  code: 'load/image-too-large',
  message: `the logo ${path} is ${Math.round(bytes / 1024)} KB; a logo is inlined into every edition, up to ${Math.round(max / 1024)} KB`,
  hint: 'use the SVG of the logo, or a PNG a few hundred pixels wide',
});

export const imageNotWhatItSays = (path: string, type: string): Message => ({
  code: 'load/image-content',
  message: `${path} is named as ${type} but its content is not ${type}`,
  hint: 'export the logo again in the format its name says',
});

export const badColour = (text: string): Message => ({
  code: 'load/bad-colour',
  message: `"${text}" is not a colour`,
  hint: "write it as #rrggbb in quotes, e.g. cover_colour: '#0b4f8a'",
});

export const lowContrastColour = (colour: string, ratio: number): Message => ({
  code: 'load/low-contrast-colour',
  message: `the cover's white title on ${colour} has a contrast of ${ratio}:1, below the 4.5:1 that WCAG asks for`,
  hint: 'choose a darker cover colour',
});
