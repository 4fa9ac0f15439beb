// The Kazakh edition: exact sentences of the sample report, every name declined, and the words check as strict in
// Kazakh as in English (a wrong direction word, a figure next to the wrong country, a wrong period, a suffix that does
// not fit its number: each fails).
import { describe, expect, it } from 'vitest';
import { localeFor, narrate } from '../../src/narrate/index.ts';
import type { Sentence } from '../../src/report-model.ts';
import { ordinalKk } from '../../src/narrate/locales/kk.ts';
import { sampleDataset } from '../compare/sample.ts';
import { verifyText } from './verify-text.ts';

const ds = await sampleDataset();
const L = localeFor(ds, 'kk');
const NB = '\u00a0';

function sentences(template: string, p: string): Sentence[] {
  const { model } = narrate(ds, { template, period: p, lang: 'kk' });
  return [...model.findings, ...model.sections.flatMap((s) => s.paragraphs.flat())];
}
const iom = sentences('iom-quarterly', '2023-Q4');
const find = (list: Sentence[], re: RegExp) => {
  const s = list.find((x) => re.test(x.text));
  if (!s) throw new Error(`no sentence matches ${re}`);
  return s;
};
const nb = (s: string) => s.replace(/(?<=\d) (?=\d{3}(?!\d))/g, NB).replace(/(\d) (млн|пайыздық)/g, `$1${NB}$2`);

describe('Kazakh sentences of the sample report (IOM 2023-Q4)', () => {
  it.each([
    [/шекарасында/, '2023 жылғы IV тоқсанда Қазақстан шекарасында шетел азаматтарының 3 405 102 келуі және 3 554 434 кетуі тіркелді.'],
    [/^Алдыңғы тоқсанмен .* келгендер саны 24/, 'Алдыңғы тоқсанмен (2023 жылғы III тоқсан) салыстырғанда келгендер саны 24,0%-ға (есептік), кеткендер саны 21,6%-ға (есептік) азайды.'],
    [/^Барлық келгендер/, 'Барлық келгендер ішінде 3 118 045 (91,6%) ТМД елдерінен және 287 057 (8,4%) ТМД-дан тыс елдерден келді.'],
    [/^Тізімдегі елдер арасында .*Қазақстаннан/, 'Тізімдегі елдер арасында 2022 жылғы тиісті кезеңмен салыстырғанда Қазақстаннан жіберілген жеке ақша аударымдары Қырғызстанға (−66,8%), Ресей Федерациясына (−19,3%) және Қытайға (−17,6%) ең көп азайды, ал Грузияға (+8,5%) ең көп артты.'],
    [/Қырғызстанның үлесі 2022/, 'Қазақстаннан жіберілген жеке ақша аударымдарындағы Қырғызстанның үлесі 2022 жылғы қаңтар–қыркүйектегі 7,9%-дан 3,3%-ға дейін, яғни 4,6 пайыздық тармаққа азайды.'],
    [/677,3/, '2023 жылғы қаңтар–қыркүйекте Қазақстаннан жіберілген жеке ақша аударымдары 677,3 млн АҚШ долларын құрады, бұл 2022 жылғы қаңтар–қыркүйектегі 844,1 млн АҚШ долларынан 166,8 млн АҚШ долларына (19,8%) кем.'],
    [/сальдосы ТМД елдері бойынша/, '2023 жылы тұрақты тұруға рұқсаттар сальдосы ТМД елдері бойынша оң (9 174; 21 584 берілді, 12 410 тоқтатылды) және ТМД-дан тыс елдер бойынша оң (209; 3 799 берілді, 3 590 тоқтатылды) болды.'],
    [/қандастардың 61,4/, '2023 жылғы 1 қыркүйектегі жағдай бойынша қандастардың 61,4%-ы еңбекке қабілетті жаста, 30,0%-ы еңбекке қабілетті жастан кіші және 8,5%-ы еңбекке қабілетті жастан үлкен болды.'],
  ])('%s', (re, want) => expect(find(iom, re).text).toBe(nb(want)));

  it('every sentence of every edition kind is free of Latin letters (Roman numerals of quarters excepted)', () => {
    const all = [...iom, ...sentences('bns-release', '2024-Q1'), ...sentences('press-brief', '2025'), ...sentences('press-brief', '2024-01/2024-06')];
    for (const s of all) expect(s.text.replace(/(?<![\p{L}])[IVX]+(?![\p{L}])/gu, ''), s.text).not.toMatch(/[A-Za-z]/);
  });
});

describe('the words check in Kazakh', () => {
  const ok = (s: Sentence, text = s.text, p = '2023-Q4') => verifyText(ds, L, text, s.claims, p);
  const fails = (s: Sentence, text: string, reason: RegExp, p = '2023-Q4') => {
    expect(text).not.toBe(s.text);
    expect(ok(s, s.text, p)).toEqual([]);
    expect(ok(s, text, p).join('\n')).toMatch(reason);
  };
  const change = find(iom, /^Алдыңғы тоқсанмен .* келгендер саны 24/);
  const members = find(iom, /ТМД елдерінен келгендер арасында Өзбекстанның/);
  const movers = find(iom, /^Тізімдегі елдер арасында .*Қазақстаннан/);
  const share = find(iom, /Қырғызстанның үлесі 2022/);
  const money = find(iom, /677,3/);

  it('passes the sentences as written', () => {
    for (const s of [change, members, movers, share, money]) expect(ok(s, s.text, s === change || s === members ? '2023-Q4' : '2023-Q1/2023-Q3')).toEqual([]);
  });
  it('fails a reversed direction word (азайды → артты)', () => fails(change, change.text.replace('азайды', 'артты'), /“артты”.*states up/));
  it('fails a direction word of another inflection (азайды → өсті)', () => fails(change, change.text.replace('азайды', 'өсті'), /“өсті”.*states up/));
  it('fails "most" reversed in movers', () => fails(movers, movers.text.replace('ең көп азайды', 'ең көп артты'), /states up|against the claim/, '2023-Q1/2023-Q3'));
  it('fails a figure next to the wrong country', () =>
    fails(members, members.text.replace('Өзбекстанның үлесі 42,8%', 'Қырғызстанның үлесі 42,8%').replace('Қырғызстанның үлесі 23,7%', 'Өзбекстанның үлесі 23,7%'), /the words name/));
  it('fails a wrong period', () => fails(change, change.text.replace('2023 жылғы III тоқсан', '2023 жылғы II тоқсан'), /baseline|period/));
  it('fails a baseline said as the report period', () => fails(share, share.text.replace('2022 жылғы қаңтар–қыркүйектегі', '2023 жылғы қаңтар–қыркүйекте'), /period|baseline/, '2023-Q1/2023-Q3'));
  it('fails a suffix that does not fit its number (24,0%-ге)', () => fails(change, change.text.replace('24,0%-ға', '24,0%-ге'), /suffix -ге does not fit 24,0%/));
  it('fails a suffix after the bracket of marks', () => fails(change, change.text.replace('24,0%-ға (есептік)', '24,0% (есептік)ға'), /suffix after a bracket/));
  it('fails a figure that lost its mark', () => fails(change, change.text.replace('24,0%-ға (есептік)', '24,0%-ға'), /lacks its mark/));
  it('fails a wrong unit (per cent as money)', () => fails(money, money.text.replace('(19,8%)', `(19,8${NB}млн АҚШ доллары)`), /written as money/, '2023-Q1/2023-Q3'));
  it('fails English in a Kazakh sentence', () => fails(change, change.text.replace('салыстырғанда', 'салыстырғанда (derived)'), /Latin letters/));
  it('reads a number before its suffix and its sign', () =>
    expect(L.readNumbers(`3${NB}405${NB}102-ден (−40,4%) және 25,9%-ға, +8,5%`).map((n) => [n.digits, n.sign])).toEqual([
      [`3${NB}405${NB}102`, 0],
      ['40,4', -1],
      ['25,9', 0],
      ['8,5', 1],
    ]));
  it('reads ordinal number words', () => {
    expect(L.vocabulary.readNumberWords('екінші жыл қатарынан, он екінші ай, 13-ші жыл').map((w) => w.n)).toEqual([2, 12, 13]);
    expect([ordinalKk(3), ordinalKk(13), ordinalKk(20)]).toEqual(['үшінші', '13-ші', '20-шы']);
  });
});

describe('names in every case the sentences write', () => {
  it('declines every country, group and region of the reference (nominative, five cases, instrumental, locative adjective)', () => {
    const codes = [...ds.reference.countries.keys(), ...ds.reference.regions.keys()];
    for (const code of codes) {
      const names = L.vocabulary.placeNames(code);
      expect(names.length, code).toBeGreaterThanOrEqual(7);
      for (const n of names) expect(n, code).not.toMatch(/[A-Za-z]/);
    }
  });
  it('uses the hand-filled ablative and dative of countries.csv', () => {
    for (const c of ds.reference.countries.values()) {
      if (c.names.kk_abl) expect(L.vocabulary.placeNames(c.code)).toContain(c.names.kk_abl);
      if (c.names.kk_dat) expect(L.vocabulary.placeNames(c.code)).toContain(c.names.kk_dat);
    }
  });
  it('gives the forms the sentences use', () => {
    const names = L.vocabulary.placeNames('CIS');
    for (const f of ['ТМД елдері', 'ТМД елдерінен', 'ТМД елдеріне', 'ТМД елдерінің', 'ТМД елдерімен', 'ТМД елдерінің азаматтарына']) expect(names).toContain(f);
  });
});
