// The digits of a number rounded to a fixed count of decimals and grouped by thousands, exactly as
// Intl.NumberFormat writes them, but without ICU: the first Intl.NumberFormat of a process costs
// ~13 ms of ICU start-up, a twentieth of an HTML build. test/narrate/digits.test.ts holds the two
// equal over many values, ties included.
//
// The rounding is Intl's, not toFixed's: V8's Intl rounds the shortest decimal that reads back as
// the number ("1.15" for 1.15), half away from zero, so 1.15 → "1.2", as a reader rounds the figure
// they see; toFixed rounds the binary value (1.149999…) and gives "1.1".

/**
 * |v| with `decimals` decimals, `group` between thousands and `point` before the decimals; numbers
 * that String() writes with an exponent of 21 or more, and NaN and Infinity, are left to `fallback`.
 */
export function fixedDigits(v: number, decimals: number, group: string, point: string, fallback: (a: number) => string): string {
  const a = Math.abs(v);
  const shortest = String(a);
  if (!Number.isFinite(a) || shortest.includes('e+')) return fallback(a);
  // Below 1e-6 String() uses an exponent; such a number rounds to zero at up to six decimals.
  const [whole, fraction = ''] = shortest.includes('e-') ? ['0', ''] : shortest.split('.');
  let kept = BigInt(whole + fraction.slice(0, decimals).padEnd(decimals, '0'));
  if (fraction.length > decimals && fraction.charCodeAt(decimals) >= 53 /* '5' */) kept += 1n;
  const digits = kept.toString().padStart(decimals + 1, '0');
  const integer = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+$)/g, group);
  return decimals === 0 ? integer : integer + point + digits.slice(digits.length - decimals);
}

const NBSP = '\u00a0';
const spacedIntl = new Map<string, Intl.NumberFormat>();

/** U+202F (narrow no-break space, newer CLDR) and plain spaces inside a number → U+00A0. */
export function normaliseSpaces(s: string): string {
  return s.replace(/[\u202f ]/g, NBSP);
}

/**
 * |v| with `decimals` decimals as Russian and Kazakh write numbers: U+00A0 between thousands, a decimal comma. Intl
 * of the language `tag` only for what fixedDigits leaves (NaN, Infinity, ≥ 1e21), its group spaces made U+00A0, so the
 * text does not depend on the ICU build.
 */
export function spacedDigits(v: number, decimals: number, tag: string): string {
  return fixedDigits(v, decimals, NBSP, ',', (a) => {
    const key = `${tag}:${decimals}`;
    let f = spacedIntl.get(key);
    if (!f) spacedIntl.set(key, (f = new Intl.NumberFormat(tag, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
    return normaliseSpaces(f.format(a));
  });
}
