// Regression tests for docs/fact-check.md: one test per defect id, each on the case(s) the fact-check reports it
// on (test/factcheck/cases.ts). Each test asserts what the statement means, not one wording, so it keeps passing
// under a reasonable rewording and fails on the text the fact-check quotes.
import { UserError } from '../../src/errors.ts';
import { describe, expect, it } from 'vitest';
import { narrate } from '../../src/narrate/index.ts';
import * as C from './cases.ts';
import type { Case, Template } from './cases.ts';
import { attributedSeries, dataset, fmt, netStreakClaims, num, prSeries, report, splitSentences, streakProblem, type Report } from './text.ts';

const IOM: Template = 'iom-quarterly';
const BNS: Template = 'bns-release';

/** Runs of a list of cases: [case, period, template]. */
type R = [Case, string, Template];

/** Net-migration streak statements that the data contradict, with the reason (for the failure message). */
function badStreaks(r: Report, sentences = r.statements()): string[] {
  const series = prSeries(r.ds);
  return netStreakClaims(sentences).flatMap((c) => {
    const why = streakProblem(c, series, r.period);
    return why ? [`${c.sentence}  ← ${why}`] : [];
  });
}

/** Figures given as arrivals (or departures) for permanent residence that are no value of that series (BNS release). */
function misattributed(r: Report): string[] {
  if (r.template !== BNS) return [];
  const series = prSeries(r.ds);
  const arrivals = new Set(series.flatMap((p) => (p.arrivals === undefined ? [] : [p.arrivals])));
  const departures = new Set(series.flatMap((p) => (p.departures === undefined ? [] : [p.departures])));
  const out: string[] = [];
  for (const s of r.statements())
    for (const m of s.matchAll(/\(([−-]?\d{1,3}(?:,\d{3})*)(?: \([^)]*\))?\)/g)) {
      // A figure in brackets right after a series name: "Arrivals for permanent residence (7,289) …".
      const fig = m[1].replace(/^[−-]/, '');
      const v = num(m[1]);
      for (const who of attributedSeries(s, fig)) {
        if (who === 'arrivals' && !arrivals.has(v)) out.push(`${s}  ← ${m[1]} is not an arrivals figure`);
        if (who === 'departures' && !departures.has(v)) out.push(`${s}  ← ${m[1]} is not a departures figure`);
      }
    }
  return [...new Set(out)];
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

describe('fact-check: wrong series / label', () => {
  it('S1 – the net-migration record is not written as an arrivals record', async () => {
    const runs: [Case, string, number][] = [
      [C.sample, '2024-Q2', 7289],
      [C.sample, '2024-Q3', 7289],
      [C.swap_bns, '2024-Q1', 5016],
      [C.bns_series_year, '2025', 13000],
      [C.net_recordlow, '2024-Q1', 2000],
      [C.bns_gap, '2024-Q1', 3686],
      [C.bns_monthly, '2024-03', 1430],
    ];
    const bad: string[] = [];
    for (const [c, p, net] of runs) {
      const r = await report(c, p, BNS);
      for (const s of r.statements()) if (attributedSeries(s, fmt(net)).includes('arrivals')) bad.push(`[${c.name} ${p}] ${s}`);
      bad.push(...misattributed(r).map((x) => `[${c.name} ${p}] ${x}`));
    }
    expect(uniq(bad)).toEqual([]);
  });

  it('S2 – the arrivals streak is not written as "net migration was positive" when net migration was negative', async () => {
    const runs: R[] = [
      [C.sample, '2024-Q2', BNS],
      [C.bns_series_q1, '2024-Q1', BNS],
      [C.bns_series_year, '2025', BNS],
    ];
    const bad: string[] = [];
    for (const [c, p, t] of runs) {
      const r = await report(c, p, t);
      bad.push(...badStreaks(r).filter((s) => /\bpositive\b/i.test(s)).map((s) => `[${c.name} ${p}] ${s}`));
    }
    // e.g. no "Net migration was positive … since January–June 2022": it was −5,057 then.
    expect(uniq(bad)).toEqual([]);
  });

  it('S3 – the departures streak is not written as a net-migration streak', async () => {
    const runs: R[] = [
      [C.sample, '2024-Q2', BNS],
      [C.bns_series_year, '2025', BNS],
      [C.net_unchanged, '2024-Q1', BNS],
      [C.bns_monthly, '2024-03', BNS],
    ];
    const bad: string[] = [];
    for (const [c, p, t] of runs) {
      const r = await report(c, p, t);
      bad.push(...badStreaks(r).map((s) => `[${c.name} ${p}] ${s}`));
    }
    expect(uniq(bad)).toEqual([]);
  });

  it('S4 – the net-migration sign change is not called "the balance for all countries"', async () => {
    const runs: [Case, string][] = [
      [C.sample, '2023-Q3'],
      [C.bns_netneg, '2024-Q1'],
    ];
    const bad: string[] = [];
    for (const [c, p] of runs) {
      const r = await report(c, p, BNS);
      // A BNS release has no permit balance: "balance for all countries" there can only be net migration mislabelled.
      bad.push(...r.grep(/balance for all countries/i).map((s) => `[${c.name} ${p}] ${s}`));
    }
    expect(bad).toEqual([]);
  });

  it('S5 – the non-CIS movers sentence keeps its group', async () => {
    const r = await report(C.flows_full, '2023-Q4', IOM);
    // Arrivals from the Russian Federation fell 40.4 % (the largest fall), so "arrivals fell most from India" is
    // only true of non-CIS countries and must say so.
    const bad = r.grep(/\b(fell|rose) most from\b/i, [...r.findings, ...r.section('flows').sentences]).filter((s) => /India|China|Mongolia|Korea|Türkiye/.test(s) && !/non-CIS/i.test(s));
    expect(bad).toEqual([]);
  });
});

describe('fact-check: wrong direction', () => {
  it('D1 – a balance that was zero is not said to turn positive "from negative"', async () => {
    const r = await report(C.prp_sign, '2023-Q4', IOM);
    // Non-CIS 2022: 3,000 issued − 3,000 terminated = 0. "from negative" may still be said of the CIS balance (−2,000).
    const bad = r.grep(/non-CIS countries(?:(?!(?<!non-)CIS countries).)*from (a )?negative/i);
    expect(bad).toEqual([]);
  });
});

describe('fact-check: wrong magnitude', () => {
  it('M1 – a rise from zero is not called 0.0 %', async () => {
    const r = await report(C.remit_from0, '2023-Q4', IOM);
    const s = r.section('remittances_out').sentences;
    expect(r.grep(/(\(|by |up |down )0\.0%/, s)).toEqual([]);
    expect(r.text).not.toMatch(/Infinity|NaN|∞/);
  });

  // doubtful: rule to be confirmed in docs/writing.md
  it('M2 – a ratio published as 0.5 or 1.5 is not restated as a change of "50.0%" (doubtful)', async () => {
    const bad: string[] = [];
    for (const c of [C.ratio_05, C.ratio_15]) {
      const r = await report(c, '2024-Q1', BNS);
      bad.push(...r.grep(/\b50\.0%/).map((s) => `[${c.name}] ${s}`));
    }
    expect(bad).toEqual([]);
  });

  // doubtful: rule to be confirmed in docs/writing.md
  it('M3 – a published share printed as "90" is not restated as "90.0%" (doubtful)', async () => {
    const r = await report(C.sample, '2024-Q1', BNS);
    expect(r.grep(/\b90\.0%/)).toEqual([]);
  });

  // doubtful: rule to be confirmed in docs/writing.md
  it('M4 – a percentage-point change equals the difference of the two shares as printed (doubtful)', async () => {
    const bad: string[] = [];
    for (const [p, t] of [['2023-Q4', IOM], ['2024-Q1', BNS], ['2024-Q2', BNS]] as const) {
      const r = await report(C.sample, p, t);
      for (const s of r.statements())
        for (const m of s.matchAll(/by (\d+(?:\.\d+)?) percentage points?, from (\d+(?:\.\d+)?)%.*? to (\d+(?:\.\d+)?)%/g)) {
          const diff = Math.abs(num(m[2]) - num(m[3]));
          if (Math.abs(diff - num(m[1])) > 0.05) bad.push(`[${p} ${t}] ${s}  ← ${m[2]} − ${m[3]} = ${diff.toFixed(1)}`);
        }
    }
    expect(bad).toEqual([]);
  });
});

describe('fact-check: wrong count', () => {
  it('N1 – a streak counts years, not observations', async () => {
    const r = await report(C.bns_gap, '2024-Q1', BNS);
    // Q1 data only for 2018, 2020, 2022 and 2024: no streak can run "since January–March 2018".
    expect(uniq(badStreaks(r))).toEqual([]);
  });

  it('N2 – "positive in N regions" is qualified when the data hold only some regions', async () => {
    const runs: [Case, string][] = [
      [C.sample, '2024-Q1'],
      [C.sample, '2023-Q4'],
      [C.interreg1, '2024-Q1'],
    ];
    const bad: string[] = [];
    for (const [c, p] of runs) {
      const r = await report(c, p, BNS);
      bad.push(
        ...r
          .grep(/\b(?:positive|negative) in (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) regions?\b/i)
          .filter((s) => !/published|with (?:published )?(?:figures|data)|available|reported|listed|shown|of the \d+ regions? (?:with|for which)/i.test(s))
          .map((s) => `[${c.name} ${p}] ${s}`),
      );
    }
    expect(bad).toEqual([]);
  });

  it('N3 – "Of the CIS countries with figures for the previous quarter" leaves out none of them', async () => {
    const bad: string[] = [];
    // partial_movers4: Tajikistan (−5.2 %) has Q3 and Q4 figures; partial_movers_unch: Kyrgyzstan (unchanged).
    for (const [c, name] of [[C.partial_movers4, 'Tajikistan'], [C.partial_movers_unch, 'Kyrgyzstan']] as const) {
      const r = await report(c, '2023-Q4', IOM);
      const flows = r.section('flows').sentences;
      const claims = r.grep(/with figures for the previous quarter/i, flows);
      for (const s of claims) if (!s.includes(name)) bad.push(`[${c.name}] ${s}  ← leaves out ${name}`);
      if (!claims.length && !flows.some((s) => s.includes(name) && /previous quarter|July–September 2023/.test(s)))
        bad.push(`[${c.name}] no sentence compares ${name} with the previous quarter`);
    }
    // border_edge: the Russian Federation rose from 0 and Uzbekistan was unchanged; the comparison must not vanish.
    const r = await report(C.border_edge, '2023-Q4', IOM);
    const flows = r.section('flows').sentences;
    for (const name of ['the Russian Federation', 'Uzbekistan'])
      if (!flows.some((s) => s.includes(name) && /previous quarter|July–September 2023/.test(s))) bad.push(`[border_edge] no sentence compares arrivals from ${name} with the previous quarter`);
    expect(bad).toEqual([]);
  });
});

describe('fact-check: wrong period wording', () => {
  it('P1 – no "this part of the year" in a report of annual data', async () => {
    const bad: string[] = [];
    for (const p of ['2025', '2024-Q4']) {
      const r = await report(C.bns_series_year, p, BNS);
      // The key-points section of these runs covers a calendar year (2025, 2024).
      expect(r.section('key_points').dataPeriodLabel).toMatch(/^\d{4}$/);
      bad.push(...r.grep(/this part of the year|same part of the year/i, [...r.findings, ...r.section('key_points').sentences]).map((s) => `[${p}] ${s}`));
    }
    expect(uniq(bad)).toEqual([]);
  });

  // doubtful: rule to be confirmed in docs/writing.md
  it('P2 – a section whose data are more than a year older than the report period says so (doubtful)', async () => {
    const r = await report(C.sample, '2023-Q4', BNS);
    const internal = r.section('internal');
    expect(internal.dataPeriodLabel).toBe('January–March 2022');
    const said = [...internal.sentences, ...internal.notes, ...internal.tableNotes].some((s) =>
      /latest (?:available )?(?:data|figures)|most recent|more recent|newer|no later|not yet (?:been )?(?:published|available)|older|months old|out of date/i.test(s),
    );
    expect(said, `section "${internal.title} (${internal.dataPeriodLabel})" in the 2023-Q4 report says nothing about its age:\n${internal.sentences.join('\n')}`).toBe(true);
  });
});

describe('fact-check: contradiction / duplicate', () => {
  /** "No data on X" notes of the flows section contradicted by a figure for X stated in the same section. */
  async function falseNoDataNotes(c: Case, p: string): Promise<string[]> {
    const r = await report(c, p, IOM);
    const flows = r.section('flows');
    const body = flows.sentences.join(' ');
    const out: string[] = [];
    for (const [dir, grp, phrase] of [
      ['arrivals', 'NONCIS', 'arrivals from non-CIS countries'],
      ['arrivals', 'CIS', 'arrivals from CIS countries'],
      ['departures', 'CIS', 'departures to CIS countries'],
      ['departures', 'NONCIS', 'departures to non-CIS countries'],
    ] as const) {
      const note = flows.notes.find((n) => new RegExp(`No data on .*\\b${phrase}`, 'i').test(n));
      if (!note) continue;
      const values = r.ds.observations.filter((o) => o.indicator === `border_${dir}` && o.country === grp && o.value !== null).map((o) => fmt(o.value!));
      const stated = values.find((v) => new RegExp(`(?<![\\d,])${v.replace(/\./g, '\\.')}(?![\\d,])`).test(body));
      if (stated) out.push(`[${c.name} ${p}] note "${note}" but the section states ${stated} for ${phrase}`);
    }
    return out;
  }

  it('C1 – "no data" notes do not contradict figures in the same section', async () => {
    const bad = [
      ...(await falseNoDataNotes(C.sample, '2023-Q3')),
      ...(await falseNoDataNotes(C.swap_border, '2023-Q4')),
      ...(await falseNoDataNotes(C.rm_border_q4, '2023-Q4')),
    ];
    expect(bad).toEqual([]);
  });

  it('C2 – no "no data on arrivals from non-CIS countries" note when member rows exist', async () => {
    const r = await report(C.rm_noncis, '2023-Q4', IOM);
    // 2023-Q4 rows for CHN, TUR, IND, DEU, MNG and KOR arrivals (and CHN, TUR, IND, DEU departures) are in the data.
    const bad = r.section('flows').notes.filter((n) => /No data on .*\b(arrivals from|departures to) non-CIS countries/i.test(n));
    expect(bad).toEqual([]);
  });

  it('C3 – "no comparison is made" is not followed by a comparison', async () => {
    const r = await report(C.remit_nobase_total, '2023-Q4', IOM);
    const s = r.section('remittances_out').sentences;
    const none = r.grep(/no comparison is made/i, s);
    const compared = r.grep(/compared with January–September 2022|than in January–September 2022|\b(fell|rose) most\b/i, s);
    expect(none.length && compared.length ? [...none, ...compared] : []).toEqual([]);
  });

  it('C4 – key findings do not contradict each other or the body', async () => {
    const bad: string[] = [];
    for (const [c, p] of [[C.sample, '2024-Q2'], [C.bns_series_year, '2025']] as const) {
      const r = await report(c, p, BNS);
      // Net-migration streak statements ending at the report period: all of one sign.
      const claims = netStreakClaims(r.statements());
      if (new Set(claims.map((x) => x.sign)).size > 1) bad.push(`[${c.name} ${p}] net migration both positive and negative running:\n  ${uniq(claims.map((x) => x.sentence)).join('\n  ')}`);
      // One arrivals figure for the report period: every "(N)" given as arrivals is the same.
      // The key-points period of the run: 2025 (annual) or January–June 2024.
      const series = prSeries(r.ds);
      const last = series.filter((x) => x.period.end <= (p === '2025' ? 2025 * 12 + 11 : 2024 * 12 + 5)).sort((a, b) => a.period.end - b.period.end).at(-1)!;
      for (const s of r.findings)
        for (const m of s.matchAll(/\((\d{1,3}(?:,\d{3})*)\)/g))
          if (attributedSeries(s, m[1]).includes('arrivals') && num(m[1]) !== last.arrivals) bad.push(`[${c.name} ${p}] ${s}  ← arrivals were ${fmt(last.arrivals!)}`);
    }
    expect(bad).toEqual([]);
  });

  it('C5 – no duplicated key finding', async () => {
    const r = await report(C.bns_monthly, '2024-03', BNS);
    const dup = r.findings.filter((f, i) => r.findings.indexOf(f) !== i);
    expect(dup).toEqual([]);
    // Nor two streaks of net migration from the same period with different counts ("second" and "third").
    const claims = netStreakClaims(r.findings);
    const bySince = new Map<string, Set<string>>();
    for (const c of claims) bySince.set(c.since, (bySince.get(c.since) ?? new Set()).add(`${c.sign}:${c.count}`));
    expect([...bySince].filter(([, v]) => v.size > 1).map(([k]) => k)).toEqual([]);
  });

  it('C6 – impossible structures (shares adding to 103.9 % / 95 %) are not stated without a warning', async () => {
    const bad: string[] = [];
    {
      const r = await report(C.kandas_103, '2023-Q4', IOM);
      const k = r.section('kandas');
      const all = [...k.sentences, ...k.notes, ...k.tableNotes];
      // Age: 61.4 + 30.0 + 12.5 = 103.9; working-age education: 60.0 + 34.4 + 15.6 = 110.0.
      if (!all.some((s) => /103\.9|more than 100|exceed|over 100/i.test(s))) bad.push(`[kandas_103] age shares add up to 103.9% without a note: ${all.join(' | ')}`);
      if (!all.some((s) => /110\.0|more than 100|exceed|over 100/i.test(s))) bad.push(`[kandas_103] education shares add up to 110.0% without a note`);
    }
    {
      const r = await report(C.kandas_95, '2023-Q4', IOM);
      const k = r.section('kandas');
      const all = [...k.sentences, ...k.notes, ...k.tableNotes];
      // Age: 61.4 + 30.0 + 3.6 = 95.0; the 5.0 % not accounted for must be mentioned, as education's 8.8 % is.
      if (!all.some((s) => /\b5\.0%|\b95\.0%/.test(s))) bad.push(`[kandas_95] age shares add up to 95.0% and the gap is not mentioned: ${all.join(' | ')}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('fact-check: grammar / wording', () => {
  it('G1 – "Arrivals … was" / "Departures … was" (agreement)', async () => {
    const bad: string[] = [];
    for (const [c, p] of [[C.sample, '2024-Q2'], [C.swap_bns, '2024-Q1']] as const) {
      const r = await report(c, p, BNS);
      bad.push(...r.grep(/\b(arrivals|departures)(?: for permanent residence(?: abroad)?| from [^,;()]+| to [^,;()]+)?(?: \([^)]*\))? was\b/i).map((s) => `[${c.name} ${p}] ${s}`));
    }
    expect(bad).toEqual([]);
  });

  it('G2 – "net migration were" (agreement)', async () => {
    const r = await report(C.net_unchanged, '2024-Q1', BNS);
    expect(r.grep(/net migration were\b/i)).toEqual([]);
  });

  it('G3 – "N times as many" takes "as", not "compared with"', async () => {
    const bad: string[] = [];
    for (const [c, p, t] of [[C.bns_netzero, '2024-Q1', BNS], [C.prp_neg, '2023-Q4', IOM], [C.remit_x25, '2023-Q4', IOM]] as const) {
      const r = await report(c, p, t);
      bad.push(...r.grep(/times as (?:many|much)[^;]*?\bcompared with\b/i).map((s) => `[${c.name}] ${s}`));
    }
    expect(bad).toEqual([]);
  });

  it('G4 – no telegraphic "…, remittances sent from Kazakhstan: 677.3 million USD."', async () => {
    const r = await report(C.remit_nobase_total, '2023-Q4', IOM);
    expect(r.grep(/:\s*[\d,.]+(?: million USD)?\.?$/)).toEqual([]);
  });

  it('G5 – people are not the subject of a fall or a rise ("people moving within the country fell by …")', async () => {
    const bad: string[] = [];
    for (const c of [C.ratio_05, C.ratio_15]) {
      const r = await report(c, '2024-Q1', BNS);
      bad.push(...r.grep(/\bpeople\b[^,;]{0,40}\b(fell|rose|decreased|increased)\b/i).map((s) => `[${c.name}] ${s}`));
    }
    expect(bad).toEqual([]);
  });

  it('G6 – no redundant "zero …, at 0"', async () => {
    const r = await report(C.prp_neg, '2023-Q4', IOM);
    expect(r.grep(/\bzero\b[^;]*?\bat 0\b/i)).toEqual([]);
  });

  it('G7 – no nested or double brackets', async () => {
    const bad: string[] = [];
    for (const [c, p, t] of [[C.sample, '2023-Q3', IOM], [C.status_E, '2023-Q4', IOM], [C.interreg, '2024-Q1', BNS]] as const) {
      const r = await report(c, p, t);
      bad.push(...r.grep(/\([^()]*\(|\)\s*\(/).map((s) => `[${c.name} ${p}] ${s}`));
    }
    expect(uniq(bad)).toEqual([]);
  });

  it('G8 – no duplicate section numbers in the plain text', async () => {
    const bad: string[] = [];
    for (const p of ['2023-Q4', '2024-Q1']) {
      const r = await report(C.sample, p, IOM);
      const numbers = r.text.split('\n').flatMap((l) => /^(\d+(?:\.\d+)*)\. \S/.exec(l)?.[1] ?? []);
      const dup = numbers.filter((n, i) => numbers.indexOf(n) !== i);
      if (dup.length) bad.push(`[${p}] section number(s) ${dup.join(', ')} used twice`);
    }
    expect(bad).toEqual([]);
  });

  it('G9 – no unitless absolute changes mixed with percentages', async () => {
    const bad: string[] = [];
    const unitless = /\bby \d[\d,]*(?:\.\d+)?(?![\d,]|\.\d)(?!%| ?percentage| million| people| persons| arrivals| departures)/;
    for (const c of [C.border_edge2, C.tiny_border]) {
      const r = await report(c, '2023-Q4', IOM);
      bad.push(...r.grep(unitless, r.section('flows').sentences).filter((s) => /\d%/.test(s)).map((s) => `[${c.name}] ${s}`));
      bad.push(...r.grep(unitless, r.findings).map((s) => `[${c.name}] ${s}`));
    }
    expect(uniq(bad)).toEqual([]);
  });
});

describe('fact-check: unsupported / misleading', () => {
  const QUALIFIED = /listed|shown|with (?:published )?figures|for which|broken down|of the countries (?:named|given)|published/i;

  it('U1 – no superlatives over partial lists', async () => {
    const r = await report(C.sample, '2023-Q4', IOM);
    // 77,613 of 287,057 non-CIS arrivals and 111.6 of 677.3 million USD sent are not broken down by country.
    const bad = [
      ...r.grep(/largest shares? of arrivals from non-CIS countries/i),
      ...r.grep(/remittances sent from Kazakhstan (?:fell|rose) most\b/i),
    ].filter((s) => !QUALIFIED.test(s));
    expect(uniq(bad)).toEqual([]);
  });

  it('U2 – ties are not hidden', async () => {
    const r = await report(C.ties, '2023-Q4', IOM);
    const bad: string[] = [];
    // Germany = India = 29,311 arrivals (9.7 % of non-CIS arrivals).
    for (const s of r.grep(/largest shares? of arrivals from non-CIS countries/i)) if (/Germany/.test(s) !== /India/.test(s) && !/tie|equal|same/i.test(s)) bad.push(s);
    // Remittances sent: Türkiye 245 → 202 and China 24.5 → 20.2, both −17.6 %.
    for (const s of r.grep(/remittances sent from Kazakhstan fell most\b/i)) if (/China/.test(s) !== /Türkiye/.test(s) && !/tie|equal|same/i.test(s)) bad.push(s);
    expect(uniq(bad)).toEqual([]);
  });

  it('U3 – a rise from zero is not left out of "rose most"', async () => {
    const r = await report(C.big_remit, '2023-Q4', IOM);
    // China: 0 → 20.2 million USD, more than Kyrgyzstan's rise of 11.15 million USD.
    const bad = r.grep(/\brose most\b/i, r.section('remittances_out').sentences).filter((s) => !/China/.test(s));
    expect(bad).toEqual([]);
  });

  it('U4 – a movers finding keeps "most" and does not read as a statement about the total', async () => {
    const bad: string[] = [];
    for (const [c, p] of [[C.sample, '2023-Q3'], [C.swap_remit, '2023-Q4']] as const) {
      const r = await report(c, p, IOM);
      bad.push(...r.grep(/remittances (?:sent|received)[^;]*\b(?:rose|fell) (?:from|to) (?:the )?[A-Z][^;]*\([+−-]\d/, r.findings).filter((s) => !/\bmost\b/i.test(s)).map((s) => `[${c.name} ${p}] ${s}`));
    }
    expect(bad).toEqual([]);
  });

  it('U5 – rises of 100 % or more are written "N times as many", not as a percentage (rule 4)', async () => {
    const bad: string[] = [];
    for (const c of [C.swap_remit, C.big_remit, C.flows_full, C.remit_x25]) {
      const r = await report(c, '2023-Q4', IOM);
      for (const s of r.statements())
        for (const m of s.matchAll(/([+−-]?)(\d[\d,]*(?:\.\d+)?)%/g)) {
          const v = num(m[2]);
          if (v > 100 || (v === 100 && m[1] === '+')) bad.push(`[${c.name}] ${s}  ← ${m[0]}`);
        }
    }
    expect(uniq(bad)).toEqual([]);
  });

  it('U6 – status marks are not dropped', async () => {
    const bad: string[] = [];
    {
      // bns_series_year_E: 2024 and 2025 rows are estimates; 27,000 (arrivals 2025) and the net figure built on them.
      const r = await report(C.bns_series_year_E, '2025', BNS);
      for (const s of r.statements()) if (/(?<![\d,])27,000(?![\d,])/.test(s) && !/estimate/i.test(s)) bad.push(`[bns_series_year_E] ${s}  ← 27,000 is an estimate`);
    }
    {
      const r = await report(C.status_E, '2023-Q4', IOM);
      // Shares computed from an estimated figure (Uzbekistan's arrivals) carry the mark too.
      for (const s of r.statements()) if (/Uzbekistan (?:accounted )?for 42\.8%/.test(s) && !/42\.8%(?:[^,;]{0,12})?(?:\(|, )?estimate|42\.8% \(estimate\)|42\.8%[*†]/.test(s)) bad.push(`[status_E] ${s}  ← 42.8% is computed from an estimate`);
      // A provisional mark is explained, as "derived" and "estimate" are.
      if (/\(provisional\)/.test(r.text) && !r.allNotes().some((n) => /provisional/i.test(n))) bad.push('[status_E] "(provisional)" is used but no note explains it');
    }
    expect(uniq(bad)).toEqual([]);
  });

  it('U7 – a key finding has something behind it in the body', async () => {
    const r = await report(C.prp_neg, '2023-Q4', IOM);
    const prp = r.section('prp').sentences;
    const bad: string[] = [];
    for (const f of r.grep(/terminations?.*times as many|terminations?.*\b(rose|fell|up|down)\b/i, r.findings))
      if (!prp.some((s) => /terminat/i.test(s) && /2022|previous year/.test(s) && !/balance/i.test(s))) bad.push(`finding "${f}" has no sentence on the change in terminations in the body`);
    expect(bad).toEqual([]);
  });

  it('U8 – a pinned finding is not dropped silently', async () => {
    const ds = await dataset(C.pin_cross);
    let model;
    try {
      ({ model } = narrate(ds, { period: '2023-Q4', template: IOM, lang: 'en' }));
    } catch (e) {
      // Refusing a pin that cannot be written is acceptable, if it says which.
      expect(String((e as Error).message)).toContain('flows.arrivals.uzb.rank');
      return;
    }
    const used = new Set(model.findings.flatMap((f) => f.factIds));
    expect(C.PIN_CROSS.filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('fact-check: valid data never stop the build', () => {
  it('X1 – a country in two groups does not crash', async () => {
    const bad: string[] = [];
    for (const c of [C.two_groups, C.two_groups_ukr, C.two_groups_usa]) {
      const ds = await dataset(c);
      try {
        narrate(ds, { period: '2023-Q4', template: IOM, lang: 'en' });
      } catch (e) {
        bad.push(`[${c.name}] ${(e as Error).message}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('X2 – a ratio of 1.0, 0.9996 or 1.0004 does not stop the build, and is not called a fall', async () => {
    const bad: string[] = [];
    for (const c of [C.ratio_10, C.ratio_09996, C.ratio_10004]) {
      try {
        const r = await report(c, '2024-Q1', BNS);
        bad.push(...r.grep(/\b(?:by|\() ?0\.0%/).map((s) => `[${c.name}] ${s}`));
        if (c === C.ratio_10004) bad.push(...r.grep(/\b(fell|fewer|decreased|down)\b/i, r.section('internal').sentences).map((s) => `[${c.name}] ${s}  ← a rise`));
      } catch (e) {
        bad.push(`[${c.name}] ${(e as Error).message}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('X3 – a 0.04 % rise in remittances does not stop the build, and is not "up by … (0.0%)"', async () => {
    const bad: string[] = [];
    for (const c of [C.tiny_remit, C.tiny_remit2]) {
      try {
        const r = await report(c, '2023-Q4', IOM);
        bad.push(...r.grep(/(?:up|down|rose|fell)[^;]*\(0\.0%\)|by 0\.0%/).map((s) => `[${c.name}] ${s}`));
      } catch (e) {
        bad.push(`[${c.name}] ${(e as Error).message}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('fact-check: key-findings choice (editorial judgement)', () => {
  it('K1 – 2023-Q4 iom: the fall in arrivals leads, and the fall in departures is a key finding', async () => {
    const r = await report(C.sample, '2023-Q4', IOM);
    const arrivals = r.findings.findIndex((f) => /\barrivals\b.*fell by 24\.0%|24\.0%.*\barrivals\b/i.test(f));
    expect(arrivals, r.findings.join('\n')).toBeGreaterThanOrEqual(0);
    expect(arrivals, r.findings.join('\n')).toBeLessThan(3);
    expect(r.findings.some((f) => /departures.*21\.6%/i.test(f)), r.findings.join('\n')).toBe(true);
  });

  it('K2 – 2024-Q1 and 2024-Q2 iom: the current quarter comes first', async () => {
    const bad: string[] = [];
    for (const [p, when] of [['2024-Q1', /first quarter of 2024|January–March 2024/], ['2024-Q2', /second quarter of 2024|April–June 2024/]] as const) {
      const r = await report(C.sample, p, IOM);
      if (!when.test(r.findings[0] ?? '')) bad.push(`[${p}] first finding: ${r.findings[0]}`);
    }
    expect(bad).toEqual([]);
  });

  it('K3 – swap_remit: the rise in total remittances sent (+24.6 %) is a key finding', async () => {
    const r = await report(C.swap_remit, '2023-Q4', IOM);
    expect(r.findings.some((f) => /remittances sent.*(24\.6%|1\.2 times)/i.test(f)), r.findings.join('\n')).toBe(true);
  });

  it('K4 – flows_full and cross_flows: crossovers do not push out the change in total arrivals', async () => {
    const bad: string[] = [];
    for (const c of [C.flows_full, C.cross_flows]) {
      const r = await report(c, '2023-Q4', IOM);
      if (!r.findings.some((f) => /\barrivals\b(?! from).*24\.0%/i.test(f))) bad.push(`[${c.name}] ${r.findings.join(' | ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('K5 – 2024-Q2 bns: a key finding gives the level of net migration', async () => {
    const r = await report(C.sample, '2024-Q2', BNS);
    expect(r.findings.some((f) => /net migration/i.test(f) && /7,289/.test(f)), r.findings.join('\n')).toBe(true);
  });
});

// Every appendix case: the edited folder loads, and each run's text contradicts the data in none of the ways the
// fact-check describes (series label, streak sign and count, zero changes, impossible numbers).
describe('fact-check cases: every run', () => {
  for (const c of C.CASES) {
    it(`${c.name} loads`, async () => {
      const ds = await dataset(c);
      expect(ds.observations.length).toBeGreaterThan(0);
    });
    for (const run of c.runs)
      it(`${c.name} --period ${run.period} --template ${run.template}: no figure contradicts the data`, async () => {
        if (c === C.pin_cross) {
          // A pin no key finding can state (a rank) is an error located in report.yaml (U8), never dropped silently.
          const e = await report(c, run.period, run.template).then(() => undefined, (x: unknown) => x);
          expect(e).toBeInstanceOf(UserError);
          expect((e as UserError).code).toBe('narrate/unwritable-finding');
          expect((e as UserError).at?.file).toMatch(/narrative\/2023-Q4\/report\.yaml$/);
          expect((e as UserError).at?.line).toBeGreaterThan(1);
          return;
        }
        const r = await report(c, run.period, run.template);
        const bad = [
          ...misattributed(r),
          ...badStreaks(r),
          ...r.grep(/\b(?:by|up by|down by) 0\.0%|\((?:[+−-])?0\.0%\)/).map((s) => `${s}  ← a change of 0.0% (say unchanged, or the change is undefined)`),
          ...r.grep(/\bby [−-]\d/).map((s) => `${s}  ← signed figure after a direction verb`),
          ...r.grep(/NaN|Infinity|undefined|\bnull\b/).map((s) => `${s}  ← not a number`),
        ];
        expect(uniq(bad)).toEqual([]);
      });
  }
});

// Keep splitSentences honest about decimals.
it('splitSentences keeps decimals inside sentences', () => {
  expect(splitSentences('Of all, 61.4% were A. Then 8.5% B.')).toEqual(['Of all, 61.4% were A.', 'Then 8.5% B.']);
});
