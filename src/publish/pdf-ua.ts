// PDF/UA-1 structure that Chromium's tagged PDF lacks, written by pdf-info.ts (the file written again whole): the
// objects here are new versions of Chromium's objects (same numbers) or new objects; the others are copied as they are.
//   - XMP metadata (catalog /Metadata) with the PDF/UA identifier, title, author, subject, language and dates;
//     /ViewerPreferences << /DisplayDocTitle true >> (Chromium writes it; added if ever missing); /Version /1.7.
//   - Artifacts: content drawn outside any marked-content sequence (the @page margin boxes — running header and
//     page numbers — and the page backgrounds) is wrapped in /Artifact BMC … EMC in the page content streams.
//   - RoleMap: Chromium's PDF 2.0 structure types (Aside, Strong, Em …) mapped to PDF 1.7 standard types.
//   - Notes: the footnote bodies print-dom.browser.js marked (/Lang (en-x-fn3)) become Note elements with /ID
//     (fn-3) in the IDTree, and lose the marker.
//   - Link annotations get /Contents: the link's own text (or aria-label), looked up by its target.
// Everything works on the bytes Chromium writes (Skia: classic xref table, one content stream per page); what it
// does not recognise it leaves as it is, and test/publish/pdf-ua.test.ts reads the result with pdf-lib.
import { deflateSync, inflateSync } from 'node:zlib';

export interface AccessibilityInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  /** BCP 47 language of the document (dc:language). */
  lang?: string;
  /** A description of each link target, by href: '#fn-3' → 'note 3', 'https://stat.gov.kz/' → its text. */
  links?: Record<string, string>;
}

/** Objects to write in the update: number → bytes of the object's body (between "N 0 obj" and "endobj"). */
export type NewObjects = Map<number, Uint8Array>;

/** One byte per character (ISO 8859-1 both ways; TextDecoder's 'latin1' is windows-1252 and would not round-trip). */
const bytesOf = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const textOf = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** PDF/UA-1 standard structure types (ISO 32000-1, 14.8.4). */
export const STANDARD_TYPES = new Set(
  ('Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP ' +
    'Figure Formula Form').split(' '),
);
/** What Chromium's PDF 2.0 types stand for in PDF 1.7. An unknown type falls back to Span (inline) — never left out. */
const ROLE_MAP: Record<string, string> = {
  Aside: 'Div',
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  DocumentFragment: 'Div',
  Artifact: 'NonStruct',
};

/** A PDF text string: ASCII as a literal, anything else UTF-16BE with a byte-order mark. */
export function pdfText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** Reads a PDF string token (literal or hex) back to text. */
function readPdfString(token: string): string {
  let bytes: number[];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    bytes = [];
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else {
    bytes = [];
    const s = token.slice(1, -1);
    for (let i = 0; i < s.length; i++) {
      if (s[i] !== '\\') bytes.push(s.charCodeAt(i));
      else {
        const c = s[++i];
        const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        if (c in esc) bytes.push(esc[c]);
        else if (/[0-7]/.test(c)) {
          const oct = /^[0-7]{1,3}/.exec(s.slice(i))![0];
          bytes.push(parseInt(oct, 8));
          i += oct.length - 1;
        } else if (c !== '\n' && c !== '\r') bytes.push(c.charCodeAt(0));
      }
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return out;
  }
  return String.fromCharCode(...bytes);
}

/** The byte offset of every object, from the classic xref tables (the last update first, then /Prev). */
export function xrefOffsets(text: string): Map<number, number> {
  const offsets = new Map<number, number>();
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  let at = start ? Number(start[1]) : -1;
  const seen = new Set<number>();
  while (at >= 0 && !seen.has(at) && text.startsWith('xref', at)) {
    seen.add(at);
    const re = /\s*(\d+) (\d+)\s*\n/y;
    let pos = at + 4;
    for (;;) {
      re.lastIndex = pos;
      const head = re.exec(text);
      if (!head) break;
      const first = Number(head[1]);
      const count = Number(head[2]);
      pos = re.lastIndex;
      for (let i = 0; i < count; i++, pos += 20) {
        const entry = text.slice(pos, pos + 20);
        if (entry[17] === 'n' && !offsets.has(first + i)) offsets.set(first + i, Number(entry.slice(0, 10)));
      }
    }
    const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(pos, pos + 2048));
    const prev = trailer && /\/Prev\s+(\d+)/.exec(trailer[1]);
    at = prev ? Number(prev[1]) : -1;
  }
  return offsets;
}

/** The dictionary text of object `n` ("<<…>>"), or undefined. Not for streams' data. */
function objectDict(text: string, offsets: Map<number, number>, n: number): string | undefined {
  const at = offsets.get(n);
  if (at === undefined) return undefined;
  const head = /^\d+\s+\d+\s+obj\s*/.exec(text.slice(at, at + 32));
  if (!head) return undefined;
  const start = at + head[0].length;
  const end = text.indexOf('endobj', start);
  let body = text.slice(start, end);
  const stream = body.search(/>>\s*stream\b/);
  if (stream >= 0) body = body.slice(0, stream + 2);
  return body.trim();
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};
/** Adds (or replaces) a top-level entry of a dictionary written as text. */
function setKey(dict: string, key: string, value: string): string {
  const inner = dict.slice(2, dict.lastIndexOf('>>'));
  const existing = new RegExp(`/${key}(?=[\\s/<(\\[])\\s*`).exec(inner);
  if (existing && key !== 'Lang') {
    // Only simple values are replaced in place (names, numbers, references, strings without parentheses).
    const rest = inner.slice(existing.index + existing[0].length);
    const value0 = /^(\d+\s+\d+\s+R|\/[^\s/<>[\]()]+|-?[\d.]+|\([^()\\]*\)|<[0-9A-Fa-f]*>|true|false)/.exec(rest);
    if (value0) return `<<${inner.slice(0, existing.index)}/${key} ${value}${rest.slice(value0[0].length)}>>`;
  }
  return `<<${inner}\n/${key} ${value}>>`;
}

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** "D:20231201000000+00'00'" → "2023-12-01T00:00:00+00:00". */
function xmpDate(pdfDate: string | undefined): string | undefined {
  const m = pdfDate && /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'\d{2}'?)?/.exec(pdfDate);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? '+00:00' : `${m[7].slice(0, 3)}:${m[7].slice(4, 6)}`;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}

/** The XMP packet: PDF/UA part 1, Dublin Core title, creator, description and language, and the PDF's dates. */
export function xmpPacket(info: AccessibilityInfo & { producer?: string; created?: string; modified?: string }): string {
  const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(s)}</rdf:li></rdf:Alt>`;
  const lines = [
    '<pdfuaid:part>1</pdfuaid:part>',
    '<dc:format>application/pdf</dc:format>',
    info.title && `<dc:title>${alt(info.title)}</dc:title>`,
    info.author && `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    info.subject && `<dc:description>${alt(info.subject)}</dc:description>`,
    info.lang && `<dc:language><rdf:Bag><rdf:li>${escapeXml(info.lang)}</rdf:li></rdf:Bag></dc:language>`,
    info.keywords && `<pdf:Keywords>${escapeXml(info.keywords)}</pdf:Keywords>`,
    info.producer && `<pdf:Producer>${escapeXml(info.producer)}</pdf:Producer>`,
    info.creator && `<xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>`,
    xmpDate(info.created) && `<xmp:CreateDate>${xmpDate(info.created)}</xmp:CreateDate>`,
    xmpDate(info.modified) && `<xmp:ModifyDate>${xmpDate(info.modified)}</xmp:ModifyDate>`,
    xmpDate(info.modified) && `<xmp:MetadataDate>${xmpDate(info.modified)}</xmp:MetadataDate>`,
  ].filter(Boolean);
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n' +
    lines.join('\n') +
    '\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>'
  );
}

function streamObject(dict: string, data: Uint8Array): Uint8Array {
  const head = bytesOf(`${dict.slice(0, -2)}\n/Length ${data.length}>> stream\n`);
  const tail = bytesOf('\nendstream');
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
}

// ---- Content streams: untagged content becomes an artifact ----

// A content stream is read with native regular expressions, not a character loop: a cold build runs this once per
// page, before the JIT would have made a loop fast (about 75 ms against 5 ms for the IOM report's 18 pages).
/** Strings (literal, one level of nesting; hex), comments, and the operators that open, close or cannot hold marks. */
const MARKS = /\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>|%[^\r\n]*|(?<![^\s\]>)])(BDC|BMC|EMC|BT|ET|BI)(?![^\s/<[(%])/g;
const STRINGS = /\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>|%[^\r\n]*/g;
/** The same without strings, for the usual stream of Chromium's, whose strings are all hex without spaces. */
const MARKS_NO_STRINGS = /(?<![^\s\]>)])(BDC|BMC|EMC|BT|ET|BI)(?![^\s/<[(%])/g;
const HAS_STRINGS = /\(|<[0-9A-Fa-f]*\s[0-9A-Fa-f\s]*>|%/;
/** An operator that paints: shows text, fills or strokes a path, draws a shading, an XObject or an inline image. */
const PAINTS = /(?<![^\s\]>)])(?:Tj|TJ|'|"|S|s|f\*?|F|B\*?|b\*?|sh|Do|EI)(?![^\s/<[(%])/;

/** Where the operands of the marked-content operator at `at` begin: its tag name and property list or name. */
function operandsStart(content: string, at: number): number {
  let i = at;
  for (let operand = 0; operand < 2; operand++) {
    let j = i - 1;
    while (j >= 0 && /\s/.test(content[j])) j--;
    if (content[j] === '>' && content[j - 1] === '>') {
      let level = 0;
      for (; j > 0; j--) {
        if (content[j] === '>' && content[j - 1] === '>') (level++, j--);
        else if (content[j] === '<' && content[j - 1] === '<') {
          j--;
          if (--level === 0) break;
        }
      }
      i = j;
    } else {
      let k = j;
      while (k >= 0 && !/[\s/]/.test(content[k])) k--;
      if (content[k] !== '/') break;
      i = k;
      if (operand === 0 && content.slice(at, at + 3) === 'BMC') break;
    }
  }
  return i;
}

/**
 * The content with every run of painting outside marked content wrapped in /Artifact BMC … EMC; null when
 * nothing is untagged, or when the stream is not understood (a marked-content boundary inside a text object).
 */
export function markUntaggedAsArtifact(content: string): string | null {
  const inserts: { at: number; text: string }[] = [];
  const paints = (from: number, to: number) => PAINTS.test(content.slice(from, to).replace(STRINGS, ' '));
  let depth = 0;
  let inText = false;
  let segStart = 0; // where the current run outside marked content began (between operators)
  const marks = HAS_STRINGS.test(content) ? MARKS : MARKS_NO_STRINGS;
  marks.lastIndex = 0;
  for (let m = marks.exec(content); m; m = marks.exec(content)) {
    const op = m[1];
    if (!op) continue; // a string or a comment
    if (op === 'BT') inText = true;
    else if (op === 'ET') inText = false;
    else if (op === 'BI') {
      const end = content.indexOf('EI', content.indexOf('ID', m.index));
      if (end < 0) return null;
      marks.lastIndex = end + 2;
      if (depth === 0) inserts.push({ at: segStart, text: '/Artifact BMC\n' }, { at: end + 2, text: '\nEMC\n' });
      segStart = end + 2;
    } else if (inText) return null;
    else if (op === 'EMC') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) segStart = m.index + 3;
    } else {
      if (depth === 0) {
        const start = operandsStart(content, m.index);
        if (paints(segStart, start)) inserts.push({ at: segStart, text: '/Artifact BMC\n' }, { at: start, text: 'EMC\n' });
      }
      depth++;
    }
  }
  if (depth === 0 && paints(segStart, content.length)) inserts.push({ at: segStart, text: '/Artifact BMC\n' }, { at: content.length, text: '\nEMC\n' });
  if (!inserts.length) return null;
  inserts.sort((x, y) => x.at - y.at);
  let out = '';
  let last = 0;
  for (const { at, text } of inserts) {
    out += content.slice(last, at) + (at > 0 && !/\s/.test(content[at - 1]) ? '\n' : '') + text;
    last = at;
  }
  return out + content.slice(last);
}

/** Every page object's number, from the page tree. */
function pageObjects(text: string, offsets: Map<number, number>, pagesRoot: number): number[] {
  const out: number[] = [];
  const visit = (n: number, guard: number) => {
    const dict = objectDict(text, offsets, n);
    if (!dict || guard > 64) return;
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+\d+\s+R/g)) visit(Number(k[1]), guard + 1);
    } else if (/\/Type\s*\/Page\b/.test(dict)) out.push(n);
  };
  visit(pagesRoot, 0);
  return out;
}

/** The page content stream objects, rewritten with untagged painting marked as artifacts. */
function artifactContent(pdf: Uint8Array, text: string, offsets: Map<number, number>, pages: number[], out: NewObjects): void {
  for (const page of pages) {
    const pageDict = objectDict(text, offsets, page)!;
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(pageDict)?.[1] ?? '';
    for (const m of contents.matchAll(/(\d+)\s+\d+\s+R/g)) {
      const n = Number(m[1]);
      const at = offsets.get(n);
      if (at === undefined || out.has(n)) continue;
      const dict = objectDict(text, offsets, n);
      const length = dict && /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
      if (!dict || !length) continue;
      const filter = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(dict)?.[1];
      if (filter && filter !== '/FlateDecode' && filter.replace(/[[\]\s]/g, '') !== '/FlateDecode') continue;
      const streamKw = text.indexOf('stream', at + text.slice(at).search(/>>\s*stream\b/));
      let dataStart = streamKw + 6;
      if (text[dataStart] === '\r') dataStart++;
      if (text[dataStart] === '\n') dataStart++;
      const raw = pdf.subarray(dataStart, dataStart + Number(length[1]));
      const decoded = textOf(filter ? inflateSync(raw) : raw);
      const marked = markUntaggedAsArtifact(decoded);
      if (marked === null) continue;
      const bytes = bytesOf(marked);
      const data = filter ? deflateSync(bytes, { level: 5 }) : bytes; // level 5: 1 % larger than 6, a third faster
      const kept = dict.replace(/\/Length\s+\d+\s*/, '').replace(/\/Filter\s*(\/\w+|\[[^\]]*\])\s*/, '');
      out.set(n, streamObject(filter ? setKey(kept, 'Filter', '/FlateDecode') : kept, data));
    }
  }
}

/**
 * The objects that give Chromium's tagged PDF its PDF/UA-1 structure (see the head of this file). `next` is the
 * first free object number; returns the objects and the new first free number.
 */
export function accessibilityObjects(
  pdf: Uint8Array,
  text: string,
  rootNumber: number,
  next: number,
  info: AccessibilityInfo & { producer?: string; created?: string; modified?: string },
  offsets: Map<number, number> = xrefOffsets(text),
): { objects: NewObjects; next: number } {
  const objects: NewObjects = new Map();
  let catalog = objectDict(text, offsets, rootNumber);
  if (!catalog) return { objects, next };
  const put = (n: number, body: string) => objects.set(n, bytesOf(body));
  // The object containing a byte offset: the one with the greatest start at or before it.
  const starts = [...offsets].sort((a, b) => a[1] - b[1]);
  const objectAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid][1] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]?.[0] ?? -1;
  };

  // 1. Page content: untagged painting → artifacts.
  const pagesRoot = ref(catalog, 'Pages');
  if (pagesRoot !== undefined) artifactContent(pdf, text, offsets, pageObjects(text, offsets, pagesRoot), objects);

  // 2. Structure: notes, role map, IDs.
  const treeRoot = ref(catalog, 'StructTreeRoot');
  const treeDict = treeRoot !== undefined ? objectDict(text, offsets, treeRoot) : undefined;
  if (treeRoot !== undefined && treeDict) {
    let tree = treeDict;
    const ids: [string, number][] = [];
    for (const m of text.matchAll(/\/Lang\s*\(([A-Za-z]{1,8})-x-fn(\d+)\)/g)) {
      const n = objectAt(m.index!);
      const dict = objectDict(text, offsets, n);
      if (!dict || !/\/Type\s*\/StructElem/.test(dict)) continue;
      const id = `fn-${m[2]}`;
      ids.push([id, n]);
      const note = setKey(dict.replace(/\s*\/Lang\s*\([^)]*\)/, ''), 'S', '/Note');
      put(n, setKey(note, 'ID', pdfText(id)));
    }
    if (ids.length) {
      // The ID tree again as one node holding every name, in order (the notes' IDs joined to Chromium's).
      const names: [string, string][] = ids.map(([id, n]) => [id, `${n} 0 R`]);
      const idTree = ref(tree, 'IDTree');
      const collect = (n: number, guard: number) => {
        const dict = objectDict(text, offsets, n);
        if (!dict || guard > 32) return;
        const list = /\/Names\s*\[([\s\S]*)\]/.exec(dict)?.[1];
        if (list) for (const e of list.matchAll(/(\([^)]*\)|<[0-9A-Fa-f]*>)\s*(\d+\s+\d+\s+R)/g)) names.push([readPdfString(e[1]), e[2]]);
        const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
        for (const k of kids.matchAll(/(\d+)\s+\d+\s+R/g)) collect(Number(k[1]), guard + 1);
      };
      if (idTree !== undefined) collect(idTree, 0);
      names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const idNumber = next++;
      put(idNumber, `<</Names [${names.map(([k, v]) => `${pdfText(k)} ${v}`).join(' ')}]>>`);
      tree = setKey(tree, 'IDTree', `${idNumber} 0 R`);
    }
    // Role map: every structure type used that is not standard.
    const used = new Set([...text.matchAll(/\/Type\s*\/StructElem\s*\/S\s*\/([^\s/<>[\]()]+)/g)].map((m) => m[1]));
    const mapped = [...used].filter((t) => !STANDARD_TYPES.has(t)).sort();
    if (mapped.length) tree = setKey(tree, 'RoleMap', `<<${mapped.map((t) => `/${t} /${ROLE_MAP[t] ?? 'Span'}`).join(' ')}>>`);
    if (tree !== treeDict) put(treeRoot, tree);
  }

  // 3. Link annotations: /Contents from the link's text, by its target.
  const links = info.links ?? {};
  for (const m of text.matchAll(/\/Subtype\s*\/Link\b/g)) {
    const n = objectAt(m.index!);
    const dict = objectDict(text, offsets, n);
    if (!dict || !/\/Type\s*\/Annot\b/.test(dict) || /\/Contents\s*[(<]/.test(dict)) continue;
    const dest = /\/Dest\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1];
    const uri = /\/URI\s*(\([^)]*\)|<[0-9A-Fa-f]*>)/.exec(dict)?.[1];
    const key = dest !== undefined ? `#${decodeURIComponent(dest.replace(/#([0-9A-Fa-f]{2})/g, '%$1'))}` : uri && readPdfString(uri);
    const description = key !== undefined ? (links[key] ?? (uri ? links[key.replace(/\/$/, '')] : undefined)) : undefined;
    if (description) put(n, setKey(dict, 'Contents', pdfText(description)));
  }

  // 4. Metadata and the title in the window.
  const xmp = new TextEncoder().encode(xmpPacket(info));
  const metadataNumber = next++;
  objects.set(metadataNumber, streamObject('<</Type /Metadata /Subtype /XML>>', xmp));
  catalog = setKey(catalog, 'Metadata', `${metadataNumber} 0 R`);
  if (!/\/DisplayDocTitle\s+true/.test(catalog)) {
    catalog = /\/ViewerPreferences\s*<</.test(catalog)
      ? catalog.replace(/\/ViewerPreferences\s*<</, '/ViewerPreferences <</DisplayDocTitle true ')
      : setKey(catalog, 'ViewerPreferences', '<</DisplayDocTitle true>>');
  }
  if (info.lang && !/\/Lang\s*[(<]/.test(catalog)) catalog = setKey(catalog, 'Lang', pdfText(info.lang));
  // PDF/UA-1 is built on ISO 32000-1 (PDF 1.7); Skia's header says 1.4, and the catalog's /Version overrides it.
  if (!/\/Version\s*\//.test(catalog)) catalog = setKey(catalog, 'Version', '/1.7');
  put(rootNumber, catalog);
  return { objects, next };
}
