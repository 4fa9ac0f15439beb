// Deterministic text measurement for Vega without a canvas: Noto Sans advance widths (measured once in
// Chromium by test/charts/measure-noto-sans.ts), so axis space, label limits and overlap tests fit the real font.
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { packageFile } from '../paths.ts';

type Widths = Record<'400' | '700', Record<string, number>>;
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

const WIDTHS = JSON.parse(readFileSync(packageFile('src', 'charts', 'noto-sans-widths.json'), 'utf8')) as Widths;
// Characters outside the table (another script): a generous average, so text is never squeezed.
const UNKNOWN_EM = 0.62;

export function textWidth(text: string, fontSize: number, bold: boolean): number {
  const table = WIDTHS[bold ? '700' : '400'];
  let em = 0;
  for (const ch of text) em += table[ch] ?? UNKNOWN_EM;
  return em * fontSize;
}

function noto(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (Number(weight) >= 600);
  const raw = textWidth(text == null ? '' : String(text).trim(), size, bold);
  // Vega truncates to `limit` with its own search over this function: reporting at most the limit keeps
  // that search right and makes bounds of a truncated label match what is drawn.
  return item.limit && item.limit > 0 ? Math.min(raw, item.limit) : raw;
}

/** Installs the Noto Sans widths into Vega (process-wide; Vega has one text measurer). Idempotent. */
export function useNotoSansMetrics(): void {
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  if (metrics.width !== noto) metrics.width = noto;
}
