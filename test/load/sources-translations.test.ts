// How a Russian or Kazakh report cites each source of the sample (data/reference/sources.csv, publisher_<lang>/title_<lang>).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../src/model.ts';
import { loadAndAudit, projectPaths } from '../../src/pipeline.ts';

let sources: Source[];
beforeAll(async () => {
  const { dataset } = await loadAndAudit(projectPaths(process.cwd()));
  sources = [...dataset.reference.sources.values()];
});

const digits = (text: string) => (text.match(/\d+/g) ?? []).sort();
/** The title without a trailing note of ours in brackets, e.g. "(as of 1 August 2023)". */
const ownTitle = (title: string) => title.replace(/\s*\([^()]*\)$/, '');

describe.each(['ru', 'kk'])('sources.csv in %s', (lang) => {
  it('names the publisher and the title of every source', () => {
    expect(sources.length).toBeGreaterThan(30);
    for (const s of sources) {
      expect(s.translations?.[lang]?.publisher, `${s.id}: publisher_${lang}`).toBeTruthy();
      expect(s.translations?.[lang]?.title, `${s.id}: title_${lang}`).toBeTruthy();
    }
  });

  it('gives the publisher in the language, not the English name', () => {
    for (const s of sources) {
      const publisher = s.translations![lang].publisher!;
      expect(publisher, s.id).not.toBe(s.publisher);
      expect(publisher, s.id).toMatch(/[А-Яа-яЁё]/);
      // A Kazakh name has a letter Russian lacks (Ұлттық, Халықаралық, …): not a Russian name copied over.
      if (lang === 'kk') expect(publisher, s.id).toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
    }
  });

  it('gives the note wherever the English has one', () => {
    for (const s of sources) {
      const note = s.translations![lang].note;
      if (s.note) expect(note, `${s.id}: note_${lang}`).toBeTruthy();
      else expect(note, `${s.id}: note_${lang} without an English note`).toBeUndefined();
    }
  });

  it('writes no English word in a publisher or a note: Latin letters only in web addresses and the names of sites and media', () => {
    const names = new Set(
      ('Astana BAQ.KZ Bizmedia Caravan.kz El.kz Eurasia I III IV LS NUR.KZ NewTimes.kz News Ranking.kz ReliefWeb Silk Sputnik The Times Way ' +
        'Window on Zakon.kz aktobetimes.kz bestnewskz.com centralasianlight.org internationalinvestment.biz kazakbol.com kazlenta.kz ' +
        'mgorod.kz novoetv.kz oqu.news ritmeurasia.ru the-tenge.kz').split(' '),
    );
    for (const s of sources) {
      const t = s.translations![lang];
      for (const text of [t.publisher ?? '', t.note ?? '']) {
        const words = text.replace(/https?:\/\/\S+/g, '').match(/[A-Za-z][A-Za-z0-9.-]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
        for (const w of words) expect(names.has(w), `${s.id}: "${w}" in ${text}`).toBe(true);
      }
    }
  });

  it('gives a title either in the language or as the work was published, and keeps its figures', () => {
    for (const s of sources) {
      const title = s.translations![lang].title!;
      // An English-only work keeps its English title (a citation names a work by its own title); otherwise no
      // English (the Roman numeral of a quarter aside).
      if (/[A-Za-z]{2,}/.test(title.replace(/\b[IVX]+\b/g, ''))) expect(title, s.id).toContain(ownTitle(s.title));
      expect(digits(title), s.id).toEqual(digits(s.title));
    }
  });
});
