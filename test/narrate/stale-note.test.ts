// P2 (docs/writing.md): a section whose latest figures end six months or more before the report period's end says
// "These are the latest figures available; none were available for later periods." Checked on every edition of the
// sample (each kind at each of its periods): the note stands exactly where every fact of the section is that old. It
// once stood beside a sentence stating later figures (BNS 2024 and 2025, section 2: the ratio of internal migrants
// ends in January–March 2024, the regions' net migration is of the report's year).
import { describe, expect, it } from 'vitest';
import { sampleEditions } from './sample-editions.ts';

const STALE = 'These are the latest figures available; none were available for later periods.';

describe('the note on old figures (P2), on every edition of the sample', () => {
  it('stands exactly where every figure of the section ends six months or more before the report period', async () => {
    let noted = 0;
    let sections = 0;
    for (const { kind, period, model, computed } of await sampleEditions()) {
      for (const section of model.sections) {
        const facts = computed.facts.ofSection(section.id);
        if (!facts.length) continue;
        sections++;
        const newest = Math.max(...facts.map((f) => f.period.end));
        const said = section.notes.some((n) => n.text === STALE);
        if (said) noted++;
        expect(said, `${kind} ${period} ${section.id}: newest figures end ${computed.period.end - newest} months before the report's end`).toBe(
          computed.period.end - newest >= 6,
        );
      }
    }
    // Both cases occur in the sample.
    expect(noted).toBeGreaterThan(0);
    expect(sections - noted).toBeGreaterThan(0);
  });
});
