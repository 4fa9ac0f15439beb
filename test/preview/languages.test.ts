// The preview shows the draft in any language it can be written in, switched with a link (issue 12, point 5).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { tempDir } from '../temp.ts';

describe('preview languages', () => {
  let server: PreviewServer;
  let lang = 'en';
  const rendered: string[] = [];
  const dir = tempDir('migreport-langs-');

  beforeAll(async () => {
    server = await startPreview({
      host: '127.0.0.1',
      port: 0,
      watch: [dir],
      outDir: join(dir, 'out'),
      render: async () => {
        rendered.push(lang);
        return { ok: true, html: `<!doctype html><html lang="${lang}"><head><title>t</title></head><body><p>draft in ${lang}</p></body></html>`, findings: [], selfCheck: { ok: true, problems: [] } };
      },
      languages: { langs: ['en', 'ru', 'kk'], current: () => lang, select: (l) => (lang = l) },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('links every language from the bar, the current one marked', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('draft in en');
    expect(html).toContain('"languages":{"current":"en","langs":["en","ru","kk"]}');
  });

  it('switches the draft to the language a link asks for, re-rendering it before serving the page', async () => {
    const before = rendered.length;
    const html = await (await fetch(new URL('/?lang=ru', server.url))).text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('draft in ru');
    expect(rendered.slice(before)).toEqual(['ru']);
    // The same language again renders nothing; the print view keeps the language.
    await fetch(new URL('/print?lang=ru', server.url));
    expect(rendered.slice(before)).toEqual(['ru']);
    expect(await (await fetch(new URL('/print', server.url))).text()).toContain('draft in ru');
  });

  it('refuses a language the draft cannot be written in, and keeps the current one', async () => {
    const r = await fetch(new URL('/?lang=xx', server.url));
    expect(r.status).toBe(400);
    expect(await r.text()).toBe('the preview cannot show the draft in "xx" (hint: use one of: en, ru, kk)\n');
    expect(lang).toBe('ru');
  });
});
