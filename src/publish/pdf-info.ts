// Writes the PDF's document information (Title, Author, Subject, Keywords) as an incremental update:
// Chromium fills in only Title, and appending a new Info object leaves every byte it wrote untouched.

export interface DocumentInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  /** The document's creation and modification date (YYYY-MM-DD), written over Chromium's clock time. */
  date?: string;
}

/** A PDF text string: ASCII as a literal, anything else UTF-16BE with a byte-order mark. */
function pdfText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

const latin1 = new TextDecoder('latin1');

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

/** Returns the PDF with its Info dictionary replaced; unchanged if its trailer is not a classic one. */
export function setDocumentInfo(original: Uint8Array, info: DocumentInfo): Uint8Array {
  const ided = normaliseNodeIds(original);
  const pdf = info.date ? setDocumentDates(ided, info.date) : ided;
  const tail = latin1.decode(pdf.subarray(Math.max(0, pdf.length - 2048)));
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(tail);
  if (!trailer) return pdf;
  const size = /\/Size\s+(\d+)/.exec(trailer[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer[1]);
  if (!size || !root) return pdf;
  const oldInfoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1]);
  const infoNumber = oldInfoRef ? Number(oldInfoRef[1]) : Number(size[1]);
  const newSize = oldInfoRef ? Number(size[1]) : Number(size[1]) + 1;

  // Keep the dates and producer Chromium wrote.
  const kept: string[] = [];
  if (oldInfoRef) {
    const whole = latin1.decode(pdf);
    const obj = new RegExp(`(?:^|\\s)${oldInfoRef[1]}\\s+${oldInfoRef[2]}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(whole);
    for (const key of ['Producer', 'CreationDate', 'ModDate']) {
      const entry = obj && new RegExp(`/${key}\\s*(\\([^)]*\\)|<[0-9A-Fa-f]*>)`).exec(obj[1]);
      if (entry) kept.push(`/${key} ${entry[1]}`);
    }
  }
  const entries = [
    ...(['title', 'author', 'subject', 'keywords', 'creator'] as const)
      .filter((k) => info[k])
      .map((k) => `/${k[0].toUpperCase()}${k.slice(1)} ${pdfText(info[k]!)}`),
    ...kept,
  ];
  const object = `\n${infoNumber} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const objectOffset = pdf.length + 1; // after the leading newline
  const xrefOffset = pdf.length + object.length;
  const update =
    object +
    `xref\n${infoNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${newSize}\n/Root ${root[1]}\n/Info ${infoNumber} 0 R\n/Prev ${trailer[2]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Every character above is ASCII (non-ASCII text is hex), so one byte per character.
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf);
  for (let i = 0; i < update.length; i++) out[pdf.length + i] = update.charCodeAt(i);
  return out;
}
