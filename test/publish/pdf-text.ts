// Reads a printed PDF back through poppler (pdftotext, pdfinfo, pdffonts) for the publish tests.
import { execFileSync } from 'node:child_process';

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/** The text of every page, laid out, in order (index 0 = page 1). */
export function pageTexts(path: string): string[] {
  const pages = Number(pdfInfo(path).Pages);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-'], { encoding: 'utf8' }),
  );
}

export function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
  });
}
