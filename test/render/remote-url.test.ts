// Reliability check defect 19: a remote @import or url() in styles/report.css went into the "offline"
// HTML. Now a located error on the stylesheet; data: URLs and #fragments stay allowed.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatError, UserError } from '../../src/errors.ts';
import { assertNoRemoteUrl } from '../../src/render/index.ts';
import { tempDir } from '../temp.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

const errorOf = (css: string) => {
  try {
    assertNoRemoteUrl(css, 'styles/report.css');
  } catch (e) {
    return formatError(e as UserError);
  }
  return undefined;
};

describe('remote URLs in the report stylesheet', () => {
  it('@import and url() of another address are located errors', () => {
    const hint = "but the report's HTML must open offline and load nothing from another address (hint: put the image or font in the stylesheet as a data: URL, or remove the rule) [render/remote-url]";
    expect(errorOf('body { color: red; }\n@import url("http://127.0.0.1:18999/import.css");\n')).toBe(`styles/report.css:2:1: error: the stylesheet loads http://127.0.0.1:18999/import.css, ${hint}`);
    expect(errorOf('p {}\nbody { background: url("http://127.0.0.1:18999/bg.png"); }')).toBe(`styles/report.css:2:20: error: the stylesheet loads http://127.0.0.1:18999/bg.png, ${hint}`);
    expect(errorOf("a { background: url(//cdn.example/x.png) }")).toBe(`styles/report.css:1:17: error: the stylesheet loads //cdn.example/x.png, ${hint}`);
  });

  it('data: URLs and fragments pass', () => {
    expect(errorOf('a { background: url("data:image/png;base64,AAAA") } b { fill: url(#g) }')).toBeUndefined();
  });

  it('the build stops with exit 1 before writing', () => {
    const project = tempDir('migreport-remote-url-');
    cpSync(join(repo, 'templates'), join(project, 'templates'), { recursive: true });
    cpSync(join(repo, 'styles'), join(project, 'styles'), { recursive: true });
    const css = join(project, 'styles', 'report.css');
    const lines = readFileSync(css, 'utf8').split('\n').length;
    writeFileSync(css, readFileSync(css, 'utf8') + '@import url("http://127.0.0.1:18999/import.css");\n');
    const r = spawnSync(process.execPath, [join(repo, 'bin/migreport.js'), 'build', '--format', 'html', '--data', join(repo, 'data'), '--out', join(project, 'out')], { cwd: project, env: { ...process.env, CI: '1' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.includes('error:'))).toEqual([
      `styles/report.css:${lines}:1: error: the stylesheet loads http://127.0.0.1:18999/import.css, but the report's HTML must open offline and load nothing from another address (hint: put the image or font in the stylesheet as a data: URL, or remove the rule) [render/remote-url]`,
    ]);
  });
});
