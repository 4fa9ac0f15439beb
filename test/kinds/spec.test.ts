// Report-kind specs are checked when read: schema, then every name they use, each problem located at
// report.yaml:line:column with a "did you mean" — never a silent drop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, UserError, UserErrors } from '../../src/errors.ts';
import { checkKinds, kindNames, parseKind, TEMPLATES_DIR } from '../../src/kinds/load.ts';
import { reportJsonSchema } from '../../src/kinds/json-schema.ts';
import { LOCALES, localeKeysAll } from '../../src/narrate/index.ts';
import { sampleDataset } from '../compare/sample.ts';

/** Every registered locale lacks a misspelt key: one error names them all. */
const LANGS = `${Object.keys(LOCALES).join(', ')} locales`;

const ds = await sampleDataset();
const ctx = { reference: ds.reference, locales: localeKeysAll(ds) };
const IOM = join(TEMPLATES_DIR, 'iom-quarterly');
const shipped = readFileSync(join(IOM, 'report.yaml'), 'utf8');

/** The errors of a spec text, one formatted line each. */
function errorsOf(text: string): string[] {
  try {
    parseKind(text, 'report.yaml', IOM, ctx);
    return [];
  } catch (e) {
    if (e instanceof UserErrors) return e.errors.map((x) => formatError(x));
    if (e instanceof UserError) return [formatError(e)];
    throw e;
  }
}

/** The shipped IOM spec with one text replaced (the replacement must exist). */
function broken(from: string, to: string): string {
  expect(shipped).toContain(from);
  return shipped.replace(from, to);
}

/** Line and column of the first occurrence of `needle` in `text` (1-based). */
function at(text: string, needle: string, offset = 0): string {
  const i = text.indexOf(needle) + offset;
  const before = text.slice(0, i).split('\n');
  return `report.yaml:${before.length}:${before[before.length - 1].length + 1}`;
}

describe('report kind specs', () => {
  it('the shipped kinds are valid against the sample reference and every locale', () => {
    expect(kindNames()).toEqual(expect.arrayContaining(['bns-release', 'iom-quarterly']));
    expect(checkKinds(ctx).map((e) => formatError(e))).toEqual([]);
  });

  it('templates/report.schema.json is the schema the loader checks with (npm run schema writes it)', () => {
    expect(readFileSync(join(TEMPLATES_DIR, 'report.schema.json'), 'utf8')).toBe(reportJsonSchema());
  });

  it.each([
    ['an unknown sentence block', '- members: { measure: arrivals, of: [groups] }', '- memebers: { measure: arrivals, of: [groups] }', 'memebers', /unknown sentence block "memebers" \(hint: did you mean "members"\?\) \[kinds\/unknown-block\]/],
    ['an unknown indicator', 'indicator: border_departures', 'indicator: border_departure', 'border_departure', /unknown indicator "border_departure" \(hint: did you mean "border_departures"\?\)/],
    ['an unknown measure', 'movers: { measure: arrivals', 'movers: { measure: arival', 'arival', /section "flows" has no measure "arival" \(hint: did you mean "arrivals"\?\)/],
    ['an unknown fact reference', 'finding: cis.balance', 'finding: cys.balance', 'cys.balance', /section "prp" makes no fact "prp\.cys\.balance" \(hint: did you mean "cis"\?\)/],
    ['an unknown chart file', 'balance_bar: { id: prp-balance,', 'balance_bar: { id: prp-balance, spec: balanse-bar,', 'balanse-bar', /no chart file .*charts\/balanse-bar\.vl\.json \(hint: did you mean "balance-bar"\?\)/],
    ['an unknown locale phrase', 'phrase: flowTotals', 'phrase: flowTotal', 'flowTotal', new RegExp(`the ${LANGS} have no phrase "flowTotal" \\(hint: did you mean "flowTotals"\\?\\)`)],
    ['an unknown locale word', 'share: shareOfTotal', 'share: shareOfTotl', 'shareOfTotl', new RegExp(`the ${LANGS} have no word "shareOfTotl" \\(hint: did you mean "shareOfTotal"\\?\\)`)],
    ['an unknown key', '    baseline: none\n    indicators:', '    baselin: none\n    indicators:', 'baselin: none', /unknown key "baselin" \(hint: did you mean "baseline"\?\)/],
    ['a value out of its list', 'baseline: year_ago', 'baseline: year_agoo', 'year_agoo', /"year_agoo" is not one of previous, year_ago, none \(did you mean "year_ago"\?\)/],
    ['an unknown partner', 'of: [total], min_share: 1', 'of: [totl], min_share: 1', 'totl', /unknown partner "totl" \(hint: did you mean "total"\?\)/],
  ])('%s is an error located where it is written', (_what, from, to, where, message) => {
    const text = broken(from, to);
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0].startsWith(`${at(text, where)}: error: `)).toBe(true);
    expect(errors[0]).toMatch(message);
  });

  it('YAML that does not parse, and a kind named unlike its folder, are located errors', () => {
    expect(errorsOf('kind: [unclosed')[0]).toMatch(/^report\.yaml:1:\d+: error: report\.yaml is not valid YAML/);
    const renamed = broken('kind: iom-quarterly', 'kind: iom-quartely');
    expect(errorsOf(renamed)).toEqual([expect.stringMatching(/^report\.yaml:5:7: error: kind "iom-quartely" must be the folder's name, "iom-quarterly"/)]);
  });

  it('reports every problem of a spec at once', () => {
    const text = broken('indicator: border_departures', 'indicator: border_departure').replace('phrase: flowTotals', 'phrase: flowTotal');
    expect(errorsOf(text)).toHaveLength(2);
  });
});

describe('the cache of checked specs', () => {
  it('is keyed by the schema: SCHEMA_KEY is the hash of templates/report.schema.json (change it when the schema changes)', async () => {
    const { SCHEMA_KEY } = await import('../../src/kinds/schema.ts');
    const { contentKey } = await import('../../src/compile-cache.ts');
    expect(SCHEMA_KEY).toBe(contentKey(reportJsonSchema()));
  });

  it('a cached spec still has its names checked and located', () => {
    const text = broken('indicator: border_departures', 'indicator: border_departure');
    errorsOf(text);
    expect(errorsOf(text)).toEqual([expect.stringMatching(/^report\.yaml:\d+:\d+: error: unknown indicator "border_departure"/)]);
  });
});

describe('docs/report-kinds.md', () => {
  it('its reference is the one generated from the schema (npm run schema writes it)', async () => {
    const { withReference } = await import('../../src/kinds/reference.ts');
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'report-kinds.md'), 'utf8');
    expect(doc).toBe(withReference(doc));
  });
});
