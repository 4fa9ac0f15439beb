// Which command lines start Chromium before the program loads: only builds that print a PDF.
import { describe, expect, it } from 'vitest';
import { buildWantsPdf } from '../../src/publish/prestart.ts';

describe('buildWantsPdf', () => {
  it.each([
    [['build'], true],
    [['build', '--period', '2023-Q4'], true],
    [['build', '--format', 'pdf'], true],
    [['build', '--format=html,pdf'], true],
    [['build', '--format', 'HTML, PDF'], true],
    [['build', '--format', 'html'], false],
    [['build', '--format=html'], false],
    [['build', '--help'], false],
    [['text'], false],
    [['preview'], false],
    [['validate', '--format', 'pdf'], false],
    [[], false],
  ])('%j → %s', (args, wanted) => expect(buildWantsPdf(args)).toBe(wanted));
});
