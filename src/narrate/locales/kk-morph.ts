// Kazakh case suffixes for the Kazakh edition (issue 12, point 3): vowel harmony + the final sound of the
// last word, after apertium-kaz's twol rules ({A} {I} {G} {D} archiphonemes) and the practical table in
// /work/shared/docs/research-languages-specs-batch.md §2.2. Pure functions, no dependencies.
// The rules in prose, their sources and why each exception is there: docs/languages.md (Kazakh).

export type KkCase = 'abl' | 'dat' | 'loc' | 'gen' | 'acc';
export type Harmony = 'back' | 'front';
/** The sound a suffix follows: a vowel, a voiced consonant or sonorant (incl. й, у, р, л, ж, з), a nasal
 *  (м, н, ң), a voiceless consonant, or the 3rd-person possessive -ы/-і/-сы/-сі ("px3", облысы). */
export type Final = 'vowel' | 'voiced' | 'nasal' | 'voiceless' | 'px3';
export interface WordClass {
  harmony: Harmony;
  final: Final;
}

// [back, front] per case and final sound (research §2.2's table; standard Kazakh grammar).
const TABLE: Record<KkCase, Record<Final, [string, string]>> = {
  loc: { vowel: ['да', 'де'], voiced: ['да', 'де'], nasal: ['да', 'де'], voiceless: ['та', 'те'], px3: ['нда', 'нде'] },
  abl: { vowel: ['дан', 'ден'], voiced: ['дан', 'ден'], nasal: ['нан', 'нен'], voiceless: ['тан', 'тен'], px3: ['нан', 'нен'] },
  dat: { vowel: ['ға', 'ге'], voiced: ['ға', 'ге'], nasal: ['ға', 'ге'], voiceless: ['қа', 'ке'], px3: ['на', 'не'] },
  acc: { vowel: ['ны', 'ні'], voiced: ['ды', 'ді'], nasal: ['ды', 'ді'], voiceless: ['ты', 'ті'], px3: ['н', 'н'] },
  gen: { vowel: ['ның', 'нің'], voiced: ['дың', 'дің'], nasal: ['ның', 'нің'], voiceless: ['тың', 'тің'], px3: ['ның', 'нің'] },
};

const BACK = new Set([...'аоұыяё']);
const FRONT = new Set([...'әеіөүэ']);
const AMBIGUOUS = new Set([...'иую']); // и, у, ю: look further left (research §2.2)
const VOWEL_LETTERS = new Set([...'аоұыяёәеіөүэиюу']);
const NASAL = new Set([...'мнң']);
// Voiceless, plus б в г д: at the end of a (loan)word they are devoiced (клубқа, заводтан, Бағдадқа).
const VOICELESS = new Set([...'кқпстфхһцчшщбвгд']);

/** Words the rules get wrong, keyed by the lower-cased last word. Each entry says why in docs/languages.md (Kazakh). */
export const EXCEPTIONS: Record<string, Partial<WordClass>> = {
  // Russian surname-based name in -ев, said with back vowels in Kazakh: Қонаевқа, Қонаевтан (research §2.2).
  қонаев: { harmony: 'back', final: 'voiceless' },
  // -су is сұу (back): суға, Жетісуға, not суге (apertium-kaz twol FIXME "суға still surfacing as суге").
  су: { harmony: 'back', final: 'voiced' },
  жетісу: { harmony: 'back', final: 'voiced' },
  // Names ending in -ы that are not possessive: Алматыдан, Қарағандыдан (also as the last word of a phrase).
  алматы: { final: 'vowel' },
  қарағанды: { final: 'vowel' },
};

/** Acronyms (written in capitals, suffix after a hyphen): ТМД-дан (countries.csv's own "ТМД-дан тыс елдер"), АҚШ-қа. */
export const ACRONYMS: Record<string, WordClass> = {
  ТМД: { harmony: 'back', final: 'vowel' },
  АҚШ: { harmony: 'back', final: 'voiceless' },
};

// Single words that are 3rd-person possessive forms even when they stand alone (in a phrase of two or more
// words a last word in -ы/-і is taken as possessive anyway: Абай облысы, ТМД елдері, Ресей Федерациясы).
const PX3_WORDS = new Set(['облысы', 'қаласы', 'ауданы', 'ауылы', 'республикасы', 'федерациясы', 'елдері', 'корольдігі']);

function harmonyOf(word: string): Harmony {
  const w = word.toLowerCase();
  if (w.endsWith('ь')) return 'front'; // Беларусьтен, Израильге
  for (let i = w.length - 1; i >= 0; i--) {
    const c = w[i];
    if (BACK.has(c)) return 'back';
    if (FRONT.has(c)) return 'front';
  }
  // Only и/у/ю (Кипр): loanword и is front.
  return 'front';
}

function finalOf(word: string): Exclude<Final, 'px3'> {
  const w = word.toLowerCase().replace(/[ьъ]+$/u, '');
  const c = w[w.length - 1];
  if (c === 'у' || c === 'й') return 'voiced'; // у/й are consonantal here: Атырауда, Атырауға, судың
  if (c === 'и') return 'vowel';
  if (VOWEL_LETTERS.has(c)) return 'vowel';
  if (NASAL.has(c)) return 'nasal';
  if (VOICELESS.has(c)) return 'voiceless';
  return 'voiced';
}

const isAcronym = (w: string) => w.length >= 2 && /^[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]+$/u.test(w);

/** How the last word of a noun phrase takes suffixes. */
export function classify(phrase: string): WordClass & { hyphen: boolean } {
  const words = phrase.trim().split(/\s+/u);
  const last = words[words.length - 1];
  if (isAcronym(last)) {
    const known = ACRONYMS[last];
    if (known) return { ...known, hyphen: true };
    const c = last[last.length - 1].toLowerCase();
    // A vowel letter is said as itself; a consonant letter is named with -ы (ТМД "тымыды"), so back + vowel.
    if (VOWEL_LETTERS.has(c)) return { harmony: harmonyOf(last), final: finalOf(last), hyphen: true };
    return { harmony: 'back', final: 'vowel', hyphen: true };
  }
  const key = last.toLowerCase();
  const exc = EXCEPTIONS[key] ?? {};
  const px3 =
    exc.final === undefined &&
    /[ыі]$/u.test(key) &&
    (PX3_WORDS.has(key) || words.length >= 2);
  return {
    harmony: exc.harmony ?? harmonyOf(last),
    final: exc.final ?? (px3 ? 'px3' : finalOf(last)),
    hyphen: false,
  };
}

/** The suffix alone for a word class. */
export function suffixFor(cls: WordClass, kase: KkCase): string {
  return TABLE[kase][cls.final][cls.harmony === 'back' ? 0 : 1];
}

/** Decline a noun phrase: the suffix goes on its last word. */
export function inflect(phrase: string, kase: KkCase): string {
  const text = phrase.trim();
  if (!text) throw new Error('kk-morph: empty noun phrase');
  if (/[\d%]$/u.test(text)) return numberSuffix(text, kase);
  const cls = classify(text);
  return text + (cls.hyphen ? '-' : '') + suffixFor(cls, kase);
}

export const ablative = (w: string) => inflect(w, 'abl');
export const dative = (w: string) => inflect(w, 'dat');
export const locative = (w: string) => inflect(w, 'loc');
export const genitive = (w: string) => inflect(w, 'gen');
export const accusative = (w: string) => inflect(w, 'acc');

const UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];
const GROUPS = ['', 'мың', 'миллион', 'миллиард', 'триллион'];

/** The last numeral word said when reading a non-negative integer written in digits (3405102 → "екі"). */
export function lastNumeral(digits: string): string {
  const d = digits.replace(/^0+(?=\d)/u, '');
  if (/^0*$/u.test(d)) return 'нөл';
  let group = 0;
  let rest = d;
  // Drop whole zero groups of three digits: 2000 → мың, 3000000 → миллион.
  while (rest.length > 3 && rest.endsWith('000')) {
    rest = rest.slice(0, -3);
    group++;
  }
  if (group > 0) return GROUPS[Math.min(group, GROUPS.length - 1)];
  const n = Number(rest.slice(-3));
  if (n % 10) return UNITS[n % 10];
  if (Math.floor(n / 10) % 10) return TENS[Math.floor(n / 10) % 10];
  return 'жүз'; // n % 100 === 0 and n !== 0 (a zero last group was dropped above)
}

/** The word whose sound the suffix follows for a number as written: "%" is read пайыз (BNS usage: 20,7%-ға);
 *  a decimal ends on its fraction read as a whole number (20,7 → "жиырма бүтін оннан жеті"). */
export function spokenEnd(text: string): string {
  const t = text.replace(/[\s\u00a0\u202f]+/gu, '');
  if (t.endsWith('%')) return 'пайыз';
  const m = /(\d+)(?:[.,](\d+))?$/u.exec(t);
  if (!m) throw new Error(`kk-morph: not a number: ${JSON.stringify(text)}`);
  return lastNumeral(m[2] !== undefined ? m[2] : m[1]);
}

/** A formatted number or percentage with its case suffix after a hyphen: «20,7%-ға», «3 405 102-ден». */
export function numberSuffix(text: string, kase: KkCase): string {
  const word = spokenEnd(text);
  const cls = EXCEPTIONS[word] ?? {};
  const full: WordClass = { harmony: cls.harmony ?? harmonyOf(word), final: cls.final ?? finalOf(word) };
  return `${text.trimEnd()}-${suffixFor(full, kase)}`;
}

/** "a, b және c" (Intl.ListFormat('kk') gives "a, b, c" for three or more items: research §1.3). */
export function listKk(items: readonly string[]): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} және ${items[items.length - 1]}`;
}

// Instrumental (-мен/-бен/-пен) and the locative made an adjective (-дағы/-дегі, -тағы/-тегі, -ндағы/-ндегі), which
// the Kazakh edition needs for baselines ("2023 жылғы III тоқсанмен салыстырғанда") and for a figure of a period
// ("2022 жылғы қаңтар–қыркүйектегі 41,5%-дан"). The instrumental has no vowel harmony: -мен after a vowel, a
// sonorant (л р й у) or a nasal (м н ң), -бен after ж з, -пен after a voiceless consonant (and a devoiced б в г д).

/** The instrumental suffix for a word (or a number as said): мен, бен or пен. */
function insSuffix(word: string, cls: WordClass): string {
  if (cls.final === 'vowel' || cls.final === 'px3' || cls.final === 'nasal') return 'мен';
  if (cls.final === 'voiceless') return 'пен';
  const c = word.toLowerCase().replace(/[ьъ]+$/u, '').slice(-1);
  return c === 'ж' || c === 'з' ? 'бен' : 'мен';
}

/** A noun phrase (or a number, a percentage) in the instrumental: «тоқсанмен», «наурызбен», «20,7%-бен», «ТМД-мен». */
export function instrumental(phrase: string): string {
  const text = phrase.trim();
  if (!text) throw new Error('kk-morph: empty noun phrase');
  if (/[\d%]$/u.test(text)) {
    const word = spokenEnd(text);
    const exc = EXCEPTIONS[word] ?? {};
    const cls: WordClass = { harmony: exc.harmony ?? harmonyOf(word), final: exc.final ?? finalOf(word) };
    return `${text}-${insSuffix(word, cls)}`;
  }
  const cls = classify(text);
  const words = text.split(/\s+/u);
  const last = words[words.length - 1];
  // An acronym is said by its letter names (ТМД-мен) unless listed by its sound (АҚШ-пен).
  const said = cls.hyphen && !ACRONYMS[last] ? 'ы' : cls.hyphen && ACRONYMS[last].final === 'vowel' ? 'ы' : last;
  return text + (cls.hyphen ? '-' : '') + insSuffix(said, cls);
}

/** The locative made an adjective ("-дағы"): «тоқсандағы», «қыркүйектегі», «облысындағы». */
export function locativeAdjective(phrase: string): string {
  const loc = inflect(phrase, 'loc');
  return loc + (loc.endsWith('е') ? 'гі' : 'ғы');
}
