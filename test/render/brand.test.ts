// Branding of the cover (issue 13, point 5): report.yaml names the publisher, a logo and partners' logos (SVG or PNG
// in the data folder, inlined) and a cover colour (checked for contrast with the white title); each mistake is a
// located error.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/index.ts';
import { UserError, UserErrors } from '../../src/errors.ts';
import { contrastWithWhite } from '../../src/load/narrative.ts';
import { renderReport, projectPaths } from '../../src/pipeline.ts';
import { projectWith } from '../load/helpers.ts';
import { DATA_DIR } from '../compare/sample.ts';
import { tempDir } from '../temp.ts';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'brand');
const REPORT = 'data/narrative/2023-Q4/report.yaml';
const BASE = 'title: Overview of the migration situation\nsubtitle: Quarterly compilation report\nperiod: 2023-Q4\npublished: 2024-01-31\npartners: [Border Service]\n';

function project(extra: string, files: Record<string, string> = {}): string {
  const root = projectWith();
  mkdirSync(join(root, 'data', 'images'), { recursive: true });
  copyFileSync(join(FIX, 'logo.svg'), join(root, 'data', 'images', 'logo.svg'));
  copyFileSync(join(FIX, 'partner.png'), join(root, 'data', 'images', 'partner.png'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  writeFileSync(join(root, REPORT), BASE + extra);
  return root;
}
async function errors(root: string): Promise<[string, string][]> {
  try {
    await loadProject('data', { root });
  } catch (e) {
    const list = e instanceof UserErrors ? e.errors : [e as UserError];
    return list.map((x) => [x.code, `${x.at?.file}:${x.at?.line}:${x.at?.column}`]);
  }
  return [];
}

describe('cover branding', () => {
  it('inlines the logos, names the publisher and colours the band', async () => {
    // The sample, with logos added to its 2023-Q4 report.yaml.
    const root = tempDir('migreport-brand-');
    cpSync(DATA_DIR, join(root, 'data'), { recursive: true });
    mkdirSync(join(root, 'data', 'images'));
    copyFileSync(join(FIX, 'logo.svg'), join(root, 'data', 'images', 'logo.svg'));
    copyFileSync(join(FIX, 'partner.png'), join(root, 'data', 'images', 'partner.png'));
    const file = join(root, REPORT);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^publisher_name: .*$/m, "publisher_name: The Publisher\nlogo: images/logo.svg\npartner_logos: [images/partner.png]\ncover_colour: '#005f73'"));
    const ds = await loadProject('data', { root });
    const { html } = await renderReport(ds, [], { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' }, projectPaths(join(import.meta.dirname, '..', '..'), ds.root));
    const cover = html.slice(html.indexOf('<section class="cover"'), html.indexOf('</section>', html.indexOf('<section class="cover"')));
    expect(cover).toContain('<section class="cover" aria-label="Migration situation in Kazakhstan" style="--accent: #005f73">');
    expect(cover).toMatch(/<img class="cover-logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="">/);
    expect(cover).toMatch(/<div class="partner-logos"><img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt=""><\/div>/);
    expect(cover).toContain('<p class="cover-publisher">The Publisher</p>');
    // One file: nothing is fetched.
    expect(html).not.toMatch(/src="(?!data:)/);
  });

  it('refuses a logo outside the data folder, missing, of another type, or not what its name says; a pale or malformed colour', async () => {
    const root = project("logo: ../../etc/passwd\npartner_logos: [images/none.svg, images/fake.png, report.txt]\ncover_colour: '#ffcc00'\n", {
      'data/images/fake.png': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'data/report.txt': 'text',
    });
    expect(await errors(root)).toEqual([
      ['load/image-outside', `${REPORT}:6:7`],
      ['load/image-missing', `${REPORT}:7:17`],
      ['load/image-content', `${REPORT}:7:34`],
      ['load/image-type', `${REPORT}:7:51`],
      ['load/low-contrast-colour', `${REPORT}:8:15`],
    ]);
    expect(await errors(project('cover_colour: blue\n'))).toEqual([['load/bad-colour', `${REPORT}:6:15`]]);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBe(21);
    expect(contrastWithWhite('#ffffff')).toBe(1);
    expect(contrastWithWhite('#0b4f8a')).toBeGreaterThan(4.5);
  });
});
