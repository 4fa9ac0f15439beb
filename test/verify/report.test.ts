// Every report the sample holds (each period × report kind): every claim verified, and every figure the HTML shows
// in generated text (key findings, sentences, notes, tables, captions, chart titles and alt text) is one the
// verifier read. Then the checks shown to fail: an orphan figure, a contradiction, a finding the body does not state.
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model.ts';
import { narrate, localeFor } from '../../src/narrate/index.ts';
import { loadAndAudit, projectPaths, renderReport } from '../../src/pipeline.ts';
import type { ReportModel } from '../../src/report-model.ts';
import { verifyReport } from '../../src/verify/index.ts';
import { checkTableRow, orphanFigures } from '../../src/verify/words.ts';
import { parsePeriod } from '../../src/period.ts';

const PERIODS = ['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024'];
const KINDS = ['iom-quarterly', 'bns-release'] as const;
const paths = projectPaths(process.cwd());
let ds: Dataset;

beforeAll(async () => {
  ({ dataset: ds } = await loadAndAudit(paths));
});

/** Every text of a model the verifier read, as the HTML shows it. */
function verifiedTexts(model: ReportModel): Set<string> {
  const out = new Set<string>();
  for (const f of model.findings) out.add(f.text);
  for (const s of model.sections) {
    for (const p of s.paragraphs) out.add(p.map((x) => x.text).join(' '));
    for (const n of s.notes) out.add(n.text);
    for (const t of [...s.tables, ...s.charts.map((c) => c.table)]) {
      out.add(t.caption);
      for (const r of t.rows) for (const c of r.cells) out.add(c);
      for (const n of t.notes) out.add(n);
    }
    for (const c of s.charts) out.add(c.caption).add(c.alt.trim());
  }
  return out;
}

describe.each(KINDS)('%s: every period of the sample', (template) => {
  it.each(PERIODS)('%s: every claim verified, every figure of the HTML a verified text', async (period) => {
    const { model, verified } = narrate(ds, { template, period, lang: 'en', verify: 'collect' });
    expect(verified.failures.map((f) => `${f.where}: ${f.reason}`)).toEqual([]);
    expect(verified.claims).toBeGreaterThan(20);
    const html = (await renderReport(ds, [], { template, period, lang: 'en' }, paths)).html;
    const dom = parse(html);
    for (const a of dom.querySelectorAll('a.fnref, span.fnsep')) a.remove();
    const texts = verifiedTexts(model);
    // The generated paragraphs are those of the data sections (the analyst's own texts — about, methodology,
    // policy — are not generated and may hold figures of their own).
    const chapters = model.sections.map((x) => `section.chapter[data-title="${x.title}"] > p:not(.data-period)`);
    const selectors = ['#key-findings li', ...chapters, 'table caption', 'table tbody td', 'table tbody th', 'ul.table-notes li', 'figure.chart figcaption', 'svg > title', 'svg > desc'];
    let read = 0;
    for (const sel of selectors)
      for (const el of dom.querySelectorAll(sel)) {
        const text = el.text.replace(/\s+/g, ' ').trim();
        if (!/\d/.test(text)) continue;
        read++;
        expect(texts.has(text), `${sel}: “${text}” is not a text the verifier read`).toBe(true);
      }
    expect(read).toBeGreaterThan(5);
  });
});

describe('what the report-wide checks catch', () => {
  const L = () => localeFor(ds, 'en');
  const verify = (model: ReportModel) => verifyReport(ds, model, (v, d) => L().digits(v, d));

  it('a figure slipped into a sentence, a table cell or a caption is an orphan', () => {
    const { model } = narrate(ds, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
    const row = model.sections[0].tables[0].rows[0];
    expect(checkTableRow(row.cells, row.claims ?? [], L().vocabulary)).toEqual([]);
    expect(checkTableRow([...row.cells.slice(0, -1), '−22.8%*'], row.claims ?? [], L().vocabulary).join()).toMatch(/22\.8 is stated by no claim/);
    expect(checkTableRow([...row.cells.slice(0, -1), '+22.7%*'], row.claims ?? [], L().vocabulary).join()).toMatch(/sign of 22\.7 is against/);
    // The row's label names its series: the same figures under another group's label fail.
    expect(checkTableRow(['Arrivals from non-CIS countries', ...row.cells.slice(1)], row.claims ?? [], L().vocabulary).join()).toMatch(/names none of the series/);
    const caption = model.sections[0].tables[0].caption;
    expect(orphanFigures(caption, L().vocabulary, [parsePeriod('2023-Q4')!, parsePeriod('2023-Q3')!])).toEqual([]);
    expect(orphanFigures(`${caption}, 12 countries`, L().vocabulary, [parsePeriod('2023-Q4')!, parsePeriod('2023-Q3')!]).join()).toMatch(/figure 12/);
  });

  it("the locale's grammar: agreement (G1, G2), years running only for yearly streaks, no 'times less' (P1, rule 4)", () => {
    const { model } = narrate(ds, { template: 'bns-release', period: '2024-Q2', lang: 'en' });
    const record = model.sections[0].paragraphs.flat().find((x) => x.claims.some((c) => c.what === 'record' && c.series.indicator === 'pr_arrivals'))!;
    expect(record.text).toMatch(/\) were the highest/);
    const grammar = (text: string) => L().vocabulary.grammar!(text, record.claims);
    expect(grammar(record.text)).toEqual([]);
    expect(grammar(record.text.replace(') were', ') was')).join()).toMatch(/does not agree/);
    const net = { what: 'change' as const, series: { indicator: 'pr_arrivals', minus: 'pr_departures', partner: '_T', region: '', breakdown: '' }, period: '2024', baseline: '2023', marks: [], measure: 'unchanged' as const, sign: 0 as const };
    expect(L().vocabulary.grammar!('Compared with 2023, net migration were unchanged.', [net]).join()).toMatch(/does not agree/);
    expect(L().vocabulary.grammar!('Net migration was positive for the third year running in this part of the year.', [net]).join()).toMatch(/year running.*\n?|this part of the year/);
    expect(L().vocabulary.grammar!('Departures were 2.8 times less than in 2023.', [net]).join()).toMatch(/times less/);
  });

  it('two claims of one series and period that disagree are a contradiction; a repeated finding and one the body does not state fail', () => {
    const { model } = narrate(ds, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
    expect(verify(model).failures).toEqual([]);
    // The arrivals change as the body states it, copied into a finding with another figure.
    const body = model.sections[0].paragraphs[0][1];
    const changed = { ...body, claims: body.claims.map((c) => ('shown' in c && c.shown === '24.0' ? { ...c, shown: '24.1' } : c)) };
    const contradicted = { ...model, findings: [changed, ...model.findings] };
    expect(verify(contradicted).failures.map((f) => f.reason).join('\n')).toMatch(/contradicts/);
    const repeated = { ...model, findings: [model.findings[0], model.findings[0]] };
    expect(verify(repeated).failures.map((f) => f.reason).join('\n')).toMatch(/repeated/);
    const unstated = { ...model, findings: [{ ...model.findings[0], claims: [{ what: 'level' as const, series: { indicator: 'prp_terminated', partner: '_T', region: '', breakdown: '' }, period: '2023', marks: [], value: 16000, display: 'count' as const, shown: '16,000' }] }] };
    expect(verify(unstated).failures.map((f) => f.reason).join('\n')).toMatch(/no sentence of its section states/);
  });
});
