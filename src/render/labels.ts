// The fixed words of the report templates, per language (headings, captions, defaults).
// Sentences with figures come from src/narrate/locales; these are the words around them.

export interface Labels {
  contents: string;
  keyFindings: string;
  about: string;
  objectives: string;
  policy: string;
  noPolicy: string;
  analystNote: string;
  dataPeriod: string;
  source: string;
  chartData: string;
  footnotes: string;
  /** The list at the end of a report naming each source once. */
  sources: string;
  publisher: string;
  partners: string;
  published: string;
  nextPublication: string;
  glossary: string;
  methodology: string;
  pageLabel: string;
  /** After the caption of a table that goes on from the previous page. */
  continued: string;
  /** The aria-label of a footnote reference in the text; keeps {n}, the note's number. */
  noteRef: string;
  /** The aria-label of the link from a footnote back to where it is cited. */
  backToText: string;
  /** The HTML keywords before the period label (comma-separated words). */
  keywords: string;
  /** The report's title when its narrative (report.yaml) gives none: every edition has a heading and a named cover. */
  titleDefault: string;
  /** What starts a section's note in plain text (`migreport text`): "Note: …". */
  note: string;
  aboutDefault: string;
  objectivesDefault: string;
  disclaimerDefault: string;
}

const en: Labels = {
  contents: 'Contents',
  keyFindings: 'Key findings',
  about: 'About the tracking system',
  objectives: 'Objectives',
  policy: 'Developments in migration policy',
  noPolicy: 'No policy developments were recorded for this period.',
  analystNote: 'Analyst’s note',
  dataPeriod: 'Latest data:',
  source: 'Source:',
  chartData: 'Figures shown in the chart',
  footnotes: 'Notes and sources',
  sources: 'Sources',
  publisher: 'Publisher',
  partners: 'Data partners',
  published: 'Published',
  nextPublication: 'Next publication',
  glossary: 'Glossary',
  methodology: 'Methodology',
  pageLabel: 'Page {page} of {pages}',
  continued: '(continued)',
  noteRef: 'note {n}',
  backToText: 'back to text',
  keywords: 'migration, Kazakhstan',
  titleDefault: 'Migration in Kazakhstan',
  note: 'Note',
  aboutDefault:
    'This brief brings together the latest official figures on migration to and from Kazakhstan, ' +
    'compares them with earlier periods and shows where they come from.',
  objectivesDefault:
    'The figures are compiled from published statistics and from data that government agencies provide ' +
    'on request. Sources report with different delays, so each section says which period its latest data cover.',
  disclaimerDefault:
    'The figures are those of the sources cited. The designations used do not imply any opinion on the legal ' +
    'status of any country, territory, city or area, or of its authorities, or on its frontiers or boundaries.',
};

// Russian: the wording of the bureau's Russian releases where it has one («Дата публикации»,
// «Методологические пояснения»); «е» for «ё», as the bureau writes.
const ru: Labels = {
  contents: 'Содержание',
  keyFindings: 'Основные выводы',
  about: 'О системе мониторинга',
  objectives: 'Цели',
  policy: 'Изменения в миграционной политике',
  noPolicy: 'За этот период изменений в миграционной политике не отмечено.',
  analystNote: 'Комментарий аналитика',
  dataPeriod: 'Последние данные:',
  source: 'Источник:',
  chartData: 'Значения, показанные на диаграмме',
  footnotes: 'Примечания и источники',
  sources: 'Источники',
  publisher: 'Издатель',
  partners: 'Данные предоставили',
  published: 'Дата публикации',
  nextPublication: 'Дата следующей публикации',
  glossary: 'Глоссарий',
  methodology: 'Методологические пояснения',
  pageLabel: 'Страница {page} из {pages}',
  continued: '(продолжение)',
  noteRef: 'примечание {n}',
  backToText: 'вернуться к тексту',
  keywords: 'миграция, Казахстан',
  titleDefault: 'Миграция в Казахстане',
  note: 'Примечание',
  aboutDefault:
    'В этом обзоре собраны последние официальные данные о миграции в Казахстан и из Казахстана. ' +
    'Они сопоставлены с данными предыдущих периодов, и для каждой цифры указан ее источник.',
  objectivesDefault:
    'Обзор составлен по опубликованной статистике и по сведениям, которые государственные органы ' +
    'предоставили по запросу. Источники публикуют данные в разные сроки, поэтому в каждом разделе ' +
    'указано, за какой период в нем приведены последние данные.',
  disclaimerDefault:
    'Приводятся данные указанных источников. Используемые наименования не выражают какого-либо мнения ' +
    'о правовом статусе той или иной страны, территории, города или района, их властей, а также об их ' +
    'границах.',
};

// Kazakh: the wording of the bureau's Kazakh releases where it has one («Жариялау күні»,
// «Әдіснамалық түсініктемелер»).
const kk: Labels = {
  contents: 'Мазмұны',
  keyFindings: 'Негізгі қорытындылар',
  about: 'Мониторинг жүйесі туралы',
  objectives: 'Мақсаттар',
  policy: 'Көші-қон саясатындағы өзгерістер',
  noPolicy: 'Осы кезеңде көші-қон саясатында өзгерістер тіркелген жоқ.',
  analystNote: 'Сарапшының түсініктемесі',
  dataPeriod: 'Соңғы деректер:',
  source: 'Дереккөз:',
  chartData: 'Диаграммада көрсетілген мәндер',
  footnotes: 'Ескертпелер мен дереккөздер',
  sources: 'Дереккөздер',
  publisher: 'Баспагер',
  partners: 'Деректерді ұсынғандар',
  published: 'Жариялау күні',
  nextPublication: 'Келесі жариялау күні',
  glossary: 'Глоссарий',
  methodology: 'Әдіснамалық түсініктемелер',
  pageLabel: '{pages} беттің {page}-беті',
  continued: '(жалғасы)',
  noteRef: '{n}-ескертпе',
  backToText: 'мәтінге оралу',
  keywords: 'көші-қон, Қазақстан',
  titleDefault: 'Қазақстандағы көші-қон',
  note: 'Ескертпе',
  aboutDefault:
    'Бұл шолуда Қазақстанға және Қазақстаннан көші-қон туралы соңғы ресми деректер жинақталған. ' +
    'Олар алдыңғы кезеңдердің деректерімен салыстырылып, әр көрсеткіштің дереккөзі көрсетілген.',
  objectivesDefault:
    'Шолу жарияланған статистика мен мемлекеттік органдар сұрау бойынша ұсынған мәліметтер негізінде ' +
    'жасалды. Дереккөздер деректерді әр түрлі мерзімде жариялайды, сондықтан әр бөлімде ондағы соңғы ' +
    'деректердің қай кезеңге жататыны көрсетілген.',
  disclaimerDefault:
    'Сілтеме жасалған дереккөздердің деректері келтірілген. Қолданылған атаулар қандай да бір елдің, ' +
    'аумақтың, қаланың немесе ауданның, олардың билік органдарының құқықтық мәртебесі туралы, сондай-ақ ' +
    'олардың шекаралары туралы ешқандай пікір білдірмейді.',
};

const LABELS: Record<string, Labels> = { en, ru, kk };

/** The languages that have labels. */
export const LABEL_LANGUAGES: readonly string[] = Object.keys(LABELS);

/**
 * The labels of a language, or undefined when none are written for it. The caller decides what
 * that means (the render and print stages stop with an error), so a report in a language without
 * labels is never silently captioned in English.
 */
export function labelsFor(lang: 'en'): Labels;
export function labelsFor(lang: string): Labels | undefined;
export function labelsFor(lang: string): Labels | undefined {
  return Object.hasOwn(LABELS, lang) ? LABELS[lang] : undefined;
}
