// A section may compare with a period its spec names (baseline: { named: … }), said as that period.
import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/compare/index.ts';
import { parseKind, TEMPLATES_DIR } from '../../src/kinds/load.ts';
import { createEnglish } from '../../src/narrate/locales/en.ts';
import { parsePeriod } from '../../src/period.ts';
import { join } from 'node:path';
import { sampleDataset } from '../compare/sample.ts';

const ds = await sampleDataset();
const spec = (baseline: string) =>
  parseKind(
    `kind: iom-quarterly
period: { unit: quarter, lead: border_arrivals, rows: partners }
front: [cover]
sections:
  - id: flows
    number: 1
    period: { latest: [border_arrivals] }
    baseline: ${baseline}
    facts:
      - partners: { measure: arrivals, indicator: border_arrivals, aggregates: [total] }
    text:
      - - changes: { measures: [arrivals] }
`,
    'report.yaml',
    join(TEMPLATES_DIR, 'iom-quarterly'),
    { reference: ds.reference },
  );

describe('baseline: { named: … }', () => {
  it('compares the section period with the named period, whatever comes before it', () => {
    const { sections, facts } = computeFacts(ds, { template: 'iom-quarterly', period: '2024-Q1', kind: spec('{ named: 2023-Q3 }') });
    expect(sections[0].baseline?.code).toBe('2023-Q3');
    expect(sections[0].relation).toBe('named');
    const change = facts.byId.get('flows.arrivals.change');
    expect(change && change.kind === 'change' && [change.period.code, change.baseline.code]).toEqual(['2024-Q1', '2023-Q3']);
  });
  it('the previous quarter otherwise', () => {
    expect(computeFacts(ds, { template: 'iom-quarterly', period: '2024-Q1', kind: spec('previous') }).sections[0].baseline?.code).toBe('2023-Q4');
  });
  it('is said as the period itself', () => {
    const L = createEnglish(ds.reference);
    expect(L.baseline(parsePeriod('2023-Q3')!, 'named')).toBe('July–September 2023');
  });
});
