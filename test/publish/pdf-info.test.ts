// The PDF written again whole (pdf-info.ts, rewriteWhole): each object once, Chromium's copied byte for byte, one
// xref table whose every entry points at its object; and an incremental update instead for a file not laid out as
// Chromium writes it. Real printed PDFs are checked the same way in pdf-ua.test.ts ("one xref table").
import { describe, expect, it } from 'vitest';
import { appendUpdate, rewriteWhole, setDocumentInfo } from '../../src/publish/pdf-info.ts';
import { lastXref } from './pdf-structure.ts';

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** A classic PDF as Chromium lays it out: header, objects 1..n in the given order, one xref table, trailer. */
function classicPdf(objects: [number, string][], trailer = '/Root 1 0 R\n/Info 3 0 R'): Uint8Array {
  let text = '%PDF-1.4\n%\xd3\xeb\xe9\xe1\n';
  const at = new Map<number, number>();
  for (const [n, body] of objects) {
    at.set(n, text.length);
    text += `${n} 0 obj\n${body}\nendobj\n`;
  }
  const size = Math.max(...objects.map(([n]) => n)) + 1;
  const xref = text.length;
  text += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) text += at.has(n) ? `${String(at.get(n)).padStart(10, '0')} 00000 n \n` : '0000000000 00000 f \n';
  text += `trailer\n<</Size ${size}\n${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return bytes(text);
}

/** Every in-use xref entry of the last table, checked to point at "n 0 obj"; the object numbers defined, in file order. */
function checkedXref(pdf: Uint8Array): { entries: number; defined: number[]; startxrefs: number } {
  const text = latin1(pdf);
  const x = lastXref(text);
  expect(text.startsWith('xref', x.start)).toBe(true);
  let entries = 0;
  for (const { n, offset, inUse } of x.entries) {
    if (!inUse) continue;
    expect(text.slice(offset).startsWith(`${n} 0 obj`), `object ${n}`).toBe(true);
    entries++;
  }
  return { entries, defined: x.defined, startxrefs: x.startxrefs };
}

describe('a PDF written again whole', () => {
  const original = classicPdf([
    [1, '<</Type /Catalog /Pages 2 0 R>>'],
    [3, '<</Title (Old)>>'],
    [2, '<</Type /Pages /Kids [] /Count 0>>\n% a comment between objects'],
  ]);
  const xrefAt = Number(/startxref\s+(\d+)/.exec(latin1(original))![1]);
  const t = { size: 5, root: '1 0 R', info: '3 0 R' };

  it('keeps the objects that stay byte for byte, puts new versions in their place and new numbers after, with one xref table', () => {
    const objects = new Map([
      [3, bytes('<</Title (New)>>')],
      [4, bytes('<</Type /Metadata>>')],
    ]);
    const out = rewriteWhole(original, latin1(original), objects, t, xrefAt)!;
    const text = latin1(out);
    expect(checkedXref(out)).toEqual({ entries: 4, defined: [1, 3, 2, 4], startxrefs: 1 });
    expect(text).toContain('1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n');
    expect(text).toContain('2 0 obj\n<</Type /Pages /Kids [] /Count 0>>\n% a comment between objects\nendobj\n');
    expect(text).toContain('3 0 obj\n<</Title (New)>>\nendobj');
    expect(text).not.toContain('(Old)');
    expect(text).toMatch(/trailer\n<<\/Size 5\n\/Root 1 0 R\n\/Info 3 0 R>>\nstartxref\n\d+\n%%EOF\n$/);
    expect(text.startsWith('%PDF-1.4\n%\xd3\xeb\xe9\xe1\n1 0 obj')).toBe(true);
    // Shorter than the same objects appended as an update, which keeps the old version of 3 as well.
    expect(out.length).toBeLessThan(appendUpdate(original, objects, { ...t, prev: xrefAt }).length);
  });

  it('is not done for a file laid out otherwise: an update is appended instead', () => {
    const objects = new Map([[3, bytes('<</Title (New)>>')]]);
    const t4 = { ...t, size: 4 };
    // A gap in the numbers (no object 2 and none new).
    const gap = classicPdf([[1, '<</Type /Catalog>>'], [3, '<</Title (Old)>>']]);
    expect(rewriteWhole(gap, latin1(gap), objects, t4, Number(/startxref\s+(\d+)/.exec(latin1(gap))![1]))).toBeUndefined();
    // Already updated once (/Prev).
    const updated = appendUpdate(original, new Map([[3, bytes('<</Title (Mid)>>')]]), { ...t4, prev: xrefAt });
    const updatedAt = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(updated))![1]);
    expect(rewriteWhole(updated, latin1(updated), objects, t4, updatedAt)).toBeUndefined();
    // An xref entry that does not point at its object.
    const moved = bytes(latin1(original).replace(/\n(\d{10}) 00000 n \n/, (_, o) => `\n${String(Number(o) + 1).padStart(10, '0')} 00000 n \n`));
    expect(rewriteWhole(moved, latin1(moved), objects, t4, xrefAt)).toBeUndefined();
    // setDocumentInfo then appends: the file keeps its bytes and gains an update whose entries point at their objects.
    const info = setDocumentInfo(updated, { title: 'New' });
    expect(Buffer.from(info.subarray(0, updated.length)).equals(Buffer.from(updated))).toBe(true);
    expect(checkedXref(info).startxrefs).toBe(3);
  });

  it('gives Chromium-like files the new Info in place, without an update', () => {
    const out = setDocumentInfo(original, { title: 'Migration', author: 'BNS' });
    const { defined, startxrefs } = checkedXref(out);
    expect(startxrefs).toBe(1);
    expect(defined).toEqual([1, 3, 2]);
    expect(latin1(out)).toMatch(/3 0 obj\n<<\/Title \(Migration\)\n\/Author \(BNS\)>>/);
  });
});
