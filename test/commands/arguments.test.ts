// Reliability check defect 23: a misspelt --template gets "did you mean", and before any data are read
// (the audit's warnings came first); a missing partial is located on the line that calls it.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'bin', 'migreport.js');
const run = (args: string[], cwd = repo) => spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...process.env, CI: '1' }, encoding: 'utf8' });

describe('argument and template errors', () => {
  it('--template iom-quartely: did you mean, and nothing else printed', () => {
    const r = run(['build', '--template', 'iom-quartely', '--out', join(tmpdir(), 'never-written')]);
    expect(r.stderr.trim()).toBe('error: unknown report kind "iom-quartely" (hint: did you mean "iom-quarterly"?) [kinds/unknown-kind]');
    expect(r.status).toBe(1);
  });

  it('a missing partial is reported on the line and column that include it', () => {
    const project = tempDir('migreport-partial-');
    cpSync(join(repo, 'templates'), join(project, 'templates'), { recursive: true });
    cpSync(join(repo, 'styles'), join(project, 'styles'), { recursive: true });
    const hbs = join(project, 'templates', 'iom-quarterly', 'report.hbs');
    const lines = readFileSync(hbs, 'utf8').split('\n');
    lines[16] = `  {{> nosuchpartial}}${lines[16]}`;
    writeFileSync(hbs, lines.join('\n'));
    const r = run(['build', '--format', 'html', '--data', join(repo, 'data'), '--out', join(project, 'out')], project);
    expect(r.stderr.split('\n').filter((l) => l.includes('error:'))).toEqual([
      'templates/iom-quarterly/report.hbs:17:3: error: the template includes the partial "nosuchpartial", which does not exist (hint: partials are the .hbs files in templates/partials/ and templates/<kind>/partials/) [render/missing-partial]',
    ]);
    expect(r.status).toBe(1);
  });
});
