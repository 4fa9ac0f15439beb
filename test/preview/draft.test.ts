import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The real stages are exercised by the pipeline's own tests; here only the preview's reuse rules.
vi.mock('../../src/pipeline.ts', async (importOriginal) => ({
  printSetup: (await importOriginal<typeof import('../../src/pipeline.ts')>()).printSetup,
  loadAndAudit: () => Promise.reject(new Error('the real pipeline is not used here')),
  renderReport: () => Promise.reject(new Error('the real pipeline is not used here')),
  projectPaths: (root: string, data = 'data') => ({ root: path.resolve(root), data: path.resolve(root, data) }),
}));

const { draftRenderer } = await import('../../src/preview/draft.ts');
const { UserError } = await import('../../src/errors.ts');

const paths = { root: '/p', data: '/p/data' };
const request = { template: 'iom-quarterly', lang: 'en' };

function fakeStages(opts: { failLoad?: () => boolean } = {}) {
  const calls: string[] = [];
  return {
    calls,
    stages: {
      loadAndAudit: (async () => {
        calls.push('load');
        if (opts.failLoad?.()) throw new UserError({ code: 'load/x', message: 'bad row' }, { file: 'data/x.csv', line: 3, column: 2 });
        return { dataset: {}, findings: [{ code: 'audit/x', message: 'total differs', at: { file: 'data/x.csv', line: 2, column: 5 } }] };
      }) as never,
      renderReport: (async () => {
        calls.push('render');
        return { model: {}, findings: [{ code: 'audit/x', message: 'total differs', at: { file: 'data/x.csv', line: 2, column: 5 } }], html: '<p>x</p>', printHtml: '<title>A &amp; B</title>' };
      }) as never,
      printPdf: async (_html: string, print: { title: string; headerText: string }) => new TextEncoder().encode(`${print.title}|${print.headerText}`),
    },
  };
}

describe('draftRenderer', () => {
  it.each([
    [[], ['load', 'render']],
    [['/p/data/observations/a.csv'], ['load', 'render']],
    [['/p/templates/iom-quarterly/report.hbs'], ['render']],
    [['/p/styles/report.css', '/p/templates/x.hbs'], ['render']],
    [['/p/styles/a.css', '/p/data/reference/countries.csv'], ['load', 'render']],
  ])('after a first render, a change of %j runs %j', async (changed, expected) => {
    const { calls, stages } = fakeStages();
    const draft = draftRenderer(paths, request, stages);
    await draft.render([]);
    calls.length = 0;
    const outcome = await draft.render(changed);
    expect(calls).toEqual(expected);
    expect(outcome).toEqual({
      ok: true,
      html: '<p>x</p>',
      printHtml: '<title>A &amp; B</title>',
      findings: [{ severity: 'warning', location: 'data/x.csv:2:5', message: 'total differs' }],
      selfCheck: { ok: true, problems: [] },
      print: { css: expect.stringContaining('.page'), headerText: 'A & B', pageLabel: 'Page {page} of {pages}' },
    });
  });

  it('loads again after a failed load, even when the next change is only a template', async () => {
    let fail = true;
    const { calls, stages } = fakeStages({ failLoad: () => fail });
    const draft = draftRenderer(paths, request, stages);
    await expect(draft.render([])).rejects.toMatchObject({ code: 'load/x' });
    fail = false;
    calls.length = 0;
    await draft.render(['/p/templates/a.hbs']);
    expect(calls).toEqual(['load', 'render']);
  });

  it('prints the last good render with its title', async () => {
    const { stages } = fakeStages();
    const draft = draftRenderer(paths, request, stages);
    await expect(draft.printPdf()).rejects.toThrow();
    await draft.render([]);
    expect(new TextDecoder().decode(await draft.printPdf())).toBe('A & B|A & B');
  });
});

describe('draftRenderer with a report model', () => {
  const rejected = { text: 'Arrivals rose by 3%.', claims: [], provenance: [{ start: 16, end: 17, explanation: 'Rejected: the data give a fall', rejected: true }] };
  const model = {
    meta: { title: 'Migration in Kazakhstan', periodLabel: 'October–December 2023' },
    findings: [{}, {}],
    sections: [{ paragraphs: [[{}, {}], [{}]], notes: [] }, { paragraphs: [], notes: [] }],
  };
  const stages = (renderReport: () => Promise<unknown>) => ({
    loadAndAudit: (async () => ({ dataset: {}, findings: [] })) as never,
    renderReport: renderReport as never,
    printPdf: async (_html: string, print: { title: string; headerText: string }) => new TextEncoder().encode(`${print.title}|${print.headerText}`),
  });

  it('counts the sentences the verifier read, and prints with the title and header of the build', async () => {
    const draft = draftRenderer(paths, request, stages(async () => ({ model, findings: [], html: '<p>x</p>', printHtml: '<p>x</p>' })));
    const outcome = await draft.render([]);
    expect(outcome).toMatchObject({
      ok: true,
      selfCheck: { ok: true, problems: [], sentences: 5 },
      print: { headerText: 'Migration in Kazakhstan · October–December 2023', pageLabel: 'Page {page} of {pages}' },
    });
    expect(new TextDecoder().decode(await draft.printPdf())).toBe(
      'Migration in Kazakhstan — October–December 2023|Migration in Kazakhstan · October–December 2023',
    );
  });

  it('renders as a preview, and lists the claims the verifier rejected (marked in place in the page) on the badge', async () => {
    let asked: unknown;
    const withRejected = { ...model, sections: [{ paragraphs: [[rejected]], notes: [] }] };
    const draft = draftRenderer(paths, request, stages(async (...args: unknown[]) => ((asked = args[2]), { model: withRejected, findings: [], html: '<p>x</p>', printHtml: '<p>x</p>' })));
    const outcome = await draft.render([]);
    expect(asked).toMatchObject({ preview: true });
    expect(outcome).toMatchObject({ ok: true, selfCheck: { ok: false, problems: ['Rejected: the data give a fall — “Arrivals rose by 3%.”'] } });
  });

  it('lets other errors through to the server, which shows them without the self-check mark', async () => {
    const draft = draftRenderer(
      paths,
      request,
      stages(async () => {
        throw new UserError({ code: 'render/template-syntax', message: 'bad template' }, { file: 'templates/x.hbs', line: 2, column: 3 });
      }),
    );
    await expect(draft.render([])).rejects.toMatchObject({ code: 'render/template-syntax' });
  });
});
