// The reference report as a test: our sentences state the figures its prose states, with values computed from the data.
import { describe, expect, it } from 'vitest';
import { narrate } from '../../src/narrate/index.ts';
import { sampleDataset } from '../compare/sample.ts';

const ds = await sampleDataset();

describe('IOM quarterly 2023-Q4 against the reference report', () => {
  const { model, computed } = narrate(ds, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
  const text = [...model.findings, ...model.sections.flatMap((s) => s.paragraphs.flat())].map((s) => s.text).join('\n');

  // [what the reference states, the figure as our text shows it, the fact it comes from, the unrounded value]
  const figures: [string, string, string, number][] = [
    ['arrivals total', '3,405,102', 'flows.arrivals.total.level', 3405102],
    ['departures total', '3,554,434', 'flows.departures.total.level', 3554434],
    ['CIS arrivals', '3,118,045', 'flows.arrivals.cis.level', 3118045],
    ['CIS share of arrivals (~92%)', '91.6%', 'flows.arrivals.cis.share', 91.56979732178361],
    ['non-CIS arrivals', '287,057', 'flows.arrivals.noncis.level', 287057],
    ['Uzbekistan arrivals', '1,334,101', 'flows.arrivals.uzb.level', 1334101],
    ['Uzbekistan share of CIS arrivals', '42.8%', 'flows.arrivals.uzb.share', 42.7864575399008],
    ['Kyrgyzstan arrivals', '737,942', 'flows.arrivals.kgz.level', 737942],
    ['Russian Federation arrivals', '688,069', 'flows.arrivals.rus.level', 688069],
    ['Tajikistan arrivals', '284,540', 'flows.arrivals.tjk.level', 284540],
    ['China share of non-CIS arrivals', '40.2%', 'flows.arrivals.chn.share', 40.213616111085955],
    ['China arrivals', '115,436', 'flows.arrivals.chn.level', 115436],
    ['Türkiye arrivals', '34,472', 'flows.arrivals.tur.level', 34472],
    ['India arrivals', '29,311', 'flows.arrivals.ind.level', 29311],
    ['CIS departures', '3,237,044', 'flows.departures.cis.level', 3237044],
    ['Uzbekistan departures', '1,469,172', 'flows.departures.uzb.level', 1469172],
    ['non-CIS departures', '317,390', 'flows.departures.noncis.level', 317390],
    ['China departures', '117,472', 'flows.departures.chn.level', 117472],
    ['CIS inflow change', '22.7%', 'flows.arrivals.cis.change', -22.699992289943733],
    ['CIS outflow change', '20.7%', 'flows.departures.cis.change', -20.700005854940063],
    ['Russian Federation inflow change (only two countries compared: stated as a fall, not a "most")', '40.4%', 'flows.arrivals.rus.change', -40.3999902986458],
    ['Uzbekistan inflow change', '23.9%', 'flows.arrivals.uzb.change', -23.89998454157205],
    ['non-CIS inflow change', '35.7%', 'flows.arrivals.noncis.change', -35.700013887831126],
    ['non-CIS outflow change', '29.9%', 'flows.departures.noncis.change', -29.899926452237022],
    ['TRP holders', '162,411', 'trp.total.level', 162411],
    ['TRP Uzbekistan', '111,563', 'trp.uzb.level', 111563],
    ['PRP issued', '25,399', 'prp.issued.total.level', 25399],
    ['PRP issued CIS', '21,584', 'prp.issued.cis.level', 21584],
    ['PRP issued non-CIS', '3,799', 'prp.issued.noncis.level', 3799],
    ['PRP Russian Federation share of CIS', '54.2%', 'prp.issued.rus.share', 54.239251297257226],
    ['PRP Uzbekistan', '6,545', 'prp.issued.uzb.level', 6545],
    ['PRP terminated CIS', '12,410', 'prp.terminated.cis.level', 12410],
    ['PRP terminated non-CIS', '3,590', 'prp.terminated.noncis.level', 3590],
    ['PRP terminated Russian Federation', '11,720', 'prp.terminated.rus.level', 11720],
    ['balance CIS (computed; the reference printed 9,528)', '9,174', 'prp.cis.balance', 9174],
    ['balance non-CIS (computed; the reference printed −184)', '209', 'prp.noncis.balance', 209],
    ['Kandas granted', '16,026', 'kandas.granted.level', 16026],
    ['Kandas since 1991', '1,123,200', 'kandas.total.level', 1123200],
    ['Kandas of working age', '61.4%', 'kandas.age.working.level', 61.4],
    ['remittances out 2023', '677.3 million USD', 'remittances_out.total.level', 677.3],
    ['remittances out 2022', '844.1 million USD', 'remittances_out.total.level_before', 844.1],
    ['remittances out variance', '166.8 million USD', 'remittances_out.total.change', -166.8],
    ['remittances in 2023', '236.2 million USD', 'remittances_in.total.level', 236.2],
    ['remittances in 2022', '351.9 million USD', 'remittances_in.total.level_before', 351.9],
    ['remittances in variance', '115.7 million USD', 'remittances_in.total.change', -115.7],
    ['Kyrgyzstan out (the reference printed 22.2%)', '−66.8%', 'remittances_out.kgz.change', -66.76602086438153],
    ['Russian Federation out', '29.2%', 'remittances_out.rus.share', 29.233722131987303],
    ['Kyrgyzstan in', '−72.4%', 'remittances_in.kgz.change', -72.39583333333333],
  ];

  it('states at least 30 of the reference figures', () => expect(figures.length).toBeGreaterThanOrEqual(30));

  it.each(figures)('%s: %s', (_what, shown, id, value) => {
    expect(text).toContain(shown);
    const f = computed.facts.byId.get(id)!;
    expect(f, id).toBeDefined();
    const v = f.kind === 'change' ? (shown.includes('%') ? f.pct : f.abs) : 'value' in f ? f.value : NaN;
    expect(v).toBeCloseTo(value, 6);
  });

  it('says the direction of every reference comparison from the data', () => {
    expect(text).toContain('arrivals from CIS countries fell by 22.7%');
    expect(text).toContain('departures to CIS countries fell by 20.7%');
    expect(text).toContain('down by 166.8 million USD');
    expect(text).toContain('fell most to Kyrgyzstan (−66.8%)');
    expect(text).not.toContain('22.2%');
    expect(text).toContain('positive for CIS countries, at 9,174');
    expect(text).not.toContain('9,528');
  });

  it('each section says which period its data cover', () => {
    expect(model.sections.map((s) => [s.id, s.dataPeriodLabel])).toEqual([
      ['flows', 'October–December 2023'],
      ['trp', 'October–December 2023'],
      ['prp', '2023'],
      ['kandas', '1 September 2023'],
      ['remittances_out', 'January–September 2023'],
      ['remittances_in', 'January–September 2023'],
      ['work_permits', '1 October 2023'],
    ]);
    expect(text).toContain('as of 1 September 2023');
    expect(text).toContain('For the first three quarters of 2023');
    expect(text).toContain('compared with January–September 2022');
  });

  it('has between one and six key findings, each one sentence', () => {
    expect(model.findings.length).toBeGreaterThan(0);
    expect(model.findings.length).toBeLessThanOrEqual(6);
    for (const f of model.findings) expect(f.text.match(/\.(\s|$)/g)?.length).toBe(1);
  });
});

describe('BNS release 2024-Q1', () => {
  const { model } = narrate(ds, { template: 'bns-release', period: '2024-Q1', lang: 'en' });
  const text = model.sections.flatMap((s) => s.paragraphs.flat()).map((s) => s.text).join('\n');
  it('arrivals fell by 2.7% and departures rose by 42.1% (the release had them reversed)', () => {
    expect(text).toContain('arrivals for permanent residence fell by 2.7%');
    expect(text).toContain('departures for permanent residence abroad rose by 42.1%');
  });
  it('states the totals, net migration, CIS shares, the ratio and the regions by value', () => {
    for (const s of ['7,471', '3,785', 'net migration was positive, at 3,686', '75.6%', '74.7%', '2.2 times as many', 'Astana (15,390), Almaty (9,187), Shymkent (3,536) and Almaty region (168)'])
      expect(text).toContain(s);
  });
});
