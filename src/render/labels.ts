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

const LABELS: Record<string, Labels> = { en };

/** The labels of a language; English until a locale provides its own. */
export function labelsFor(lang: string): Labels {
  return LABELS[lang] ?? en;
}
