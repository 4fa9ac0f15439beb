// The press brief on data the sample does not hold: a monthly series of arrivals and departures gives the streak
// of positive monthly net migration ("positive for the 13th month running in December 2025, since December 2024"),
// verified like every other claim; without monthly rows the brief says nothing of months.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/index.ts';
import { narrate } from '../../src/narrate/index.ts';
import { plainText } from '../../src/commands/text.ts';
import { DATA_DIR } from '../compare/sample.ts';

const dir = mkdtempSync(join(tmpdir(), 'migreport-press-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(DATA_DIR, dir, { recursive: true });
// November 2024 negative, then thirteen positive months to December 2025.
const rows = ['indicator,period,country,region,breakdown,value,unit,status,source'];
for (let m = 0; m < 14; m++) {
  const index = 2024 * 12 + 10 + m;
  const code = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  rows.push(`pr_arrivals,${code},_T,,,${m === 0 ? 900 : 2000 + m},persons,A,qazradio-2025`, `pr_departures,${code},_T,,,${m === 0 ? 1000 : 600 + m},persons,A,qazradio-2025`);
}
appendFileSync(join(dir, 'observations', 'monthly.csv'), rows.join('\n') + '\n');

describe('press brief: streak of positive monthly net migration', () => {
  it('states the months running, the month it runs to and the month it began, verified', async () => {
    const ds = await loadProject(dir);
    const { model, verified } = narrate(ds, { template: 'press-brief', period: '2025', lang: 'en' });
    expect(verified.failures).toEqual([]);
    expect(plainText(model)).toContain('Net migration was positive for the 13th month running in December 2025, since December 2024.');
  });
  it('says nothing of months on the sample, which has no monthly rows', async () => {
    const ds = await loadProject(DATA_DIR);
    expect(plainText(narrate(ds, { template: 'press-brief', period: '2025', lang: 'en' }).model)).not.toMatch(/month running/);
  });
});
