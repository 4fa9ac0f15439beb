// Number formats of chart axes and labels per report language, given to each Vega view.
import { UserError } from '../errors.ts';
import { renderMessages } from '../messages/index.ts';

/** d3-format locale definition (the shape vega's `locale.number` takes). */
export interface NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  minus?: string;
}

// Russian and Kazakh group thousands with a space and use a decimal comma (3 405 102; 677,3).
// The space is a no-break space so a number never wraps inside an SVG text or a table cell.
const NBSP = '\u00a0';

export const NUMBER_LOCALES: Readonly<Record<string, NumberLocale>> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '\u2212' },
  ru: { decimal: ',', thousands: NBSP, grouping: [3], currency: ['', `${NBSP}₽`], minus: '\u2212' },
  kk: { decimal: ',', thousands: NBSP, grouping: [3], currency: ['', `${NBSP}₸`], minus: '\u2212' },
};

export function numberLocaleOf(lang: string): NumberLocale {
  const locale = NUMBER_LOCALES[lang];
  if (!locale) throw new UserError(renderMessages.chartLanguageUnsupported(lang, Object.keys(NUMBER_LOCALES)));
  return locale;
}
