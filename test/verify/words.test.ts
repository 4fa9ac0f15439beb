import { describe, expect, it } from 'vitest';
import { series, type Claim, type Display, type Mark, type Series } from '../../src/claims.ts';
import { period, type Period } from '../../src/period.ts';
import { checkWords } from '../../src/verify/words.ts';
import { en } from './en-vocab.ts';

const num = (shown: string) => Number(shown.replaceAll(',', ''));

const level = (s: Series, p: string, shown: string, display: Display = 'count', marks: Mark[] = []): Claim => ({
  what: 'level', series: s, period: p, marks, value: num(shown), display, shown,
});
const change = (s: Series, p: string, baseline: string, sign: -1 | 0 | 1, shown?: string, display: Display = 'percent', marks: Mark[] = []): Claim =>
  shown === undefined
    ? { what: 'change', series: s, period: p, baseline, sign, marks, measure: 'unchanged' }
    : { what: 'change', series: s, period: p, baseline, sign, marks, measure: display === 'percent' ? 'pct' : 'abs', value: num(shown), display, shown };
const share = (s: Series, whole: string, p: string, shown: string, marks: Mark[] = []): Claim => ({
  what: 'share', series: s, whole, period: p, marks, value: num(shown), display: 'percent', shown, published: false,
});
const balance = (s: Series, p: string, sign: -1 | 0 | 1, shown: string): Claim => ({
  what: 'balance', series: s, period: p, sign, marks: [], value: num(shown), display: 'count', shown,
});

const Q4 = period('2023-Q4');
const Q1_24 = period('2024-Q1');
const H1_24 = period('2024-01/2024-06');
const Y23 = period('2023');
const R23 = period('2023-01/2023-09');

const arr = series('border_arrivals', '_T');
const dep = series('border_departures', '_T');
const prA = series('pr_arrivals', '_T');
const prD = series('pr_departures', '_T');
const net = series('pr_arrivals', '_T', '', '', 'pr_departures');

function check(text: string, claims: Claim[], p?: Period) {
  return checkWords(text, claims, en, { period: p });
}
const passes = (text: string, claims: Claim[], p?: Period) => expect(check(text, claims, p).map((f) => f.reason)).toEqual([]);
function fails(text: string, claims: Claim[], p: Period | undefined, pattern: RegExp) {
  const reasons = check(text, claims, p).map((f) => f.reason);
  expect(reasons.length, `expected a failure for: ${text}`).toBeGreaterThan(0);
  expect(reasons.join('\n')).toMatch(pattern);
}

describe('rule 1: figures', () => {
  const claims = [level(arr, '2023-Q4', '3,405,102'), level(dep, '2023-Q4', '3,554,434')];
  const text = 'In the fourth quarter of 2023, 3,405,102 arrivals and 3,554,434 departures of foreign citizens were recorded at the borders of Kazakhstan.';

  it('accepts every figure taken by its claim', () => passes(text, claims, Q4));
  it('fails a claim whose figure is not in the text', () =>
    fails(text.replace('3,405,102', '3,405,103'), claims, Q4, /3,405,102 does not appear/));
  it('fails a number no claim states (an orphan)', () =>
    fails('Note: Shares may not add up to 100% because of rounding.', [], Q4, /figure 100 is stated by no claim/));
  it('ignores digits inside period phrases', () => passes(text, claims, Q4));
  it('lets two claims with the same digits share a token', () => {
    const rec: Claim = { what: 'record', series: net, period: '2024-01/2024-06', marks: [], extreme: 'high', since: '2022-01/2022-06', years: 3, complete: true, value: 7289, display: 'count', shown: '7,289' };
    passes('Net migration was positive (7,289), the highest for this part of the year in the 3 years available, since January–June 2022.', [balance(net, '2024-01/2024-06', 1, '7,289'), rec], H1_24);
  });
  it('fails a member given its group total (Kyrgyzstan for 23.7% (3,118,045))', () =>
    fails(
      'Kyrgyzstan accounted for 23.7% of arrivals from CIS countries (3,118,045).',
      [share(series('border_arrivals', 'KGZ'), 'CIS', '2023-Q4', '23.7'), level(series('border_arrivals', 'KGZ'), '2023-Q4', '737,942')],
      Q4,
      /737,942 does not appear[\s\S]*3,118,045 is stated by no claim/,
    ));
  it('fails a rise from zero written with 0.0% (M1)', () => {
    const remit = series('remittances_out', '_T');
    const claims: Claim[] = [
      level(remit, '2023-01/2023-09', '677.3', 'money'),
      { what: 'change', series: remit, period: '2023-01/2023-09', baseline: '2022-01/2022-09', marks: [], measure: 'from_zero', sign: 1, value: 677.3, display: 'money', shown: '677.3' },
      level(remit, '2022-01/2022-09', '0.0', 'money'),
    ];
    const good = 'For the first three quarters of 2023, remittances sent from Kazakhstan amounted to 677.3 million USD, up by 677.3 million USD compared with January–September 2022 (0.0 million USD).';
    passes(good, claims, R23);
    fails(good.replace('677.3 million USD compared', '677.3 million USD (0.0%) compared'), claims, R23, /0\.0 is stated by no claim/);
  });
});

describe('rule 1: units', () => {
  const remit = series('remittances_out', '_T');
  const claims: Claim[] = [
    level(remit, '2023-01/2023-09', '677.3', 'money'),
    change(remit, '2023-01/2023-09', '2022-01/2022-09', -1, '166.8', 'money'),
    change(remit, '2023-01/2023-09', '2022-01/2022-09', -1, '19.8'),
    level(remit, '2022-01/2022-09', '844.1', 'money'),
  ];
  const text =
    'For the first three quarters of 2023, remittances sent from Kazakhstan amounted to 677.3 million USD, down by 166.8 million USD (19.8%) compared with January–September 2022 (844.1 million USD).';
  it('accepts the money total', () => passes(text, claims, R23));
  it('fails million USD written as per cent', () => fails(text.replace('166.8 million USD', '166.8%'), claims, R23, /166\.8 is written as percent/));
  it('fails current and previous totals swapped', () =>
    fails(text.replace('677.3 million USD,', '844.1 million USD,').replace('(844.1 million USD)', '(677.3 million USD)'), claims, R23, /stands with “January–September 2022”/));
});

describe('rule 2: series bound to figures', () => {
  it('fails swapped totals (3,554,434 arrivals and 3,405,102 departures)', () =>
    fails(
      'In the fourth quarter of 2023, 3,554,434 arrivals and 3,405,102 departures of foreign citizens were recorded.',
      [level(arr, '2023-Q4', '3,405,102'), level(dep, '2023-Q4', '3,554,434')],
      Q4,
      /the words name “departures” next to 3,405,102/,
    ));

  const bns = [change(prA, '2024-Q1', '2023-Q1', -1, '2.7'), change(prD, '2024-Q1', '2023-Q1', 1, '42.1')];
  const bnsText = 'Compared with January–March 2023, arrivals for permanent residence fell by 2.7% and departures for permanent residence abroad rose by 42.1%.';
  it('accepts arrivals and departures each with its change', () => passes(bnsText, bns, Q1_24));
  it('fails swapped labels (departures … fell by 2.7% and arrivals … rose by 42.1%)', () =>
    fails(
      'Compared with January–March 2023, departures for permanent residence abroad fell by 2.7% and arrivals for permanent residence rose by 42.1%.',
      bns,
      Q1_24,
      /“departures for permanent residence abroad” next to 2\.7/,
    ));

  const cis = (c: string) => series('border_arrivals', c);
  const list = [
    share(cis('UZB'), 'CIS', '2023-Q4', '42.8'), level(cis('UZB'), '2023-Q4', '1,334,101'),
    share(cis('KGZ'), 'CIS', '2023-Q4', '23.7'), level(cis('KGZ'), '2023-Q4', '737,942'),
    share(cis('RUS'), 'CIS', '2023-Q4', '22.1'), level(cis('RUS'), '2023-Q4', '688,069'),
  ];
  const listText =
    'Uzbekistan accounted for 42.8% of arrivals from CIS countries (1,334,101), Kyrgyzstan for 23.7% (737,942) and the Russian Federation for 22.1% (688,069).';
  it('accepts a list of shares', () => passes(listText, list, Q4));
  it('fails a figure moved to another country in a list', () =>
    fails(listText.replace('23.7%', 'X').replace('22.1%', '23.7%').replace('X', '22.1%'), list, Q4, /“Kyrgyzstan” next to 22\.1/));
  it('fails the wrong country at the head of a list (its whole is no excuse)', () =>
    fails(listText.replace('Uzbekistan accounted', 'Tajikistan accounted'), list, Q4, /next to 42\.8/));

  const prp = [
    balance(series('prp_issued', 'CIS', '', '', 'prp_terminated'), '2023', 1, '9,174'),
    level(series('prp_issued', 'CIS'), '2023', '21,584'),
    level(series('prp_terminated', 'CIS'), '2023', '12,410'),
  ];
  const prpText = 'In 2023, the balance of permanent residence permits issued and terminated was positive for CIS countries, at 9,174 (21,584 issued against 12,410 terminated).';
  it('accepts a balance with its parts', () => passes(prpText, prp, Y23));
  it('fails issued and terminated swapped', () =>
    fails(prpText.replace('21,584 issued against 12,410 terminated', '12,410 issued against 21,584 terminated'), prp, Y23, /“issued” next to 12,410/));

  it('fails S1: a net-migration record written as an arrivals record', () => {
    const rec: Claim = { what: 'record', series: net, period: '2024-01/2024-06', marks: [], extreme: 'high', since: '2022-01/2022-06', years: 3, complete: true, value: 7289, display: 'count', shown: '7,289' };
    const s1 = 'Arrivals for permanent residence (7,289) was the highest for this part of the year in the 3 years available, since January–June 2022.';
    fails(s1, [rec], H1_24, /“Arrivals for permanent residence” next to 7,289/);
    passes(s1.replace('Arrivals for permanent residence', 'Net migration'), [rec], H1_24);
  });
  it('fails S1 (net_recordlow): the sign of a negative record dropped', () => {
    const rec: Claim = { what: 'record', series: net, period: '2024-Q1', marks: [], extreme: 'low', since: '2022-Q1', years: 3, complete: true, value: -2000, display: 'count', shown: '2,000' };
    const t = 'Net migration (−2,000) was the lowest for this part of the year in the 3 years available, since January–March 2022.';
    passes(t, [rec], Q1_24);
    fails(t.replace('−2,000', '2,000'), [rec], Q1_24, /no word states the direction of 2,000/);
  });
  it('fails S4: net migration written as the balance for all countries', () => {
    const claims: Claim[] = [
      { what: 'sign_change', series: net, period: '2023-01/2023-06', baseline: '2022-01/2022-06', marks: [], sign: 1, from: -1 },
      balance(net, '2023-01/2023-06', 1, '6,656'),
    ];
    const good = 'Net migration turned positive (6,656), from negative in January–June 2022.';
    passes(good, claims, period('2023-01/2023-06'));
    fails(good.replace('Net migration', 'The balance for all countries'), claims, period('2023-01/2023-06'), /never name the series of sign_change/);
  });
});

describe('rule 3: directions', () => {
  const claims = [
    change(arr, '2023-Q4', '2023-Q3', -1, '24.0', 'percent', ['I']),
    change(dep, '2023-Q4', '2023-Q3', -1, '21.6', 'percent', ['I']),
  ];
  const text = 'Compared with the previous quarter (July–September 2023), arrivals fell by 24.0% (derived) and departures fell by 21.6% (derived).';
  it('accepts the right direction words', () => passes(text, claims, Q4));
  it('fails a reversed verb', () => fails(text.replace('arrivals fell', 'arrivals rose'), claims, Q4, /“rose” before 24\.0 states up/));
  it('fails a direction word no claim states', () =>
    fails('In the fourth quarter of 2023, 3,405,102 arrivals rose.', [level(arr, '2023-Q4', '3,405,102')], Q4, /“rose” states up\/positive, which no claim/));
  it('fails a level written as a change ("fell by 7,680")', () =>
    fails(
      'Compared with January–March 2023, arrivals for permanent residence fell by 7,680.',
      [change(prA, '2024-Q1', '2023-Q1', -1, '209', 'count'), level(prA, '2023-Q1', '7,680')],
      Q1_24,
      /209 does not appear[\s\S]*“fell” states down/,
    ));
  it('fails a signed figure against its verb ("rose most … (−66.8%)")', () => {
    const r = series('remittances_out', '_T');
    const to = (c: string) => series('remittances_out', c);
    const claims: Claim[] = [
      { what: 'most', series: r, period: '2023-01/2023-09', baseline: '2022-01/2022-09', marks: [], direction: 'down', members: ['KGZ', 'RUS', 'CHN'], scope: 'all' },
      { what: 'most', series: r, period: '2023-01/2023-09', baseline: '2022-01/2022-09', marks: [], direction: 'up', members: ['GEO'], scope: 'all' },
      change(to('KGZ'), '2023-01/2023-09', '2022-01/2022-09', -1, '66.8'),
      change(to('RUS'), '2023-01/2023-09', '2022-01/2022-09', -1, '19.3'),
      change(to('CHN'), '2023-01/2023-09', '2022-01/2022-09', -1, '17.6'),
      change(to('GEO'), '2023-01/2023-09', '2022-01/2022-09', 1, '8.5'),
    ];
    const good =
      'Compared with January–September 2022, remittances sent from Kazakhstan fell most to Kyrgyzstan (−66.8%), the Russian Federation (−19.3%) and China (−17.6%), while they rose most to Georgia (+8.5%).';
    passes(good, claims, R23);
    fails(good.replace('fell most to Kyrgyzstan', 'rose most to Kyrgyzstan'), claims, R23, /“rose” before 66\.8 states up/);
    fails(good.replace('(+8.5%)', '(−8.5%)'), claims, R23, /sign of 8\.5 is against/);
  });
  it('fails D1: "from negative" when the previous balance was zero', () => {
    const s = series('prp_issued', 'NONCIS', '', '', 'prp_terminated');
    const claims: Claim[] = [
      { what: 'sign_change', series: s, period: '2023', baseline: '2022', marks: [], sign: 1, from: 0 },
      balance(s, '2023', 1, '209'),
    ];
    const d1 = 'The balance for non-CIS countries turned positive (209), from negative in the previous year (2022).';
    fails(d1, claims, Y23, /old sign \(unchanged\/zero\)/);
    passes(d1.replace('from negative', 'from zero'), claims, Y23);
  });
  it('fails "turned positive, from positive"', () => {
    const s = series('prp_issued', 'CIS', '', '', 'prp_terminated');
    const claims: Claim[] = [
      { what: 'sign_change', series: s, period: '2023', baseline: '2022', marks: [], sign: 1, from: -1 },
      balance(s, '2023', 1, '9,174'),
    ];
    const t = 'The balance for CIS countries turned positive (9,174), from negative in the previous year (2022).';
    passes(t, claims, Y23);
    fails(t.replace('from negative', 'from positive'), claims, Y23, /old sign \(down\/negative\)/);
  });
  it('fails "2.2 times fewer" for a rise', () => {
    const im = series('internal_migrants', '_T');
    const claims: Claim[] = [{ what: 'ratio', series: im, period: '2024-Q1', baseline: '2023-Q1', marks: [], measure: 'times', sign: 1, value: 2.2, display: 'ratio', shown: '2.2' }];
    const t = 'In the first quarter of 2024, 2.2 times as many people moved within the country as in the same quarter of 2023 (January–March 2023).';
    passes(t, claims, Q1_24);
    fails(t.replace('times as many', 'times fewer'), claims, Q1_24, /“fewer”/);
  });
  it('fails crossovers reversed (figures, names or verb)', () => {
    const u = series('border_arrivals', 'UZB');
    const k = series('border_arrivals', 'KGZ');
    const claims: Claim[] = [
      { what: 'crossover', series: u, period: '2023-Q4', baseline: '2023-Q3', marks: [], other: 'KGZ' },
      level(u, '2023-Q4', '1,334,101'),
      level(k, '2023-Q4', '737,942'),
    ];
    const t = 'Arrivals from Uzbekistan (1,334,101) now outnumber arrivals from Kyrgyzstan (737,942), which were more numerous in the previous quarter (July–September 2023).';
    passes(t, claims, Q4);
    fails(t.replace('1,334,101', 'X').replace('737,942', '1,334,101').replace('X', '737,942'), claims, Q4, /next to 737,942/);
    fails(t.replace('Uzbekistan', 'X').replace('Kyrgyzstan', 'Uzbekistan').replace('X', 'Kyrgyzstan').replace('1,334,101', 'X').replace('737,942', '1,334,101').replace('X', '737,942'), claims, Q4, /named before the overtaker/);
    fails(t.replace('now outnumber', 'are now outnumbered by'), claims, Q4, /“outnumbered by” states down/);
  });
});

describe('rule 3/4: streaks (S2, S3, number words)', () => {
  const streak = (s: Series, sign: -1 | 1, mode: 'sign' | 'direction', length: number, since: string): Claim => ({
    what: 'streak', series: s, period: '2024-01/2024-06', marks: [], mode, sign, length, since, step: 'year',
  });
  const tail = ' for the second year running in this part of the year, since January–June 2022.';
  it('fails S2: the arrivals streak written as net migration', () => {
    const c = [streak(prA, 1, 'direction', 2, '2022-01/2022-06')];
    fails('Net migration was positive' + tail, c, H1_24, /never name the series of streak/);
    passes('Arrivals for permanent residence rose' + tail, c, H1_24);
  });
  it('fails S3: the departures streak written as net migration', () => {
    const c = [streak(prD, -1, 'direction', 2, '2022-01/2022-06')];
    fails('Net migration was negative' + tail, c, H1_24, /never name the series of streak/);
    passes('Departures for permanent residence abroad fell' + tail, c, H1_24);
  });
  it('checks the sign word of a net streak', () => {
    const c = [streak(net, 1, 'sign', 2, '2022-01/2022-06')];
    passes('Net migration was positive' + tail, c, H1_24);
    fails('Net migration was negative' + tail, c, H1_24, /“negative” states down/);
  });
  it('fails "ninth year running" for a streak of 2', () => {
    const c = [streak(net, 1, 'sign', 2, '2022-01/2022-06')];
    fails('Net migration was positive' + tail.replace('second', 'ninth'), c, H1_24, /“ninth” \(9\) is no streak length[\s\S]*streak's length \(2\)/);
  });
  it('fails a streak start that is no claim\'s', () => {
    const c = [streak(net, 1, 'sign', 2, '2023-01/2023-06')];
    fails('Net migration was positive' + tail, c, H1_24, /“January–June 2022” states a start no record or streak has|figure 2022 is stated by no claim/);
  });
});

describe('rule 4: superlatives and counts', () => {
  const nc = (c: string) => series('border_arrivals', c);
  const top = (scope: 'all' | 'listed'): Claim[] => [
    { what: 'top', series: nc('NONCIS'), period: '2023-Q4', marks: [], members: ['CHN', 'TUR', 'IND'], scope },
    share(nc('CHN'), 'NONCIS', '2023-Q4', '40.2'),
    share(nc('TUR'), 'NONCIS', '2023-Q4', '12.0'),
    share(nc('IND'), 'NONCIS', '2023-Q4', '10.2'),
  ];
  const t = 'In the fourth quarter of 2023, China (40.2%), Türkiye (12.0%) and India (10.2%) accounted for the largest shares of arrivals from non-CIS countries.';
  it('accepts "largest" for a top claim over all members', () => passes(t, top('all'), Q4));
  it('fails U1: "largest" over a partial list without a qualifier', () => fails(t, top('listed'), Q4, /without a qualifier/));
  it('accepts a partial list with a qualifier', () =>
    passes(t.replace('accounted for the largest shares of arrivals from non-CIS countries', 'accounted for the largest shares of arrivals from non-CIS countries among the countries listed'), top('listed'), Q4));
  it('fails a top claim over all members without a superlative', () =>
    fails(t.replace('the largest shares', 'shares'), top('all'), Q4, /no superlative \(largest\)/));
  it('fails a superlative with no claim of its kind', () =>
    fails(t, top('all').slice(1), Q4, /“largest” \(largest\) has no claim/));

  it('fails "was the lowest" for a record high', () => {
    const rec: Claim = { what: 'record', series: prA, period: '2024-01/2024-06', marks: [], extreme: 'high', since: '2022-01/2022-06', years: 3, complete: true, value: 14256, display: 'count', shown: '14,256' };
    const r = 'Arrivals for permanent residence (14,256) were the highest for this part of the year in the 3 years available, since January–June 2022.';
    passes(r, [rec], H1_24);
    fails(r.replace('highest', 'lowest'), [rec], H1_24, /“lowest” \(lowest\) has no claim[\s\S]*do not call the record highest/);
  });

  it('fails U4: a movers claim worded without "most"', () => {
    const r = series('remittances_in', '_T');
    const claims: Claim[] = [
      { what: 'most', series: r, period: '2023-01/2023-09', baseline: '2022-01/2022-09', marks: [], direction: 'up', members: ['ARE'], scope: 'all' },
      change(series('remittances_in', 'ARE'), '2023-01/2023-09', '2022-01/2022-09', 1, '93.8'),
    ];
    const u4 = 'Compared with January–September 2022, remittances received in Kazakhstan rose from the United Arab Emirates (+93.8%).';
    fails(u4, claims, R23, /no superlative \(most\)/);
    passes(u4.replace('rose from', 'rose most from'), claims, R23);
  });

  it('fails S5: movers within non-CIS countries said of arrivals as a whole', () => {
    const a = (code: string) => series('border_arrivals', code);
    const claims: Claim[] = [
      { what: 'most', series: a('NONCIS'), period: '2023-Q4', baseline: '2023-Q3', marks: [], direction: 'down', members: ['IND', 'CHN'], scope: 'all' },
      change(a('IND'), '2023-Q4', '2023-Q3', -1, '26.7'),
      change(a('CHN'), '2023-Q4', '2023-Q3', -1, '23.0'),
    ];
    const s5 = 'Compared with the previous quarter (July–September 2023), arrivals fell most from India (−26.7%) and China (−23.0%).';
    fails(s5, claims, Q4, /do not name the group NONCIS/);
    passes('Of non-CIS countries, compared with the previous quarter (July–September 2023), arrivals fell most from India (−26.7%) and China (−23.0%).', claims, Q4);
  });

  const region = (code: string) => series('interregional_net', '_T', code);
  const count = (scope: 'all' | 'listed'): Claim[] => [
    { what: 'count', series: series('interregional_net', '_T'), period: '2024-Q1', marks: [], rule: 'positive', scope, value: 4, display: 'count', shown: '4' },
    level(region('KZ-71'), '2024-Q1', '15,390'),
    level(region('KZ-75'), '2024-Q1', '9,187'),
    level(region('KZ-79'), '2024-Q1', '3,536'),
    level(region('KZ-19'), '2024-Q1', '168'),
  ];
  const n2 = 'In January–March 2024, interregional net migration was positive in 4 regions: Astana (15,390), Almaty (9,187), Shymkent (3,536) and Almaty region (168).';
  it('fails N2: "positive in 4 regions" counted over the listed regions without a qualifier', () => fails(n2, count('listed'), Q1_24, /count 4 is of the listed members only/));
  it('accepts the count over all regions, or the listed ones with a qualifier', () => {
    passes(n2, count('all'), Q1_24);
    passes(n2.replace('In January–March 2024, interregional', 'In January–March 2024, of the regions with figures, interregional'), count('listed'), Q1_24);
  });
  it('fails a region given another region\'s figure', () =>
    fails(n2.replace('Almaty (9,187)', 'Almaty (168)').replace('Almaty region (168)', 'Almaty region (9,187)'), count('all'), Q1_24, /“Almaty” next to 168|“Almaty region” next to 9,187/));
});

describe('rule 5: periods', () => {
  const claims = [change(arr, '2023-Q4', '2023-Q3', -1, '24.0', 'percent', ['I'])];
  const text = 'In the fourth quarter of 2023, arrivals fell by 24.0% (derived) compared with the previous quarter (July–September 2023).';
  it('accepts the period and its baseline', () => passes(text, claims, Q4));
  it('fails the current period and the baseline swapped', () =>
    fails(
      'In the third quarter of 2023, arrivals fell by 24.0% (derived) compared with the previous quarter (October–December 2023).',
      claims,
      Q4,
      /“In the third quarter of 2023” states a claim's baseline as the period[\s\S]*states a claim's own period as its baseline/,
    ));
  it('fails a missing baseline', () => fails('In the fourth quarter of 2023, arrivals fell by 24.0% (derived).', claims, Q4, /do not state the baseline 2023-Q3/));
  it('fails a claim period the heading does not state and the words do not either', () =>
    fails('Arrivals fell by 24.0% (derived) compared with the previous quarter (July–September 2023).', claims, period('2024-Q1'), /do not state the period 2023-Q4/));
  it('accepts the period left to the heading', () =>
    passes('Arrivals fell by 24.0% (derived) compared with the previous quarter (July–September 2023).', claims, Q4));
  it('fails words only the other relation writes («the previous quarter» a year back, «the same quarter» just before)', () => {
    const yearAgo = [change(arr, '2023-Q4', '2022-Q4', -1, '24.0', 'percent', ['I'])];
    const ya = 'In the fourth quarter of 2023, arrivals fell by 24.0% (derived) compared with the same quarter of 2022 (October–December 2022).';
    passes(ya, yearAgo, Q4);
    fails(ya.replace('the same quarter of 2022', 'the previous quarter'), yearAgo, Q4, /states 2022-Q4 as the period just before, but no claim compares with it so/);
    fails(text.replace('the previous quarter', 'the same quarter of 2023'), claims, Q4, /states 2023-Q3 as the same period a year earlier, but no claim compares with it so/);
  });
  it('fails a period no claim is about', () =>
    fails('In the first quarter of 2024, arrivals fell by 24.0% (derived) compared with the previous quarter (July–September 2023).', claims, Q4, /states a period no claim is about/));

  const sc = series('pr_arrivals', 'CIS');
  const shares: Claim[] = [
    { what: 'share_change', series: sc, whole: '_T', period: '2024-Q1', baseline: '2023-Q1', marks: [], sign: -1, published: true, value: 14.4, display: 'points', shown: '14.4' },
    share(sc, '_T', '2023-Q1', '90.0'),
    share(sc, '_T', '2024-Q1', '75.6'),
  ];
  const st = 'The share of CIS countries in arrivals for permanent residence fell by 14.4 percentage points, from 90.0% in January–March 2023 to 75.6%.';
  it('accepts a share change with its two shares', () => passes(st, shares, Q1_24));
  it('fails from/to swapped in a share change', () =>
    fails(st.replace('90.0%', 'X').replace('75.6%', '90.0%').replace('X', '75.6%'), shares, Q1_24, /75\.6 stands with “in January–March 2023”/));
  it('fails percentage points written as per cent', () => fails(st.replace('14.4 percentage points', '14.4%'), shares, Q1_24, /14\.4 is written as percent/));
});

describe('rule 6: marks', () => {
  const claims = [change(arr, '2023-Q4', '2023-Q3', -1, '24.0', 'percent', ['I'])];
  const text = 'Compared with the previous quarter (July–September 2023), arrivals fell by 24.0% (derived).';
  it('accepts a mark after its figure', () => passes(text, claims, Q4));
  it('fails a missing mark', () => fails(text.replace(' (derived)', ''), claims, Q4, /lacks its mark “derived”/));
  it('fails a mark no claim carries', () =>
    fails(text.replace('(derived)', '(estimate)'), claims, Q4, /“\(estimate\)” marks 24\.0, which no claim marked E/));
  it('reads a mark followed by a share in brackets, and a group split', () => {
    const c = (code: string) => series('border_arrivals', code);
    const claims: Claim[] = [
      level(c('CIS'), '2023-Q3', '4,033,693', 'count', ['I']),
      share(c('CIS'), '_T', '2023-Q3', '90.0', ['I']),
      level(c('NONCIS'), '2023-Q3', '446,434', 'count', ['I']),
      share(c('NONCIS'), '_T', '2023-Q3', '10.0', ['I']),
    ];
    const t = 'Of all arrivals, 4,033,693 (derived) (90.0% (derived)) came from CIS countries and 446,434 (derived) (10.0% (derived)) from non-CIS countries.';
    passes(t, claims, period('2023-Q3'));
    fails(t.replace('came from CIS countries', 'came from non-CIS countries').replace('from non-CIS countries.', 'from CIS countries.'), claims, period('2023-Q3'), /“non-CIS countries” next to 4,033,693/);
  });
  it('fails a mark on a figure whose claim is unmarked', () =>
    fails(
      'In the fourth quarter of 2023, 3,405,102 (derived) arrivals were recorded.',
      [level(arr, '2023-Q4', '3,405,102')],
      Q4,
      /marks 3,405,102, which no claim marked I/,
    ));
});

describe('a paragraph of several sentences', () => {
  const claims: Claim[] = [
    level(prA, '2024-Q1', '7,471'),
    level(prD, '2024-Q1', '3,785'),
    balance(net, '2024-Q1', 1, '3,686'),
    change(prA, '2024-Q1', '2023-Q1', -1, '2.7'),
    change(prD, '2024-Q1', '2023-Q1', 1, '42.1'),
    change(net, '2024-Q1', '2023-Q1', -1, '1,330', 'count'),
    { what: 'streak', series: net, period: '2024-Q1', marks: [], mode: 'sign', sign: 1, length: 2, since: '2023-Q1', step: 'year' },
  ];
  const text =
    'In January–March 2024, 7,471 people arrived in Kazakhstan for permanent residence and 3,785 left it for permanent residence abroad; net migration was positive, at 3,686. ' +
    'Compared with January–March 2023, arrivals for permanent residence fell by 2.7% and departures for permanent residence abroad rose by 42.1%. ' +
    'Compared with January–March 2023, net migration fell by 1,330. ' +
    'Net migration was positive for the second year running in this part of the year, since January–March 2023.';
  it('accepts the BNS key points', () => passes(text, claims, Q1_24));
  it('fails the streak sentence turned negative', () =>
    fails(text.replace('Net migration was positive for', 'Net migration was negative for'), claims, Q1_24, /“negative” states down/));
  it('fails a figure bound across a sentence boundary', () =>
    fails(text.replace('net migration fell by 1,330', 'it fell by 1,330'), claims, Q1_24, /no series is named next to 1,330/));
});

describe('speed', () => {
  it('reads 80 sentences in well under a second', () => {
    const claims = [change(prA, '2024-Q1', '2023-Q1', -1, '2.7'), change(prD, '2024-Q1', '2023-Q1', 1, '42.1')];
    const t = 'Compared with January–March 2023, arrivals for permanent residence fell by 2.7% and departures for permanent residence abroad rose by 42.1%.';
    checkWords(t, claims, en, { period: Q1_24 });
    const start = performance.now();
    for (let i = 0; i < 80; i++) expect(checkWords(t, claims, en, { period: Q1_24 })).toEqual([]);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('options for verb-final languages (directionAfter, baselineOutros, sinceOutros)', () => {
  // English words in a verb-final order stand in for Kazakh ("… 20,7%-ға азайды"; "2022 жылмен салыстырғанда").
  const verbFinal = { directionAfter: true, baselineOutros: ['compared'], sinceOutros: ['onwards'] };
  const claims = [change(arr, '2024', '2023', -1, '24.0'), change(dep, '2024', '2023', 1, '21.6')];
  const Y24 = period('2024');
  const run = (text: string) => checkWords(text, claims, en, { period: Y24 }, verbFinal).map((f) => f.reason);
  it('reads the direction word after the figure, shared by a run of clauses', () => {
    expect(run('In 2024, 2023 compared arrivals 24.0% fell, departures 21.6% rose.')).toEqual([]);
    expect(run('In 2024, 2023 compared departures 21.6% and arrivals 24.0% both … no.').length).toBeGreaterThan(0);
  });
  it('fails a verb after the figure that states the wrong direction', () =>
    expect(run('In 2024, 2023 compared arrivals 24.0% rose, departures 21.6% rose.').join('\n')).toMatch(/“rose” before 24\.0 states up/));
  it('takes a period followed by an outro as a baseline, and fails it without one', () => {
    expect(run('In 2024, 2023 compared arrivals 24.0% fell, departures 21.6% rose.')).toEqual([]);
    expect(run('In 2024, 2023 arrivals 24.0% fell, departures 21.6% rose.').join('\n')).toMatch(/2023/);
  });
});
