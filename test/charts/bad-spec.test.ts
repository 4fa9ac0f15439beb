// Chart specs that Vega-Lite would take and draw wrong, or fail on with its own TypeError, are located
// errors on the spec file (reliability check defects 10, 13 and 23's "barz"): each case a spec under
// test/charts/fixtures/bad-specs/<case>/charts/.
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatError, UserError } from '../../src/errors.ts';
import { renderChart } from '../../src/charts/index.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const input = {
  id: 'inflow-cis',
  spec: 'partners-bar',
  caption: 'Migrant inflow from CIS member states',
  alt: 'Bar chart: Uzbekistan first.',
  source: 'Border Service',
  values: [
    { partner: 'Uzbekistan', value: 1334101, label: '1,334,101' },
    { partner: 'Kyrgyzstan', value: 737942, label: '737,942' },
  ],
};

async function errorOf(name: string): Promise<string> {
  const dir = join(here, 'fixtures/bad-specs', name);
  const e = await renderChart(input, { templateDir: dir, lang: 'en' }).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(UserError);
  return formatError(e as UserError);
}

const file = (name: string) => relative(process.cwd(), join(here, 'fixtures/bad-specs', name, 'charts/partners-bar.vl.json'));

describe('bad chart specs', () => {
  it('field-unknown: a field the rows lack (drew one unlabeled bar, exit 0)', async () => {
    expect(await errorOf('field-unknown')).toBe(
      `${file('field-unknown')}:12:11: error: chart spec "partners-bar" reads the field "partnerz", which the chart's rows do not have (hint: the rows have: flag, label, partner, value) [render/chart-field-unknown]`,
    );
  });

  it('image-mark: an image mark (crashed "chart SVG is not static")', async () => {
    expect(await errorOf('image-mark')).toBe(
      `${file('image-mark')}:22:15: error: chart spec "partners-bar" cannot be used: it has an image mark, which loads a picture from a URL; a report’s charts are drawn from its data only (hint: a spec is a Vega-Lite JSON file that reads its rows from the named dataset {"name": "values"}) [render/chart-spec-invalid]`,
    );
  });

  it('mark-unknown: mark type "barz" (was Vega-Lite\'s TypeError text)', async () => {
    expect(await errorOf('mark-unknown')).toBe(
      `${file('mark-unknown')}:23:16: error: chart spec "partners-bar" has mark type "barz", which Vega-Lite does not know (hint: use one of: arc, area, bar, circle, geoshape, line, point, rect, rule, square, text, tick, trail, boxplot, errorband, errorbar) [render/chart-spec-invalid]`,
    );
  });
});
