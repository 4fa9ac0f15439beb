// Turns Vega's SVG into a static, accessible, self-contained figure: title and desc, prefixed ids, no script.

/** Text and attribute escaping for what we add ourselves (Vega escapes the text it draws). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Vega marks each group for screen readers; inside role="img" those are ignored and only add
// bytes, and pointer-events mean nothing in a static picture.
const DROPPED_ATTRIBUTES = / (?:role|aria-[a-z]+|pointer-events)="[^"]*"/g;

/**
 * 1. drop Vega's root tag and its per-mark ARIA attributes;
 * 2. rename every id (clip paths, gradients) to `<chartId>-<n>` in order of appearance, so several
 *    charts share a page and the same input gives the same bytes whatever Vega's global counters say;
 * 3. open with role="img", aria-labelledby → <title> (caption) and <desc> (alt text);
 * 4. refuse anything that could run or fetch (a bug, not a user error).
 */
export function finishSvg(vegaSvg: string, chartId: string, caption: string, alt: string): string {
  const open = /^<svg\b[^>]*>/.exec(vegaSvg);
  if (!open) throw new Error('Vega did not return an SVG document');
  const size = (name: string) => new RegExp(` ${name}="([^"]*)"`).exec(open[0])?.[1];
  const [width, height, viewBox] = [size('width'), size('height'), size('viewBox')];
  if (!width || !height || !viewBox) throw new Error('Vega SVG has no size');

  // Tags are found reliably: Vega escapes < and > in every text and attribute value.
  let body = vegaSvg.slice(open[0].length).replace(/<[^>]+>/g, (tag) => tag.replace(DROPPED_ATTRIBUTES, ''));

  const ids = new Map<string, string>();
  body = body.replace(/ id="([^"]+)"/g, (_m, old: string) => {
    if (!ids.has(old)) ids.set(old, `${chartId}-def${ids.size + 1}`);
    return ` id="${ids.get(old)}"`;
  });
  body = body.replace(/url\(#([^)]+)\)/g, (m, old: string) => (ids.has(old) ? `url(#${ids.get(old)})` : m));
  body = body.replace(/(href)="#([^"]+)"/g, (m, attr: string, old: string) => (ids.has(old) ? `${attr}="#${ids.get(old)}"` : m));

  const titleId = `${chartId}-title`;
  const descId = `${chartId}-desc`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" ` +
    `viewBox="${viewBox}" role="img" aria-labelledby="${titleId} ${descId}">` +
    `<title id="${titleId}">${escapeXml(caption)}</title><desc id="${descId}">${escapeXml(alt)}</desc>` +
    body;
  assertStatic(svg);
  return svg;
}

const UNSAFE = [/<script/i, /<foreignObject/i, /\bon[a-z]+="/i, /href="(?!#)/i, /url\((?!#)/i, /@import/i, /<image/i];

function assertStatic(svg: string): void {
  // Only markup is checked: text nodes are escaped, so a country called "onload=" cannot match a tag.
  const tags = svg.match(/<[^>]+>/g) ?? [];
  for (const tag of tags) {
    for (const pattern of UNSAFE) {
      if (pattern.test(tag)) throw new Error(`chart SVG is not static: ${tag.slice(0, 80)}`);
    }
  }
}
