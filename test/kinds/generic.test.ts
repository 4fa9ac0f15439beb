// A generic engine: no code in src/ decides by a report kind's name, a section id, an indicator id or a group
// code. Those live in templates/<kind>/report.yaml and the reference files; the scan below fails on any of them
// in code. Comments may name them (they explain); the locale modules hold words under keys (src/narrate/locales/,
// which report kinds name), so they are the one folder left out.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindNames, loadKind } from '../../src/kinds/load.ts';
import { DATA_DIR } from '../compare/sample.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const WORDS = join(SRC, 'narrate', 'locales');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? (join(dir, d.name) === WORDS ? [] : files(join(dir, d.name))) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

/** The code of a file without its comments (strings kept). */
export function codeOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      i = i < 0 ? text.length : i + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const csvColumn = (file: string) =>
  readFileSync(join(DATA_DIR, 'reference', file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(',')[0]);

describe('the engine is generic', () => {
  const kinds = kindNames();
  const sections = kinds.flatMap((k) => loadKind(k).spec.sections.map((s) => s.id));
  const indicators = csvColumn('indicators.csv');
  const groups = readFileSync(join(DATA_DIR, 'reference', 'countries.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.split(',')[1] === 'group')
    .map((l) => l.split(',')[0]);
  const names = [...new Set([...kinds, ...sections, ...indicators, ...groups])];

  it('knows what to look for', () => {
    expect(kinds).toEqual(expect.arrayContaining(['iom-quarterly', 'bns-release']));
    expect(sections).toEqual(expect.arrayContaining(['flows', 'key_points']));
    expect(indicators).toContain('border_arrivals');
    expect(groups).toEqual(['CIS', 'NONCIS']);
  });

  it('finds a name in code and not in a comment (the scan can fail)', () => {
    const hits = (text: string) => names.filter((n) => new RegExp(`(['"\`.])${n}(?=['"\`.\\[])`).test(codeOf(text)));
    expect(hits("const x = 'flows'; // flows")).toEqual(['flows']);
    expect(hits('// the flows section, border_arrivals\nconst y = 1;')).toEqual([]);
    expect(hits('const id = `${a}.kandas.level`;')).toEqual(['kandas']);
  });

  it.each(files(SRC).map((f) => [relative(SRC, f), f]))('src/%s names no kind, section, indicator or group', (_name, file) => {
    const code = codeOf(readFileSync(file, 'utf8'));
    const found = names.filter((n) => new RegExp(`(['"\`.])${n}(?=['"\`.\\[])`).test(code));
    expect(found).toEqual([]);
  });
});
