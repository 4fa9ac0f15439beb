// renderChart: static and accessible SVG, escaped data, deterministic bytes, prefixed ids, missing data refused.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { type ChartInput, renderChart, renderCharts } from '../../src/charts/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const iom = { templateDir: join(root, 'templates/iom-quarterly'), lang: 'en' };

const inflow = (over: Partial<ChartInput> = {}): ChartInput => ({
  id: 'inflow-cis',
  spec: 'partners-bar',
  caption: 'Migrant inflow from CIS member states',
  alt: 'Bar chart: Uzbekistan first.',
  source: 'Border Service',
  values: [
    { partner: 'Uzbekistan', value: 1334101, label: '1,334,101' },
    { partner: 'Kyrgyzstan', value: 737942, label: '737,942' },
  ],
  ...over,
});

const tagsOf = (svg: string) => svg.match(/<[^>]+>/g) ?? [];
const idsOf = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);

async function userError(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('renderChart', () => {
  it('escapes data, caption and alt text as text, never markup', async () => {
    const { svg } = await renderChart(
      inflow({
        caption: 'Inflow <script>alert(1)</script>',
        alt: 'He said "x" & <i>y</i>',
        values: [{ partner: '<b>&amp;', value: 5, label: '<img src=x onerror=alert(1)>' }],
      }),
      iom,
    );
    expect(svg).toContain('&lt;b&gt;&amp;amp;');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('<title id="inflow-cis-title">Inflow &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(svg).toContain('<desc id="inflow-cis-desc">He said &quot;x&quot; &amp; &lt;i&gt;y&lt;/i&gt;</desc>');
    expect(svg).not.toMatch(/<(b|i|img|script)[\s>]/);
  });

  it('gives the same bytes for the same input, whatever was rendered before', async () => {
    const first = await renderChart(inflow(), iom);
    await renderChart(inflow({ id: 'other', spec: 'balance-bar', values: [{ partner: 'A', value: -3, label: '−3' }] }), iom);
    const again = await renderChart(inflow(), iom);
    expect(again.svg).toBe(first.svg);
  });

  it.each(['partners-bar', 'two-periods-bar', 'balance-bar', 'structure-bar', 'series-line'])(
    '%s: no script, no event handler, no external reference',
    async (spec) => {
      const values = [
        { partner: 'A', group: 'G', category: 'C', period: 'P1', series: 'S', order: 1, value: 40, label: '40' },
        { partner: 'B', group: 'G', category: 'D', period: 'P2', series: 'S', order: 2, value: 30, label: '30' },
      ];
      const { svg } = await renderChart(inflow({ id: `c-${spec}`, spec, values }), iom);
      expect(svg).not.toMatch(/<script|<foreignObject|<image|@import/i);
      for (const tag of tagsOf(svg)) {
        expect(tag).not.toMatch(/\son[a-z]+=/i);
        expect(tag).not.toMatch(/href="(?!#)/);
        expect(tag).not.toMatch(/url\((?!#)/);
      }
    },
  );

  it('is labelled by its <title> and <desc>', async () => {
    const { svg } = await renderChart(inflow(), iom);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="inflow-cis-title inflow-cis-desc"/);
    expect(svg).toMatch(/^<svg [^>]*><title id="inflow-cis-title">Migrant inflow from CIS member states<\/title><desc id="inflow-cis-desc">/);
    expect(svg).not.toMatch(/aria-roledescription|role="graphics/);
  });

  it('prefixes every id with the chart id, so charts on one page never collide', async () => {
    // The fixture spec makes Vega emit clip paths, numbered by a counter global to the process.
    const fixtures = { templateDir: join(root, 'test/charts/fixtures'), lang: 'en' };
    const values = [
      { partner: 'A', value: 10 },
      { partner: 'B', value: 12 },
    ];
    const [one, two] = await renderCharts([inflow({ id: 'one', spec: 'clipped', values }), inflow({ id: 'two', spec: 'clipped', values })], fixtures);
    const ids1 = idsOf(one.svg);
    const ids2 = idsOf(two.svg);
    expect(ids1.length).toBeGreaterThan(2);
    expect(ids1.every((id) => id.startsWith('one-'))).toBe(true);
    expect(ids2.every((id) => id.startsWith('two-'))).toBe(true);
    const refs = [...one.svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ids1).toContain(ref);
    // Same bytes apart from the prefix: Vega's counter moved on between the two renders.
    expect(two.svg).toBe(one.svg.replaceAll('one-', 'two-'));
  });

  it('marks estimated and derived values with an asterisk and a lighter bar', async () => {
    const { svg } = await renderChart(
      inflow({ values: [{ partner: 'A', value: 10, label: '10', flag: 'E' }, { partner: 'B', value: 9, label: '9', flag: '' }] }),
      iom,
    );
    expect(svg).toContain('>10*</text>');
    expect(svg).toContain('>9</text>');
    expect(svg).toContain('fill-opacity="0.4"');
  });

  it.each([
    ['en', '4,000,000'],
    ['ru', '4\u00a0000\u00a0000'],
    ['kk', '4\u00a0000\u00a0000'],
  ])('formats axis numbers for %s', async (lang, expected) => {
    const values = [
      { period: 'Q1', value: 3975788, label: 'x', series: 'S' },
      { period: 'Q2', value: 4001714, label: 'y', series: 'S' },
    ];
    const { svg } = await renderChart(inflow({ spec: 'series-line', values }), { ...iom, lang });
    expect(svg).toContain(`>${expected}</text>`);
  });
});

describe('renderChart refuses', () => {
  it('an empty dataset (the caller leaves the chart out with a note)', async () => {
    const e = await userError(renderChart(inflow({ values: [] }), iom));
    expect(e.code).toBe('render/chart-no-data');
    expect(e.message).toContain('inflow-cis');
  });

  it.each([null, undefined, Number.NaN, '12'])('a row whose value is %s (missing is not zero)', async (value) => {
    const e = await userError(renderChart(inflow({ values: [{ partner: 'A', value: 1, label: '1' }, { partner: 'B', value, label: '' }] }), iom));
    expect(e.code).toBe('render/chart-value-missing');
    expect(e.message).toContain('row 2');
  });

  it.each([
    [{ spec: 'no-such-chart' }, 'render/chart-spec-not-found'],
    [{ spec: '../../package' }, 'render/chart-spec-not-found'],
    [{ id: 'has space' }, 'render/chart-id-invalid'],
    [{ id: '1abc' }, 'render/chart-id-invalid'],
  ] as [Partial<ChartInput>, string][])('%o', async (over, code) => {
    expect((await userError(renderChart(inflow(over), iom))).code).toBe(code);
  });

  it('a language without a number format', async () => {
    expect((await userError(renderChart(inflow(), { ...iom, lang: 'de' }))).code).toBe('render/chart-language');
  });

  it('two charts with the same id on one page', async () => {
    expect((await userError(renderCharts([inflow(), inflow()], iom))).code).toBe('render/chart-id-duplicate');
  });
});
