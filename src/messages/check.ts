// User-facing messages of the check stage: one observation's fields, and rules across rows.
import type { Message } from '../errors.ts';

export type { Message };

const didYouMean = (closest: string | undefined): string | undefined => (closest ? `did you mean "${closest}"?` : undefined);

export const notANumber = (value: string, fixed: string | undefined, why: 'thousands' | 'decimal-comma' | 'ambiguous' | 'other'): Message => {
  const hints = {
    thousands: `write it without thousands separators: ${fixed}`,
    'decimal-comma': `write the decimal with a point: ${fixed}`,
    ambiguous: `write ${fixed} if the comma separates thousands, or ${value.replace(',', '.')} if it is a decimal comma`,
    other: 'write a number with a dot decimal and no separators, e.g. 1334101 or 5.3',
  };
  return { code: 'check/not-a-number', message: `value "${value}" is not a number`, hint: hints[why] };
};

export const negativeValue = (value: string, indicator: string, kind: string): Message => ({
  code: 'check/negative-value',
  message: `value ${value} is negative, but ${indicator} is of kind ${kind}`,
  hint: 'only kinds balance, change_pct and change_abs may be negative',
});

export const shareOver100 = (value: string, indicator: string): Message => ({
  code: 'check/share-over-100',
  message: `value ${value} of ${indicator} is a percentage over 100`,
  hint: 'a share cannot exceed 100%; check the value and its unit',
});

export const missingValue = (): Message => ({
  code: 'check/missing-value',
  message: 'the value is empty but the status is not M',
  hint: 'write the value, or status M if the source gives no figure',
});

export const valueWithM = (value: string): Message => ({
  code: 'check/value-with-missing-status',
  message: `status M (missing) with a value, ${value}`,
  hint: 'leave the value empty for status M, or use another status',
});

export const unknownCode = (what: string, code: string, closest: string | undefined, file: string): Message => ({
  code: `check/unknown-${what}`,
  message: code === '' ? `the ${what} is empty` : `unknown ${what} "${code}"`,
  hint: didYouMean(closest) ?? `use one listed in ${file}`,
});

export const badPeriod = (text: string): Message => ({
  code: 'check/bad-period',
  message: `"${text}" is not a period`,
  hint: 'write a year 2023, a quarter 2023-Q4, a month 2024-03, a range 2023-Q1/2023-Q3 or 2024-01/2024-03, or a date 2023-09-01',
});

export const unknownUnit = (unit: string, closest: string | undefined, units: readonly string[]): Message => ({
  code: 'check/unknown-unit',
  message: `unknown unit "${unit}"`,
  hint: didYouMean(closest) ?? `use one of: ${units.join(', ')}`,
});

export const unitMismatch = (unit: string, indicator: string, expected: string, where: string): Message => ({
  code: 'check/unit-mismatch',
  message: `unit ${unit} differs from the unit of ${indicator}, ${expected}`,
  hint: `an indicator has one unit (${where}); write ${expected}, or convert the value`,
});

export const unknownStatus = (status: string, statuses: readonly string[]): Message => ({
  code: 'check/unknown-status',
  message: status === '' ? 'the status is empty' : `unknown status "${status}"`,
  hint: `use one of ${statuses.join(', ')} (A normal, P provisional, E estimated, I derived, M missing)`,
});

export const badBreakdown = (text: string, reason: string): Message => ({
  code: 'check/bad-breakdown',
  message: `breakdown "${text}" ${reason}`,
  hint: 'write key=value pairs joined with ";", e.g. age=working;sex=F',
});

export const missingRelative = (indicator: string, kind: string, key: 'whole' | 'vs'): Message => ({
  code: 'check/missing-relative',
  message: `${indicator} is of kind ${kind}: its breakdown needs ${key}=…`,
  hint: key === 'whole' ? 'name the whole, e.g. whole=CIS or whole=_T' : 'name the period compared with, e.g. vs=2022-Q1/2022-Q3',
});

export const badWhole = (code: string, closest: string | undefined): Message => ({
  code: 'check/bad-whole',
  message: `whole=${code} is not a group code or _T`,
  hint: didYouMean(closest) ?? 'a share is of a group (e.g. CIS) or of the total, _T',
});

export const badVs = (text: string): Message => ({
  code: 'check/bad-vs',
  message: `vs=${text} is not a period`,
  hint: 'write the period compared with, e.g. vs=2023-Q1 or vs=2022-01/2022-03',
});

export const relativeOnBase = (key: string, indicator: string): Message => ({
  code: 'check/relative-on-base',
  message: `breakdown key ${key}= is only for derived indicators, and ${indicator} is not one`,
  hint: 'enter a share, change or ratio under its derived indicator',
});

export const duplicateObservation = (firstAt: string): Message => ({
  code: 'check/duplicate',
  message: 'duplicate observation: same indicator, period, country, region and breakdown',
  hint: `the first is at ${firstAt}`,
});

export const numberTooLarge = (value: string): Message => ({
  code: 'check/number-too-large',
  message: `value ${value.length > 40 ? `${value.slice(0, 20)}…${value.slice(-8)} (${value.length} characters)` : value} is too large to be held exactly`,
  hint: `a figure may have at most 16 digits before the point (up to ${Number.MAX_SAFE_INTEGER}); check for digits typed twice, or give the value in a larger unit`,
});

export const yearTooEarly = (text: string): Message => ({
  code: 'check/bad-period',
  message: `"${text}" is not a period: its year is before 1000`,
  hint: 'check the year for a typo, e.g. 2023-Q4',
});
