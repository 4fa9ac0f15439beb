// `migreport text`: the generated sentences, section by section, as plain text — or, with --json, every fact.
import { loadProject } from '../load/index.ts';
import { defaultKind } from '../kinds/load.ts';
import { narrate } from '../narrate/index.ts';
import { formatLocation } from '../errors.ts';
import type { ReportModel, Sentence } from '../report-model.ts';
import { describeClaim } from '../claims.ts';
import { labelsFor } from '../render/labels.ts';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** Plain text a press officer can paste into an e-mail. */
export function plainText(model: ReportModel): string {
  const lines: string[] = [];
  // The edition's own words for the two fixed texts, as the HTML has them (English only if the language has no labels).
  const labels = labelsFor(model.lang) ?? labelsFor('en');
  // A period without a narrative is titled as its HTML is (src/pipeline.ts).
  lines.push(model.meta.title || labels.titleDefault);
  lines.push(model.meta.periodLabel, '');
  if (model.findings.length) {
    lines.push(labels.keyFindings, '');
    for (const f of model.findings) lines.push(`- ${f.text}`);
    lines.push('');
  }
  // Sections that share a number are its parts: "6. Personal remittances", then 6.1 and 6.2 (as the HTML numbers them).
  const parts = new Map<number, number>();
  for (const s of model.sections) parts.set(s.number, (parts.get(s.number) ?? 0) + 1);
  const seen = new Map<number, number>();
  for (const s of model.sections) {
    let number = s.number ? `${s.number}.` : '';
    if (s.number && (parts.get(s.number) ?? 0) > 1) {
      const k = (seen.get(s.number) ?? 0) + 1;
      seen.set(s.number, k);
      if (k === 1 && s.group) lines.push(`${s.number}. ${s.group}`, '');
      number = `${s.number}.${k}`;
    }
    lines.push(`${number ? number + ' ' : ''}${s.title}${s.dataPeriodLabel ? ` (${s.dataPeriodLabel})` : ''}`, '');
    for (const p of s.paragraphs) {
      if (!p.length) continue;
      lines.push(p.map((x) => x.text).join(' '), '');
    }
    for (const n of s.notes) lines.push(`${labels.note}: ${n.text}`);
    if (s.notes.length) lines.push('');
  }
  return lines.join('\n').trimEnd();
}

export async function text(opts: Record<string, string | boolean | undefined>, io: Io): Promise<number> {
  const dataDir = typeof opts.data === 'string' ? opts.data : 'data';
  const dataset = await loadProject(dataDir);
  const { computed, model, verified } = narrate(dataset, {
    period: typeof opts.period === 'string' ? opts.period : undefined,
    template: typeof opts.template === 'string' ? opts.template : defaultKind(),
    lang: typeof opts.lang === 'string' ? opts.lang : 'en',
  });
  if (!opts.json) {
    io.out(plainText(model));
    return 0;
  }
  // Sentence ids: f<n> for key findings, <section>.<paragraph>.<sentence> for the rest.
  const usedBy = new Map<string, string[]>();
  const note = (sid: string, ids: string[]) => ids.forEach((id) => usedBy.set(id, [...(usedBy.get(id) ?? []), sid]));
  model.findings.forEach((f, i) => note(`finding.${i + 1}`, f.factIds));
  for (const s of model.sections) s.paragraphs.forEach((p, i) => p.forEach((x, j) => note(`${s.id}.${i + 1}.${j + 1}`, x.factIds)));
  // Each claim with a one-line statement of it beside its fields (src/claims.ts).
  const withClaims = (x: Sentence) => ({ ...x, claims: x.claims.map((c) => ({ states: describeClaim(c), ...c })) });
  const facts = computed.facts.all().map((f) => {
    const { inputs, ...rest } = f;
    return {
      ...rest,
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v && typeof v === 'object' && 'code' in (v as object) && 'key' in (v as object)).map(([k, v]) => [k, (v as { code: string }).code])),
      provenance: inputs.map((i) => ({ ...i, at: formatLocation(i.at) })),
      sentences: usedBy.get(f.id) ?? [],
    };
  });
  io.out(
    JSON.stringify(
      {
        template: model.template,
        period: model.period,
        lang: model.lang,
        sections: computed.sections.map((s) => ({ id: s.id, period: s.period?.code ?? null, baseline: s.baseline?.code ?? null })),
        facts,
        sentences: [
          ...model.findings.map((f, i) => ({ id: `finding.${i + 1}`, ...withClaims(f) })),
          ...model.sections.flatMap((s) => s.paragraphs.flatMap((p, i) => p.map((x, j) => ({ id: `${s.id}.${i + 1}.${j + 1}`, ...withClaims(x) })))),
          ...model.sections.flatMap((s) => s.notes.map((x, i) => ({ id: `${s.id}.note.${i + 1}`, ...withClaims(x) }))),
        ],
        // Tables (standalone and each chart's): every row's cells with the claims its figures state.
        tables: model.sections.flatMap((s) =>
          [...s.tables, ...s.charts.map((c) => c.table)].map((t) => ({
            id: t.id,
            section: s.id,
            caption: t.caption,
            rows: t.rows.map((r) => ({ cells: r.cells, claims: (r.claims ?? []).map((c) => ({ states: describeClaim(c), ...c })) })),
            notes: t.notes.map((n, i) => ({ text: n, claims: (t.noteClaims?.[i] ?? []).map((c) => ({ states: describeClaim(c), ...c })) })),
          })),
        ),
        verified: { claims: verified.claims, failures: verified.failures.length },
      },
      null,
      2,
    ),
  );
  return 0;
}
