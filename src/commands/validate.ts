// `migreport validate`: load and check the data, print what was loaded and the audit findings.
import { UserError, UserErrors, formatError } from '../errors.ts';
import { audit } from '../check/audit.ts';
import { loadProject } from '../load/index.ts';
import { readAllTranslations } from '../load/narrative.ts';
import { comparePeriods, type Period } from '../period.ts';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function validate(opts: Record<string, string | boolean | undefined>, io: Io): Promise<number> {
  const dataDir = typeof opts.data === 'string' ? opts.data : 'data';
  const strict = opts.strict === true;
  const dataset = await loadProject(dataDir);
  // The narrative's translations are read by the editions that need them; validate reads them all.
  const errors: UserError[] = [];
  for (const n of dataset.narratives.values()) {
    try {
      readAllTranslations(n);
    } catch (e) {
      errors.push(...(e instanceof UserErrors ? e.errors : [e as UserError]));
    }
  }
  if (errors.length) throw new UserErrors(errors);

  const indicators = new Set<string>();
  const periods = new Map<string, Period>();
  for (const o of dataset.observations) {
    indicators.add(o.indicator);
    if (!periods.has(o.period.code)) periods.set(o.period.code, o.period);
  }
  const sorted = [...periods.values()].sort(comparePeriods);
  const span = sorted.length ? ` (${sorted[0].code} … ${sorted[sorted.length - 1].code})` : '';
  io.out(`loaded ${plural(dataset.files.length, 'file')}: ${plural(dataset.observations.length, 'observation')} of ${plural(indicators.size, 'indicator')}, ${plural(periods.size, 'period')}${span}`);

  const findings = audit(dataset);
  if (strict && findings.length > 0) {
    throw new UserErrors(findings.map((f) => new UserError({ code: f.code, message: f.message }, f.at)));
  }
  for (const f of findings) io.err(formatError(new UserError({ code: f.code, message: f.message }, f.at), 'warning'));
  io.out(findings.length === 0 ? 'audit: no findings' : `audit: ${plural(findings.length, 'finding')} (warnings; --strict makes them errors)`);
  return 0;
}
