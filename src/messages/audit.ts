// User-facing messages of the audit stage: published figures that disagree with the data.
import type { Message } from '../errors.ts';

export type { Message };

const list = (items: string[], max = 4): string => (items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`);

/** What a build prints of the audit: one line; `migreport validate` lists every finding. */
export const auditSummary = (count: number): Message => ({
  code: 'audit/summary',
  message: `${count} published figure${count === 1 ? '' : 's'} ${count === 1 ? 'differs' : 'differ'} from the data or from ${count === 1 ? 'its' : 'their'} parts`,
  hint: 'run "migreport validate" to list them; --strict stops the build on them',
});

export const totalExceedsParts = (what: string, published: string, sum: string, parts: number, from: string[]): Message => ({
  code: 'audit/total-vs-parts',
  message: `published total ${what} is ${published}, but its ${parts} part${parts === 1 ? '' : 's'} present already sum to ${sum} (${list(from)})`,
});

export const closedTotalDiffers = (what: string, published: string, sum: string, parts: number, from: string[]): Message => ({
  code: 'audit/total-vs-parts',
  message: `published total ${what} is ${published}, but all its ${parts} parts sum to ${sum} (${list(from)})`,
});

export const derivedDiffers = (what: string, published: string, computed: string, formula: string, from: string[]): Message => ({
  code: 'audit/derived-differs',
  message: `published ${what} is ${published}, computed from the data it is ${computed} (${formula}; from ${list(from)})`,
});

export const shareOver100 = (what: string, computed: string, formula: string, from: string[]): Message => ({
  code: 'audit/share-over-100',
  message: `${what} computed from the data is ${computed}%, over 100% (${formula}; from ${list(from)})`,
});

export const gapInSeries = (series: string, missing: string[], before: string, after: string): Message => ({
  code: 'audit/gap',
  message: `${series}: no row for ${list(missing, 3)} between ${before} and ${after}`,
});
