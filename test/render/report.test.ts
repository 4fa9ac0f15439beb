// The whole report's HTML, built from the sample data in memory and checked by selectors.
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model.ts';
import { loadAndAudit, projectPaths, renderReport, type RenderedReport } from '../../src/pipeline.ts';

const paths = projectPaths(process.cwd());
let dataset: Dataset;
let iom: RenderedReport;
let dom: HTMLElement;

beforeAll(async () => {
  ({ dataset } = await loadAndAudit(paths));
  iom = await renderReport(dataset, [], { template: 'iom-quarterly', lang: 'en' }, paths);
  dom = parse(iom.html);
});

describe('IOM quarterly HTML', () => {
  it('declares its language and title, and has one h1', () => {
    expect(dom.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(dom.querySelector('title')!.text).toContain(iom.model.meta.periodLabel);
    expect(dom.querySelectorAll('h1')).toHaveLength(1);
  });

  it('has the cover, contents, key findings, about, policy, every data section, closing', () => {
    for (const sel of ['section.cover', 'nav.toc', '#key-findings', '#about', '#sec-1', '#closing']) {
      expect(dom.querySelector(sel), sel).not.toBeNull();
    }
    // A part of a numbered section (6.1, 6.2) has an h3 under its number's h2.
    const headings = dom.querySelectorAll('section.chapter').flatMap((s) => s.querySelectorAll('h2, h3').map((h) => h.text));
    for (const s of iom.model.sections) expect(headings.some((h) => h.includes(s.title)), s.title).toBe(true);
    expect(headings).toContain('6 Personal remittances');
    expect(dom.querySelectorAll('#key-findings li').length).toBe(iom.model.findings.length);
    expect(iom.model.findings.length).toBeGreaterThanOrEqual(3);
  });

  it('lists every chapter in the contents, each link resolving', () => {
    const targets = dom.querySelectorAll('nav.toc a').map((a) => a.getAttribute('href')!);
    for (const chapter of dom.querySelectorAll('section.chapter')) expect(targets).toContain(`#${chapter.id}`);
    for (const href of targets) expect(dom.querySelector(href), href).not.toBeNull();
    expect(dom.querySelectorAll('nav.toc li').map((li) => li.text.trim())).toEqual(
      expect.arrayContaining(['6 Personal remittances', '6.1 Personal remittances sent from Kazakhstan', '6.2 Personal remittances sent to Kazakhstan']),
    );
  });

  it('inlines every chart as an accessible SVG with a caption, a source and its data as a table', () => {
    const figures = dom.querySelectorAll('figure.chart');
    expect(figures.length).toBe(iom.model.charts.length);
    expect(figures.length).toBeGreaterThanOrEqual(8);
    for (const f of figures) {
      const svg = f.querySelector('svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      const [title, desc] = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(f.querySelector(`#${title}`)!.text.length).toBeGreaterThan(5);
      expect(f.querySelector(`#${desc}`)!.text.length).toBeGreaterThan(20);
      expect(f.querySelector('figcaption')!.text.trim().length).toBeGreaterThan(5);
      expect(f.querySelector('.chart-source')!.text).toMatch(/\w{4,}/);
      expect(f.querySelectorAll('details.chart-data table tbody tr').length).toBeGreaterThan(0);
    }
  });

  it('has no script and loads nothing from another address', () => {
    expect(dom.querySelectorAll('script')).toHaveLength(0);
    expect(iom.html).not.toMatch(/\son[a-z]+=/i); // no event handlers
    for (const el of dom.querySelectorAll('[src], link[href], image, use')) {
      expect(el.getAttribute('src') ?? el.getAttribute('href') ?? '', el.outerHTML.slice(0, 80)).toMatch(/^(data:|#|$)/);
    }
    expect(iom.html).not.toMatch(/url\(\s*['"]?(?!data:|#)/);
    expect(iom.html).not.toMatch(/@import/);
    // Links out are allowed only where a reader clicks them: the sources in the footnotes and the source list.
    for (const a of dom.querySelectorAll('a[href^="http"]')) expect(a.closest('.footnote, .sources'), a.outerHTML).not.toBeNull();
  });

  it('numbers footnotes in reading order, every reference resolving to its note and back', () => {
    const refs = dom.querySelectorAll('a.fnref');
    expect(refs.length).toBeGreaterThan(10);
    refs.forEach((a, i) => {
      expect(a.text).toBe(String(i + 1));
      expect(a.getAttribute('href')).toBe(`#fn-${i + 1}`);
      const note = dom.querySelector(`li.footnote#fn-${i + 1}`)!;
      expect(note.text.length).toBeGreaterThan(5);
      expect(note.querySelector('a.fnback')!.getAttribute('href')).toBe(`#${a.id}`);
    });
    expect(dom.querySelectorAll('li.footnote')).toHaveLength(refs.length);
  });

  it('gives tables header cells with scope', () => {
    for (const t of dom.querySelectorAll('table')) {
      expect(t.querySelectorAll('thead th[scope=col]').length).toBeGreaterThan(1);
      expect(t.querySelector('caption')).not.toBeNull();
    }
  });

  it('is deterministic: the same data give the same bytes', async () => {
    const again = await renderReport(dataset, [], { template: 'iom-quarterly', lang: 'en' }, paths);
    expect(again.html).toBe(iom.html);
  });
});

describe('data are text, never markup', () => {
  it('escapes names and notes that contain markup', async () => {
    const hostile = '<img src=x onerror=alert(document.domain)>';
    const countries = new Map(dataset.reference.countries);
    const uzb = countries.get('UZB')!;
    countries.set('UZB', { ...uzb, names: { ...uzb.names, en: `Uzbekistan ${hostile}` } });
    const narratives = new Map(dataset.narratives);
    const n = narratives.get('2023-Q4')!;
    narratives.set('2023-Q4', { ...n, notes: { ...n.notes, flows: `Note **with** ${hostile} <script>x()</script>` } });
    const tampered: Dataset = { ...dataset, reference: { ...dataset.reference, countries }, narratives };
    const report = await renderReport(tampered, [], { template: 'iom-quarterly', lang: 'en' }, paths);
    expect(report.html).not.toContain('<img src=x');
    expect(report.html).not.toContain('<script>');
    expect(report.html).toContain('Uzbekistan &lt;img src=x onerror=alert(document.domain)&gt;');
    expect(report.html).toContain('<strong>with</strong>');
  });
});

describe('BNS release HTML', () => {
  it('renders its key points, glossary and methodology', async () => {
    const bns = await renderReport(dataset, [], { template: 'bns-release', lang: 'en', period: '2024-Q1' }, paths);
    const d = parse(bns.html);
    expect(d.querySelectorAll('section.chapter').length).toBeGreaterThanOrEqual(2);
    expect(d.querySelector('#sec-glossary')).not.toBeNull();
    expect(bns.html).toMatch(/arrivals[^.]*fell by 2\.7%/i);
    expect(bns.html).toMatch(/departures[^.]*rose by 42\.1%/i);
  });
});
