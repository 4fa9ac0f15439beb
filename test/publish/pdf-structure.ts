// Reads a PDF's logical structure for the PDF/UA tests with pdf-lib: a complete parser of the object graph in plain
// JS (incremental updates included: a later object of the same number wins), with Flate decoding, and no native
// part. mupdf.js would add a 10 MB WebAssembly build for what these checks need; qpdf is not installed. pdf-lib does
// not read content streams or text, so the content is tokenised here and the text comes from poppler.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';

export interface StructNode {
  type: string;
  alt?: string;
  id?: string;
  lang?: string;
  ref?: PDFRef;
  kids: StructNode[];
  parent?: StructNode;
  /** Marked-content ids and annotation references directly under this element. */
  mcids: number[];
  objrs: PDFRef[];
}

export interface ReadPdf {
  doc: PDFDocument;
  catalog: PDFDict;
  info: Record<string, string>;
  /** The XMP packet of the catalog's /Metadata, as text. */
  xmp?: string;
  root?: StructNode;
  roleMap: Record<string, string>;
  /** The names in the structure tree's IDTree → element reference. */
  idTree: Map<string, PDFRef>;
  /** Every link annotation, with its page index. */
  links: { page: number; dict: PDFDict; ref?: PDFRef }[];
  /** The decoded content stream of each page. */
  contents: string[];
}

const N = (s: string) => PDFName.of(s);

export function text(o: PDFObject | undefined): string | undefined {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  if (o instanceof PDFName) return o.decodeText();
  return undefined;
}

function streamBytes(s: PDFObject | undefined): Uint8Array {
  if (s instanceof PDFRawStream) return decodePDFRawStream(s).decode();
  if (s instanceof PDFStream) return s.getContents();
  return new Uint8Array();
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const catalog = doc.catalog;

  const infoDict = look(ctx.trailerInfo.Info) as PDFDict | undefined;
  const info: Record<string, string> = {};
  if (infoDict instanceof PDFDict) for (const [k, v] of infoDict.entries()) info[k.decodeText()] = text(look(v)) ?? '';

  const metadata = look(catalog.get(N('Metadata')));
  const xmp = metadata ? new TextDecoder().decode(streamBytes(metadata)) : undefined;

  const treeRoot = look(catalog.get(N('StructTreeRoot'))) as PDFDict | undefined;
  const roleMap: Record<string, string> = {};
  const rm = treeRoot && look(treeRoot.get(N('RoleMap')));
  if (rm instanceof PDFDict) for (const [k, v] of rm.entries()) roleMap[k.decodeText()] = text(look(v)) ?? '';

  const idTree = new Map<string, PDFRef>();
  const readNames = (node: PDFObject | undefined) => {
    const d = look(node);
    if (!(d instanceof PDFDict)) return;
    const names = look(d.get(N('Names')));
    if (names instanceof PDFArray) for (let i = 0; i + 1 < names.size(); i += 2) idTree.set(text(names.get(i)) ?? '', names.get(i + 1) as PDFRef);
    const kids = look(d.get(N('Kids')));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) readNames(k);
  };
  if (treeRoot) readNames(treeRoot.get(N('IDTree')));

  const walk = (o: PDFObject, parent?: StructNode): StructNode | undefined => {
    const d = look(o);
    if (!(d instanceof PDFDict)) return undefined;
    const node: StructNode = {
      type: text(d.get(N('S'))) ?? '',
      alt: text(look(d.get(N('Alt')))),
      id: text(look(d.get(N('ID')))),
      lang: text(look(d.get(N('Lang')))),
      ref: o instanceof PDFRef ? o : undefined,
      kids: [],
      parent,
      mcids: [],
      objrs: [],
    };
    const k = d.get(N('K'));
    const kids = look(k) instanceof PDFArray ? (look(k) as PDFArray).asArray() : k ? [k] : [];
    for (const kid of kids) {
      const v = look(kid);
      if (v instanceof PDFNumber) node.mcids.push(v.asNumber());
      else if (v instanceof PDFDict && text(v.get(N('Type'))) === 'OBJR') node.objrs.push(v.get(N('Obj')) as PDFRef);
      else if (v instanceof PDFDict && text(v.get(N('Type'))) === 'MCR') node.mcids.push((look(v.get(N('MCID'))) as PDFNumber).asNumber());
      else {
        const child = walk(kid, node);
        if (child) node.kids.push(child);
      }
    }
    return node;
  };
  let root: StructNode | undefined;
  if (treeRoot) {
    root = { type: 'StructTreeRoot', kids: [], mcids: [], objrs: [] };
    const k = treeRoot.get(N('K'));
    const kids = look(k) instanceof PDFArray ? (look(k) as PDFArray).asArray() : k ? [k] : [];
    for (const kid of kids) {
      const child = walk(kid, root);
      if (child) root.kids.push(child);
    }
  }

  const links: ReadPdf['links'] = [];
  const contents: string[] = [];
  doc.getPages().forEach((page, i) => {
    const annots = look(page.node.get(N('Annots')));
    if (annots instanceof PDFArray)
      for (const a of annots.asArray()) {
        const d = look(a);
        if (d instanceof PDFDict && text(d.get(N('Subtype'))) === 'Link') links.push({ page: i, dict: d, ref: a instanceof PDFRef ? a : undefined });
      }
    const c = look(page.node.get(N('Contents')));
    const streams = c instanceof PDFArray ? c.asArray().map(look) : [c];
    contents.push(streams.map((s) => new TextDecoder('latin1').decode(streamBytes(s))).join('\n'));
  });

  return { doc, catalog, info, xmp, root, roleMap, idTree, links, contents };
}

export function* allNodes(node: StructNode): Generator<StructNode> {
  yield node;
  for (const k of node.kids) yield* allNodes(k);
}

const PAINT = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'EI']);

/**
 * The painting operators of a content stream that lie in no marked-content sequence with an MCID or an /Artifact
 * tag: content that is neither real content nor an artifact (PDF/UA-1 7.1, Matterhorn 01-005). A simple tokeniser
 * of its own (strings, names, dictionaries), independent of the one in src/publish/pdf-ua.ts.
 */
export function untaggedPainting(content: string): string[] {
  const tokens = content.match(/\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<<|>>|<[0-9A-Fa-f\s]*>|\/[^\s/<>[\]()%{}]*|\[|\]|[^\s/<>[\]()%{}]+/g) ?? [];
  const stack: ('tagged' | 'artifact' | 'other')[] = [];
  const out: string[] = [];
  let operands: string[] = [];
  for (const t of tokens) {
    if (/^[A-Za-z'"*]+$/.test(t) && !/^(true|false|null)$/.test(t)) {
      if (t === 'BMC') stack.push(operands[0] === '/Artifact' ? 'artifact' : 'other');
      else if (t === 'BDC') stack.push(operands[0] === '/Artifact' ? 'artifact' : operands.includes('/MCID') ? 'tagged' : 'other');
      else if (t === 'EMC') stack.pop();
      else if (PAINT.has(t) && !stack.some((s) => s !== 'other')) out.push(`${operands.slice(-2).join(' ')} ${t}`);
      operands = [];
    } else operands.push(t);
  }
  return out;
}

/** pdfinfo -struct-text: every text with the structure types above it (outermost first). */
export function structureTexts(path: string): { types: string[]; text: string }[] {
  const out = execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const stack: { indent: number; type: string }[] = [];
  const texts: { types: string[]; text: string }[] = [];
  for (const line of out.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body) continue;
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    if (body.startsWith('"')) texts.push({ types: stack.map((s) => s.type), text: body.slice(1, -1) });
    else stack.push({ indent, type: body.split(' ')[0] });
  }
  return texts;
}

/** pdfinfo -struct's complaints about the tree ("StructElem object is wrong type (Strong)"). */
export function structureErrors(path: string): string[] {
  const r = spawnSync('pdfinfo', ['-struct', path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return `${r.stderr ?? ''}`.split('\n').filter(Boolean);
}

/**
 * The file's last classic xref table, read as written (not through pdf-lib, which forgives): its first object number,
 * each entry (number, offset, in use), the trailer after it, the objects the file defines in file order, and how many
 * `startxref`s it has (one for a file written whole, more for incremental updates).
 */
export function lastXref(text: string): {
  start: number;
  first: number;
  entries: { n: number; offset: number; inUse: boolean }[];
  trailer: string;
  defined: number[];
  startxrefs: number;
} {
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const head = /xref\n(\d+) (\d+)\n/y;
  head.lastIndex = start;
  const [, first, count] = head.exec(text) ?? [];
  const entries = Array.from({ length: Number(count ?? 0) }, (_, i) => {
    const entry = text.slice(head.lastIndex + 20 * i, head.lastIndex + 20 * i + 20);
    return { n: Number(first) + i, offset: Number(entry.slice(0, 10)), inUse: entry[17] === 'n' };
  });
  return {
    start,
    first: Number(first),
    entries,
    trailer: /trailer\s*<<([\s\S]*?)>>/.exec(text.slice(start))?.[1] ?? '',
    defined: [...text.matchAll(/(?:^|\n)(\d+) 0 obj\b/g)].map((m) => Number(m[1])),
    startxrefs: text.split('startxref').length - 1,
  };
}
