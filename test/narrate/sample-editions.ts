// Test helper: every edition the sample can be built for (each report kind at each of its periods), narrated in one
// language, for the rules that must hold on all of them (test/narrate/stale-note, section-period, opening-period).
import { kindPeriods } from '../../src/compare/index.ts';
import { kindNames, loadKind } from '../../src/kinds/load.ts';
import { narrate, type NarratedReport } from '../../src/narrate/index.ts';
import { sampleDataset } from '../compare/sample.ts';

export interface SampleEdition extends NarratedReport {
  kind: string;
  period: string;
}

export async function sampleEditions(lang = 'en'): Promise<SampleEdition[]> {
  const ds = await sampleDataset();
  return kindNames().flatMap((kind) =>
    kindPeriods(ds, loadKind(kind, { reference: ds.reference }).spec).map((p) => ({ kind, period: p.code, ...narrate(ds, { template: kind, period: p.code, lang }) })),
  );
}
