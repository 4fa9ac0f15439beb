// The benchmark's own arithmetic: summaries, targets, alternation, tables, options, profile ranking. Runs nothing heavy.
import { describe, expect, it } from 'vitest';
import { alternation, markdownTable, measured, parseOptions, shares, skipped, summarise, target, targetRows } from '../../bench/harness.ts';
import { areaOf, summariseProfile } from '../../bench/profile.ts';

describe('summarise', () => {
  it.each([
    [[5], 5, 5],
    [[3, 1, 2], 1, 2],
    [[4, 1, 3, 2], 1, 2], // even count: the lower middle, a value that was measured
    [[10, 10, 1000], 10, 10], // one outlier does not move the median
  ])('%j → min %d, median %d', (runs, min, median) => {
    expect(summarise(runs)).toEqual({ min, median });
  });
  it('refuses an empty list', () => expect(() => summarise([])).toThrow());
});

describe('target', () => {
  it.each([
    ['≤ bound, equal', 1.5, { atMost: 1.5 }, true],
    ['≤ bound, over', 1.51, { atMost: 1.5 }, false],
    ['< bound, equal', 400, { under: 400 }, false],
    ['< bound, under', 399, { under: 400 }, true],
  ] as const)('%s', (_, value, bound, met) => {
    expect(target('t', value, 'ms', bound).met).toBe(met);
  });
  it('a target not measured is not met and says so', () => {
    const t = target('t', undefined, 'ms', { under: 100 });
    expect(t).toMatchObject({ value: null, met: false, target: '< 100' });
    expect(targetRows([t])[0][3]).toBe('not measured');
  });
  it('prints MISSED for a measured miss', () => {
    expect(targetRows([target('t', 120, 'ms', { under: 100 })])[0]).toEqual(['t', '120 ms', '< 100 ms', 'MISSED', '']);
  });
});

describe('alternation', () => {
  it('runs each kind once per round and turns the order each round', () => {
    expect(alternation(['F', 'B', 'H'], 3).join('')).toBe('FBHBHFHFB');
  });
  it('alternates two kinds ABBA-free: AB BA', () => {
    expect(alternation(['A', 'B'], 2).join('')).toBe('ABBA');
  });
});

describe('markdownTable', () => {
  it('writes header, rule and rows, escaping pipes', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});

describe('measurements', () => {
  it('rounds runs to whole ms, keeping a decimal under 100 ms, and summarises them', () => {
    expect(measured('m', 'ms', [104.4, 300.6, 20.54])).toEqual({ name: 'm', unit: 'ms', runs: [104, 301, 20.5], min: 20.5, median: 104 });
  });
  it('a skipped one carries its reason', () => {
    expect(skipped('m', 'no browser')).toEqual({ name: 'm', skipped: 'skipped: no browser' });
  });
  it('shares add up to the whole', () => {
    expect(shares([{ stage: 'a', ms: 30 }, { stage: 'b', ms: 10 }]).map((s) => s.share)).toEqual([75, 25]);
  });
});

describe('parseOptions', () => {
  it('quick mode runs fewer rounds and stops at 100,000', () => {
    expect(parseOptions(['--quick'])).toMatchObject({ quick: true, rounds: 3, scale: [10_000, 100_000] });
    expect(parseOptions([])).toMatchObject({ quick: false, scale: [10_000, 100_000, 1_000_000], template: 'iom-quarterly' });
  });
  it('takes a template and refuses unknown options', () => {
    expect(parseOptions(['--template', 'bns-release']).template).toBe('bns-release');
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseOptions(['--template'])).toThrow(/--template/);
  });
});

describe('summariseProfile', () => {
  const root = '/repo';
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
  it('ranks self time by function and by area', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('parse', 'file:///repo/node_modules/vega/build/vega.js') },
        { id: 3, callFrame: frame('loadProject', 'file:///repo/src/load/index.ts') },
      ],
      samples: [2, 2, 3, 2],
      timeDeltas: [0, 1000, 1000, 1000, 1000], // each sample's time is the gap to the next: 1 ms each
    };
    const s = summariseProfile(profile, root);
    expect(s.totalMs).toBe(4);
    expect(s.functions[0]).toEqual({ name: 'parse vega/build/vega.js:10', selfMs: 3, share: 75 });
    expect(s.areas.map((a) => a.name)).toEqual(['vega', 'src/load/']);
  });
  it.each([
    ['file:///repo/node_modules/@fontsource/noto-sans/x.js', '@fontsource/noto-sans'],
    ['node:internal/modules/esm', 'node internals'],
    ['', '(garbage collector)'],
  ])('%s is in %s', (url, area) => {
    expect(areaOf(frame(url ? 'f' : '(garbage collector)', url), root)).toBe(area);
  });
});
