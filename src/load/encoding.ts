// Every text file of a data folder is UTF-8. A file in another encoding is a located error that says
// which encoding it looks like (UTF-16 from Excel's "Unicode text" or iconv, Windows-1251 from
// Russian-language Windows, Windows-1252 from Western ones), never a report with "���" in it.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';

export interface EncodingProblem {
  /** What the file looks like: 'UTF-16LE', 'UTF-16BE', 'Windows-1251', 'Windows-1252', or 'not UTF-8'. */
  encoding: string;
  line: number;
  column: number;
}

/** Thrown by readers when the bytes are not UTF-8; callers report it located. */
export class NotUtf8Error extends Error {
  constructor(readonly problem: EncodingProblem) {
    super(`the file is not UTF-8 (it looks like ${problem.encoding})`);
    this.name = 'NotUtf8Error';
  }
}

/** UTF-16 by its byte-order mark, or by NUL bytes in every other place of a text's start. */
export function utf16Of(head: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
  const n = Math.min(head.length, 64) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul >= (n / 2) * 0.6 && evenNul === 0) return 'UTF-16LE';
  if (evenNul >= (n / 2) * 0.6 && oddNul === 0) return 'UTF-16BE';
  return undefined;
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Windows-1251 when most bytes above 0x7F are its Cyrillic letters (0xC0–0xFF, Ё ё), else Windows-1252. */
function singleByteGuess(bytes: Uint8Array): string {
  let high = 0;
  let cyrillic = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    if (b >= 0xc0 || b === 0xa8 || b === 0xb8) cyrillic++;
  }
  return high > 0 && cyrillic / high >= 0.8 ? 'Windows-1251' : 'Windows-1252';
}

/** Line and column (1-based, in characters) of a byte offset of a text whose start is UTF-8. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i] & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** Undefined for UTF-8 (with or without BOM); else what the bytes look like and where they first differ. */
export function encodingProblem(bytes: Uint8Array): EncodingProblem | undefined {
  const utf16 = utf16Of(bytes.subarray(0, 64));
  if (utf16) return { encoding: utf16, line: 1, column: 1 };
  if (isUtf8(bytes)) return undefined;
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return undefined;
  return { encoding: singleByteGuess(bytes), ...position(bytes, bad) };
}

/** Throws NotUtf8Error for a file that is not UTF-8 (read whole: for the small reference and narrative files). */
export function checkUtf8File(path: string): void {
  const problem = encodingProblem(readFileSync(path));
  if (problem) throw new NotUtf8Error(problem);
}
