// Load benchmark: writes a synthetic data folder of N observations, loads and checks it, reports time and peak memory.
// Run: node --import tsx bench/load.ts [N]   (default 1,000,000)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../src/load/index.ts';
import { audit } from '../src/check/audit.ts';

const REFERENCE = ['indicators.csv', 'countries.csv', 'regions.csv', 'sources.csv'];

const MINIMAL: Record<string, string> = {
  'indicators.csv': 'id,unit,kind,base,name_en,name_ru,name_kk\nborder_arrivals,persons,count,,Arrivals,Въезд,Келу\nborder_departures,persons,count,,Departures,Выезд,Кету\n',
  'countries.csv': 'code,kind,groups,name_en,article_en,name_ru,name_kk\nCIS,group,,CIS,the,СНГ,ТМД\nRUS,country,CIS,Russian Federation,the,Россия,Ресей\nUZB,country,CIS,Uzbekistan,,Узбекистан,Өзбекстан\nKGZ,country,CIS,Kyrgyzstan,,Кыргызстан,Қырғызстан\nCHN,country,,China,,Китай,Қытай\n',
  'regions.csv': 'code,kind,name_en,name_ru,name_kk,former\nKZ-71,city,Astana,Астана,Астана,Nur-Sultan\nKZ-75,city,Almaty,Алматы,Алматы,\n',
  'sources.csv': 'id,publisher,title,year,url,note\nbench,Bench,Synthetic data,2024,https://example.org,\n',
};

/** The first column of a small CSV, skipping the header (reference files have simple ids). */
function column(path: string, name: string, where?: (row: Record<string, string>) => boolean): string[] {
  const [header, ...lines] = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const cols = header.split(',');
  return lines
    .map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])))
    .filter((r) => !where || where(r))
    .map((r) => r[name]);
}

export async function writeSyntheticFolder(dir: string, n: number): Promise<void> {
  mkdirSync(join(dir, 'reference'), { recursive: true });
  mkdirSync(join(dir, 'observations'), { recursive: true });
  const real = resolve(fileURLToPath(import.meta.url), '../../data/reference');
  const useReal = REFERENCE.every((f) => existsSync(join(real, f)));
  for (const f of REFERENCE) {
    if (useReal) copyFileSync(join(real, f), join(dir, 'reference', f));
    else writeFileSync(join(dir, 'reference', f), MINIMAL[f]);
  }
  const ref = (f: string) => join(dir, 'reference', f);
  // Simple ids only: a synthetic row must be valid, so skip anything the naive split cannot read.
  const indicators = column(ref('indicators.csv'), 'id', (r) => r.kind === 'count' && r.unit === 'persons');
  const countries = column(ref('countries.csv'), 'code', (r) => r.kind === 'country');
  const regions = ['', ...column(ref('regions.csv'), 'code')];
  const source = column(ref('sources.csv'), 'id')[0];
  const out = createWriteStream(join(dir, 'observations', 'synthetic.csv'));
  out.write('indicator,period,country,region,breakdown,value,unit,status,source\n');
  let buffer = '';
  let i = 0;
  // Months go first so every series is long and gap-free; the other dimensions vary slowest.
  outer: for (const indicator of indicators)
    for (const country of countries)
      for (const region of regions)
        for (let m = 0; m < 12 * 9000; m++) {
          if (i++ >= n) break outer;
          const y = 1000 + Math.floor(m / 12);
          buffer += `${indicator},${y}-${String((m % 12) + 1).padStart(2, '0')},${country},${region},,${(i * 7919) % 100000},persons,A,${source}\n`;
          if (buffer.length > 1 << 20) {
            if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
            buffer = '';
          }
        }
  out.write(buffer);
  await new Promise<void>((r) => out.end(() => r()));
}

/**
 * `ms` is wall time; `cpuMs` the CPU time of the process (all its threads, GC included), which a
 * machine shared with other work disturbs less, so two versions compare better by it.
 */
export async function benchLoad(n: number): Promise<{ observations: number; ms: number; cpuMs: number; peakRssMiB: number }> {
  const dir = mkdtempSync(join(process.env.MIGREPORT_BENCH_WORK || tmpdir(), 'migreport-bench-')); // see projectCopy in bench/child.ts
  try {
    await writeSyntheticFolder(join(dir, 'data'), n);
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    const cpu = process.cpuUsage();
    const dataset = await loadProject(join(dir, 'data'), { root: dir });
    audit(dataset);
    const ms = Math.round(performance.now() - start);
    const used = process.cpuUsage(cpu);
    const cpuMs = Math.round((used.user + used.system) / 1000);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { observations: dataset.observations.length, ms, cpuMs, peakRssMiB: Math.round(peak / 2 ** 20) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1_000_000);
  console.log(JSON.stringify(await benchLoad(n)));
}
