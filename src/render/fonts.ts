// The report font (Noto Sans from @fontsource), inlined as @font-face rules with data: URLs,
// so the HTML and PDF look the same on every machine and need no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Latin for English, Cyrillic and Cyrillic Extended for Russian and Kazakh (ә ғ қ ң ө ұ ү һ і). */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'];
const FACES = [
  { file: '400', weight: 400, style: 'normal' },
  { file: '700', weight: 700, style: 'normal' },
  { file: '400-italic', weight: 400, style: 'italic' },
];

/**
 * Where the printer finds the font files: a name under a reserved domain (.invalid never resolves, RFC 6761) that
 * the print tab's request interception answers itself (src/publish/pdf.ts) — no request leaves the machine.
 */
export const PRINT_FONT_ORIGIN = 'https://fonts.migreport.invalid/';

interface FontFaces {
  /** @font-face rules with the fonts inline as data: URLs: the HTML brief, one file that works offline. */
  css: string;
  /** The same rules with the fonts at PRINT_FONT_ORIGIN: what the PDF's tab loads, once per tab (see pdf.ts). */
  printCss: string;
  /** The font files by their URL under PRINT_FONT_ORIGIN. */
  files: Map<string, Buffer>;
}

let cached: FontFaces | undefined;

function fontFaces(): FontFaces {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@fontsource/noto-sans/package.json'));
  const rules: string[] = [];
  const printRules: string[] = [];
  const files = new Map<string, Buffer>();
  for (const face of FACES) {
    const css = readFileSync(join(pkg, `${face.file}.css`), 'utf8');
    for (const subset of SUBSETS) {
      const name = `noto-sans-${subset}-${face.weight}-${face.style}`;
      const block = new RegExp(`/\\* ${name} \\*/\\s*@font-face\\s*{([^}]*)}`).exec(css);
      const range = block && /unicode-range:\s*([^;]+);/.exec(block[1]);
      if (!range) throw new Error(`font subset ${name} not found in @fontsource/noto-sans`);
      const woff2 = readFileSync(join(pkg, 'files', `${name}.woff2`));
      const url = `${PRINT_FONT_ORIGIN}${name}.woff2`;
      files.set(url, woff2);
      const rule = (src: string) =>
        `@font-face{font-family:'Noto Sans';font-style:${face.style};font-weight:${face.weight};` +
        `src:url(${src}) format('woff2');unicode-range:${range[1].trim()}}`;
      rules.push(rule(`data:font/woff2;base64,${woff2.toString('base64')}`));
      printRules.push(rule(url));
    }
  }
  cached = { css: rules.join('\n'), printCss: printRules.join('\n'), files };
  return cached;
}

/** @font-face CSS for the report font; computed once per process. */
export function fontFaceCss(): string {
  return fontFaces().css;
}

/**
 * The document to print: the report's inline fonts (fontFaceCss) replaced by the same fonts at PRINT_FONT_ORIGIN. A
 * batch then sends Chromium each font once per tab instead of ~400 KB of base64 with every edition, and Chromium
 * decodes it once (its memory cache keeps it between the documents of a tab); the PDF is the same bytes. A document
 * without those exact rules is left as it is.
 */
export function withPrintFonts(html: string): string {
  const { css, printCss } = fontFaces();
  const at = html.indexOf(css);
  return at < 0 ? html : html.slice(0, at) + printCss + html.slice(at + css.length);
}

/** A font file under PRINT_FONT_ORIGIN, or undefined for any other URL. */
export function printFontFile(url: string): Buffer | undefined {
  return url.startsWith(PRINT_FONT_ORIGIN) ? fontFaces().files.get(url) : undefined;
}
