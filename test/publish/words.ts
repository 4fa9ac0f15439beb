// The words of a report's HTML and of its printed PDF, for the "nothing lost" tests: every word the
// HTML shows must be in the PDF as often as the HTML has it (the PDF adds headers, page numbers and
// repeated table heads, so it may have more, never fewer).
import { execFileSync } from 'node:child_process';
import { parse, type HTMLElement } from 'node-html-parser';

/**
 * Words as letters-only and digits-only runs, case-folded: "Kazakhstan¹" and "Kazakhstan1" read alike.
 * A hyphen between letters joins them, as pdftotext joins a compound broken at its hyphen at a line's end.
 */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/(?<=\p{L})[-\u2010]\s*(?=\p{L})/gu, '').match(/\p{L}+|\p{N}+/gu) ?? [];
}

/**
 * The words a reader sees in the HTML: without <style>, <script>, <head>, the charts' SVG (drawn
 * as vectors) and what print hides (the charts' data tables), the visually hidden texts, and the end notes' heading (the paginator
 * moves every note to the foot of its page and drops the emptied list with its heading).
 */
export function htmlWords(html: string): string[] {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false } });
  const drop = (el: HTMLElement) => el.remove();
  root.querySelectorAll('head, svg, details.chart-data, .visually-hidden, template, section.footnotes > h2').forEach(drop);
  const body = root.querySelector('body') ?? root;
  // Block boundaries are word boundaries even where the markup has no space between them.
  body.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, td, th, caption, figcaption, div, section, aside, dt, dd, br, time, a')
    .forEach((el) => {
      el.insertAdjacentHTML('beforebegin', ' ');
      el.insertAdjacentHTML('afterend', ' ');
    });
  return wordsOf(body.textContent.replace(/&[a-z]+;|&#\d+;/g, ' '));
}

export function pdfWords(pdfPath: string): string[] {
  return wordsOf(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/** Every word of the HTML the PDF has fewer times than the HTML, with how many are missing. */
export function missingWords(html: string, pdfPath: string): Record<string, number> {
  const have = new Map<string, number>();
  for (const w of pdfWords(pdfPath)) have.set(w, (have.get(w) ?? 0) + 1);
  const need = new Map<string, number>();
  for (const w of htmlWords(html)) need.set(w, (need.get(w) ?? 0) + 1);
  const missing: Record<string, number> = {};
  for (const [w, n] of need) if ((have.get(w) ?? 0) < n) missing[w] = n - (have.get(w) ?? 0);
  return missing;
}
