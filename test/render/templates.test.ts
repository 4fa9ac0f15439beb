import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError, formatError } from '../../src/errors.ts';
import { loadTemplateSet } from '../../src/render/templates.ts';
import { tempDir } from '../temp.ts';

function project(files: Record<string, string>): string {
  const root = tempDir('migreport-tpl-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function renderError(files: Record<string, string>, context: unknown): string {
  const root = project(files);
  try {
    loadTemplateSet(join(root, 'templates'), 'kind', {}, root).render(context);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return formatError(e as UserError);
  }
  throw new Error('expected an error');
}

describe('templates', () => {
  it('renders with partials from the shared and the kind folder, escaping data', () => {
    const root = project({
      'templates/partials/name.hbs': '<b>{{name}}</b>',
      'templates/kind/report.hbs': '{{> name}}|{{#each items}}{{> item}}{{/each}}',
      'templates/kind/partials/item.hbs': '[{{this}}]',
    });
    const out = loadTemplateSet(join(root, 'templates'), 'kind', {}, root).render({ name: '<i>x</i>', items: ['a&b'] });
    expect(out).toBe('<b>&lt;i&gt;x&lt;/i&gt;</b>|[a&amp;b]');
  });

  it.each([
    [{ 'templates/kind/report.hbs': 'line one\n  {{title}}\n' }, {}, 'templates/kind/report.hbs:2:5: error: the template uses "title"'],
    [
      { 'templates/kind/report.hbs': '{{> sec}}', 'templates/kind/partials/sec.hbs': 'a\nb\n {{#each rows}}{{cell.text}}{{/each}}' },
      { rows: [{ cell: {} }] },
      'templates/kind/partials/sec.hbs:3:18: error: the template uses "text"',
    ],
    [{ 'templates/kind/report.hbs': 'x\n{{#if a}}\n{{/iff}}' }, {}, 'templates/kind/report.hbs:2:'],
    [{ 'templates/kind/report.hbs': 'ok\n{{foo bar=}}' }, { foo: 1 }, 'templates/kind/report.hbs:2:11: error: template syntax error: unexpected close'],
    [{ 'templates/kind/report.hbs': '{{> nowhere}}' }, {}, 'error: the template includes the partial "nowhere"'],
  ])('locates template error %#', (files, context, expected) => {
    expect(renderError(files as Record<string, string>, context)).toContain(expected);
  });

  it('names the known kinds when a template does not exist', () => {
    const root = project({ 'templates/kind/report.hbs': 'x' });
    expect(() => loadTemplateSet(join(root, 'templates'), 'nope', {}, root)).toThrow(/no report template "nope"/);
  });

  it('recompiles after a template changes', async () => {
    const root = project({ 'templates/kind/report.hbs': 'one' });
    expect(loadTemplateSet(join(root, 'templates'), 'kind', {}, root).render({})).toBe('one');
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(root, 'templates/kind/report.hbs'), 'two!');
    expect(loadTemplateSet(join(root, 'templates'), 'kind', {}, root).render({})).toBe('two!');
  });
});
