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

let cached: string | undefined;

/** @font-face CSS for the report font; computed once per process. */
export function fontFaceCss(): string {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@fontsource/noto-sans/package.json'));
  const rules: string[] = [];
  for (const face of FACES) {
    const css = readFileSync(join(pkg, `${face.file}.css`), 'utf8');
    for (const subset of SUBSETS) {
      const name = `noto-sans-${subset}-${face.weight}-${face.style}`;
      const block = new RegExp(`/\\* ${name} \\*/\\s*@font-face\\s*{([^}]*)}`).exec(css);
      const range = block && /unicode-range:\s*([^;]+);/.exec(block[1]);
      if (!range) throw new Error(`font subset ${name} not found in @fontsource/noto-sans`);
      const woff2 = readFileSync(join(pkg, 'files', `${name}.woff2`)).toString('base64');
      rules.push(
        `@font-face{font-family:'Noto Sans';font-style:${face.style};font-weight:${face.weight};` +
          `src:url(data:font/woff2;base64,${woff2}) format('woff2');unicode-range:${range[1].trim()}}`,
      );
    }
  }
  cached = rules.join('\n');
  return cached;
}
