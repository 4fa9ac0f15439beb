// Writes the PDF's document information (Title, Author, Subject, Keywords), which Chromium fills in only Title, and
// the PDF/UA-1 structure of pdf-ua.ts (new versions of Chromium's objects). The file is written again whole, each
// object once (rewriteWhole); a file not laid out as Chromium writes it gets an incremental update instead.
import { accessibilityObjects, pdfText, xrefOffsets, type AccessibilityInfo, type NewObjects } from './pdf-ua.ts';

export interface DocumentInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  /** The document's creation and modification date (YYYY-MM-DD), written over Chromium's clock time. */
  date?: string;
}

/** The bytes as text, one character per byte (ISO 8859-1; faster than TextDecoder, whose 'latin1' is windows-1252). */
const latin1 = { decode: (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1') };

/** Chromium's PDF dates ("D:20261129173802+00'00'"): the clock time of the print. */
const CLOCK_DATE = /D:\d{14}\+00'00'/g;

/**
 * Writes `date` (YYYY-MM-DD) over every date Chromium wrote, byte for byte in place (same length: offsets hold), so
 * the same data give the same bytes whenever they are printed.
 */
export function setDocumentDates(pdf: Uint8Array, date: string): Uint8Array {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return pdf;
  const stamp = `D:${m[1]}${m[2]}${m[3]}000000+00'00'`;
  const text = latin1.decode(pdf);
  const out = new Uint8Array(pdf);
  for (const hit of text.matchAll(CLOCK_DATE)) for (let i = 0; i < stamp.length; i++) out[hit.index! + i] = stamp.charCodeAt(i);
  return out;
}

/** Blink's ids of DOM nodes that the tagged PDF's structure elements carry ("node00001255"). */
const NODE_ID = /node(\d{8})(?!\d)/g;

/**
 * Renumbers the structure elements' ids 1, 2, 3 … in their own order, in place (same length). Blink counts DOM
 * nodes per renderer process, so a tab reused for a second report (a batch) would number them on from the first:
 * the same report would get other bytes. The map keeps their order, so the ID name tree stays sorted.
 */
export function normaliseNodeIds(pdf: Uint8Array): Uint8Array {
  const text = latin1.decode(pdf);
  const ids = [...new Set([...text.matchAll(NODE_ID)].map((m) => m[1]))].sort();
  if (!ids.length || ids.every((id, i) => Number(id) === i + 1)) return pdf;
  const renumbered = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  const out = new Uint8Array(pdf);
  for (const m of text.matchAll(NODE_ID)) {
    const digits = renumbered.get(m[1])!;
    for (let i = 0; i < 8; i++) out[m.index! + 4 + i] = digits.charCodeAt(i);
  }
  return out;
}

/**
 * Returns the PDF with its Info dictionary replaced and, with `accessible`, the PDF/UA-1 structure of pdf-ua.ts: the
 * file written again whole (rewriteWhole), else with one incremental update; unchanged if its trailer is not a
 * classic one.
 */
export function setDocumentInfo(original: Uint8Array, info: DocumentInfo, accessible?: Pick<AccessibilityInfo, 'lang' | 'links'>): Uint8Array {
  const ided = normaliseNodeIds(original);
  const pdf = info.date ? setDocumentDates(ided, info.date) : ided;
  const tail = latin1.decode(pdf.subarray(Math.max(0, pdf.length - 2048)));
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(tail);
  if (!trailer) return pdf;
  const size = /\/Size\s+(\d+)/.exec(trailer[1]);
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1]);
  if (!size || !root) return pdf;
  const oldInfoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1]);
  let next = Number(size[1]);
  const infoNumber = oldInfoRef ? Number(oldInfoRef[1]) : next++;

  // The file is read as text once, its objects located once: for the Info kept, the PDF/UA objects and the rewrite.
  const whole = latin1.decode(pdf);
  const offsets = xrefOffsets(whole);
  // Keep the dates and producer Chromium wrote.
  const kept: Record<string, string> = {};
  if (oldInfoRef) {
    const obj = new RegExp(`(?:^|\\s)${oldInfoRef[1]}\\s+${oldInfoRef[2]}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(whole);
    for (const key of ['Producer', 'CreationDate', 'ModDate']) {
      const entry = obj && new RegExp(`/${key}\\s*(\\([^)]*\\)|<[0-9A-Fa-f]*>)`).exec(obj[1]);
      if (entry) kept[key] = entry[1];
    }
  }
  const entries = [
    ...(['title', 'author', 'subject', 'keywords', 'creator'] as const)
      .filter((k) => info[k])
      .map((k) => `/${k[0].toUpperCase()}${k.slice(1)} ${pdfText(info[k]!)}`),
    ...Object.entries(kept).map(([k, v]) => `/${k} ${v}`),
  ];
  const objects: NewObjects = new Map();
  if (accessible) {
    const literal = (v?: string) => v?.replace(/^\(|\)$/g, '');
    const ua = accessibilityObjects(pdf, whole, Number(root[1]), next, {
      ...info,
      ...accessible,
      producer: literal(kept.Producer),
      created: literal(kept.CreationDate),
      modified: literal(kept.ModDate),
    }, offsets);
    ua.objects.forEach((body, n) => objects.set(n, body));
    next = ua.next;
  }
  objects.set(infoNumber, new TextEncoder().encode(`<<${entries.join('\n')}>>`));
  const t = { size: Math.max(next, Number(size[1])), root: `${root[1]} ${root[2]} R`, info: `${infoNumber} 0 R` };
  return rewriteWhole(pdf, whole, objects, t, Number(trailer[2]), offsets) ?? appendUpdate(pdf, objects, { ...t, prev: Number(trailer[2]) });
}

/**
 * The PDF written again whole, each object once: Chromium's own objects copied byte for byte where they stay, the
 * new versions in their place, the new numbers after them, and one xref table. An incremental update would keep
 * the replaced objects too (every page's content stream, ~20% of the file). Undefined, and the caller appends an
 * update instead, for a file not laid out as Chromium writes it: one classic xref table (no /Prev) whose objects
 * are numbered 1 to Size − 1 without a gap, each starting where the table says, and new objects without a gap.
 */
export function rewriteWhole(
  pdf: Uint8Array,
  text: string,
  objects: NewObjects,
  t: { size: number; root: string; info: string },
  xrefAt: number,
  offsets: Map<number, number> = xrefOffsets(text),
): Uint8Array | undefined {
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(xrefAt));
  if (!text.startsWith('xref', xrefAt) || !trailer || /\/Prev\s/.test(trailer[1])) return undefined;
  for (let n = 1; n < t.size; n++) if (!offsets.has(n) && !objects.has(n)) return undefined;
  for (const n of objects.keys()) if (n < 1 || n >= t.size) return undefined;
  // Each object runs from its offset to the next one's (the last one to the xref table).
  const order = [...offsets].sort((a, b) => a[1] - b[1]);
  if (!order.length || xrefAt <= order[order.length - 1][1]) return undefined;
  const head = /(\d+)\s+0\s+obj\b/y;
  for (const [n, at] of order) {
    head.lastIndex = at;
    if (Number(head.exec(text)?.[1]) !== n) return undefined;
  }

  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    length += bytes.length;
  };
  const ascii = (s: string) => Buffer.from(s, 'latin1');
  const placed = new Map<number, number>();
  const write = (n: number, body: Uint8Array) => {
    placed.set(n, length);
    push(ascii(`${n} 0 obj\n`));
    push(body);
    push(ascii('\nendobj\n'));
  };
  push(pdf.subarray(0, order[0][1])); // the header and its binary comment
  order.forEach(([n, at], i) => {
    const body = objects.get(n);
    if (body) write(n, body);
    else {
      placed.set(n, length);
      push(pdf.subarray(at, i + 1 < order.length ? order[i + 1][1] : xrefAt));
    }
  });
  for (const n of [...objects.keys()].filter((k) => !offsets.has(k)).sort((a, b) => a - b)) write(n, objects.get(n)!);
  const xrefOffset = length;
  let xref = `xref\n0 ${t.size}\n0000000000 65535 f \n`;
  for (let n = 1; n < t.size; n++) xref += `${String(placed.get(n)).padStart(10, '0')} 00000 n \n`;
  push(ascii(`${xref}trailer\n<</Size ${t.size}\n/Root ${t.root}\n/Info ${t.info}>>\nstartxref\n${xrefOffset}\n%%EOF\n`));
  return Buffer.concat(parts, length);
}

/** Appends the objects (new versions or new numbers) with their xref section and a trailer pointing back at `prev`. */
export function appendUpdate(pdf: Uint8Array, objects: NewObjects, t: { size: number; root: string; info: string; prev: number }): Uint8Array {
  const numbers = [...objects.keys()].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let length = pdf.length;
  const offsets = new Map<number, number>();
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    length += bytes.length;
  };
  const ascii = (s: string) => Buffer.from(s, 'latin1');
  for (const n of numbers) {
    push(ascii('\n'));
    offsets.set(n, length);
    push(ascii(`${n} 0 obj\n`));
    push(objects.get(n)!);
    push(ascii('\nendobj'));
  }
  push(ascii('\n'));
  const xrefOffset = length;
  // One subsection per run of consecutive numbers.
  let xref = 'xref\n';
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(numbers[k])).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  push(ascii(`${xref}trailer\n<</Size ${t.size}\n/Root ${t.root}\n/Info ${t.info}\n/Prev ${t.prev}>>\nstartxref\n${xrefOffset}\n%%EOF\n`));
  const out = new Uint8Array(length);
  out.set(pdf);
  let at = pdf.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
