// The preview's own UI, injected into served pages only (never into built output): live reload,
// error overlay, findings and self-check badge, view toggle, and the print view (the PDF's paginator).
import { readFileSync } from 'node:fs';
import { packageFile } from '../paths.ts';
//
// The scripts are plain strings, not compiled functions: the page runs them as written, and
// `Function.prototype.toString` of transpiled code can reference helpers the page lacks.

export interface ClientState {
  view: 'html' | 'print';
  version: number;
  findings: { severity: string; location: string; message: string }[];
  selfCheck: SelfCheckState;
  /** The PDF's running header and footer ('Page {page} of {pages}'), for the print view. */
  print?: { headerText: string; pageLabel: string };
  /** The draft's language and the others it can be switched to (a link each in the bar). */
  languages?: { current: string; langs: string[] };
}

export interface SelfCheckState {
  ok: boolean;
  problems: string[];
  /** Sentences whose figures were read back against their facts. */
  sentences?: number;
}

/** JSON safe to embed in a <script>: no `</script>`, no `<!--`, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const uiStyle = `
#migreport-ui, #migreport-ui *, #migreport-overlay, #migreport-overlay * { box-sizing: border-box; }
#migreport-ui { position: fixed; right: 12px; bottom: 12px; z-index: 2147483646; font: 13px/1.4 system-ui, sans-serif;
  color: #1b1b1b; display: flex; flex-direction: column; align-items: flex-end; gap: 6px; }
#migreport-ui .mr-bar { display: flex; gap: 6px; background: #fff; border: 1px solid #bbb; border-radius: 6px;
  padding: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
#migreport-ui button, #migreport-ui a { font: inherit; color: #1b1b1b; background: #f3f3f3; border: 1px solid #ccc;
  border-radius: 4px; padding: 3px 8px; cursor: pointer; text-decoration: none; }
#migreport-ui .mr-langs { display: flex; gap: 2px; }
#migreport-ui .mr-lang[aria-current="true"] { background: #1b1b1b; color: #fff; border-color: #1b1b1b; }
#migreport-ui .mr-badge[data-state="ok"] { background: #e6f4ea; border-color: #7bb88f; }
#migreport-ui .mr-badge[data-state="warn"] { background: #fff4d6; border-color: #d9b24c; }
#migreport-ui .mr-badge[data-state="bad"] { background: #fde7e7; border-color: #d46a6a; }
#migreport-ui .mr-panel { background: #fff; border: 1px solid #bbb; border-radius: 6px; padding: 8px 12px;
  max-width: 520px; max-height: 50vh; overflow: auto; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
#migreport-ui .mr-panel h2 { font-size: 13px; margin: 6px 0 4px; }
#migreport-ui .mr-panel ul { margin: 0; padding-left: 18px; }
#migreport-ui .mr-panel code { font: 12px ui-monospace, monospace; }
#migreport-overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgba(30,0,0,.55);
  display: flex; align-items: flex-start; justify-content: center; padding: 8vh 16px; font: 14px/1.5 system-ui, sans-serif; }
#migreport-overlay .mr-box { background: #fff; color: #1b1b1b; border-top: 6px solid #c62828; border-radius: 6px;
  max-width: 760px; width: 100%; padding: 16px 20px; box-shadow: 0 8px 30px rgba(0,0,0,.4); }
#migreport-overlay h2 { margin: 0 0 8px; font-size: 17px; color: #b71c1c; }
#migreport-overlay .mr-location { font: 13px ui-monospace, monospace; background: #f5f5f5; padding: 2px 6px; border-radius: 3px; }
#migreport-overlay .mr-message { margin: 8px 0; white-space: pre-wrap; }
#migreport-overlay .mr-hint { margin: 8px 0; color: #333; }
#migreport-overlay .mr-note { margin: 12px 0 0; color: #666; font-size: 12px; }
`;

const uiScript = `
(function () {
  var S = window.__migreport;
  var nonce = document.currentScript && document.currentScript.nonce;
  var KEY = 'migreport:scroll:' + location.pathname;
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  var saved = sessionStorage.getItem(KEY);
  if (saved) {
    sessionStorage.removeItem(KEY);
    try {
      var xy = JSON.parse(saved);
      var restore = function () { window.scrollTo(xy[0], xy[1]); };
      restore();
      window.addEventListener('load', restore);
      document.addEventListener('migreport:paged', restore);
    } catch (e) {}
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  var ui = el('div', { id: 'migreport-ui', 'data-migreport-ui': '' });
  var panel = el('div', { class: 'mr-panel', hidden: '' });
  var bar = el('div', { class: 'mr-bar' });
  var warnings = S.findings.length;
  var problems = S.selfCheck.problems.length;
  var state = !S.selfCheck.ok ? 'bad' : warnings ? 'warn' : 'ok';
  function badgeLabel(check) {
    var n = check.problems.length;
    return (check.ok ? 'self-check ok' : 'self-check: ' + n + ' problem' + (n === 1 ? '' : 's')) +
      ' · ' + warnings + ' finding' + (warnings === 1 ? '' : 's');
  }
  var label = badgeLabel(S.selfCheck);
  var badge = el('button', { type: 'button', class: 'mr-badge', 'data-state': state, 'aria-expanded': 'false',
    title: 'audit findings and self-check' }, label);
  badge.addEventListener('click', function () {
    var open = panel.hasAttribute('hidden');
    if (open) panel.removeAttribute('hidden'); else panel.setAttribute('hidden', '');
    badge.setAttribute('aria-expanded', String(open));
  });
  panel.appendChild(el('h2', null, 'Self-check'));
  var checkNote = el('p', { class: 'mr-selfcheck' }, S.selfCheck.ok
    ? (S.selfCheck.sentences != null ? 'All ' + S.selfCheck.sentences + ' sentences' : 'The sentences') +
      ' were read back: every figure matches its fact, every direction word its sign.'
    : 'The self-check failed.');
  panel.appendChild(checkNote);
  var pl = el('ul', { class: 'mr-selfcheck-problems' });
  S.selfCheck.problems.forEach(function (p) { pl.appendChild(el('li', null, p)); });
  panel.appendChild(pl);
  panel.appendChild(el('h2', null, 'Audit findings'));
  if (!warnings) panel.appendChild(el('p', null, 'None.'));
  var fl = el('ul');
  S.findings.forEach(function (f) {
    var li = el('li');
    li.appendChild(el('strong', null, f.severity + ' '));
    if (f.location) li.appendChild(el('code', null, f.location + ' '));
    li.appendChild(document.createTextNode(f.message));
    fl.appendChild(li);
  });
  if (warnings) panel.appendChild(fl);
  var toggle = el('a', { class: 'mr-toggle', href: S.view === 'html' ? '/print' : '/' },
    S.view === 'html' ? 'Print view' : 'HTML view');
  var pdf = el('a', { class: 'mr-pdf', href: '/report.pdf', target: '_blank', rel: 'noopener' }, 'PDF');
  bar.appendChild(badge); bar.appendChild(toggle); bar.appendChild(pdf);
  // One link per language: the server switches the draft's language and re-renders it.
  if (S.languages && S.languages.langs.length > 1) {
    var langs = el('nav', { class: 'mr-langs', 'aria-label': 'Language of the draft' });
    S.languages.langs.forEach(function (l) {
      var attrs = { class: 'mr-lang', href: (S.view === 'html' ? '/' : '/print') + '?lang=' + encodeURIComponent(l), lang: l, hreflang: l };
      if (l === S.languages.current) attrs['aria-current'] = 'true';
      langs.appendChild(el('a', attrs, l.toUpperCase()));
    });
    bar.appendChild(langs);
  }
  ui.appendChild(panel); ui.appendChild(bar);

  function showError(err) {
    hideError();
    var o = el('div', { id: 'migreport-overlay', role: 'alertdialog', 'aria-labelledby': 'migreport-overlay-title',
      'data-migreport-ui': '' });
    var box = el('div', { class: 'mr-box' });
    box.appendChild(el('h2', { id: 'migreport-overlay-title' },
      err.kind === 'self-check' ? 'The self-check stopped the render' : 'The draft has an error'));
    if (err.location) box.appendChild(el('code', { class: 'mr-location' }, err.location));
    box.appendChild(el('p', { class: 'mr-message' }, err.message));
    if (err.hint) box.appendChild(el('p', { class: 'mr-hint' }, 'Try: ' + err.hint));
    box.appendChild(el('p', { class: 'mr-note' },
      'The page shows the last good render. It reloads by itself when the file is fixed.'));
    var close = el('button', { type: 'button' }, 'Dismiss');
    close.addEventListener('click', hideError);
    box.appendChild(close);
    o.appendChild(box);
    whenMounted(function () { document.body.appendChild(o); });
  }
  function hideError() {
    var o = document.getElementById('migreport-overlay');
    if (o) o.remove();
  }
  // A failed self-check stops the render; the badge says so until a render passes again.
  function selfCheckFailed(err) {
    var problem = (err.location ? err.location + ': ' : '') + err.message;
    badge.setAttribute('data-state', 'bad');
    badge.textContent = badgeLabel({ ok: false, problems: [problem] });
    checkNote.textContent = 'The self-check failed on the current draft; the page shows the last render that passed.';
    pl.textContent = '';
    pl.appendChild(el('li', null, problem));
  }
  // The print view's paginator moves every block of <body> into pages: the UI joins the page after it.
  var mounted = false;
  var waiting = [];
  function whenMounted(f) { if (mounted) f(); else waiting.push(f); }
  function mount() {
    document.body.appendChild(ui);
    mounted = true;
    waiting.splice(0).forEach(function (f) { f(); });
  }
  if (S.view === 'print' && S.print && !window.__migreportPaged) document.addEventListener('migreport:paged', mount, { once: true });
  else mount();
  var events = new EventSource('/__events?v=' + S.version);
  function fullReload() {
    sessionStorage.setItem(KEY, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }
  // The HTML view swaps the new <body> in when <head> is unchanged (a data or template edit): the
  // page keeps its decoded fonts (hundreds of kB of embedded @font-face) and its scroll position.
  // The print view, or a changed <head> (a style edit), reloads the whole page.
  function swapBody() {
    if (S.view !== 'html' || !nonce) return fullReload();
    fetch(location.pathname, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.text();
    }).then(function (text) {
      var next = new DOMParser().parseFromString(text, 'text/html');
      if (next.head.innerHTML !== document.head.innerHTML) return fullReload();
      var scripts = Array.prototype.filter.call(next.body.querySelectorAll('script'), function (s) { return s.hasAttribute('nonce'); })
        .map(function (s) { return s.textContent; });
      Array.prototype.forEach.call(next.body.querySelectorAll('script'), function (n) { n.remove(); });
      var x = window.scrollX, y = window.scrollY;
      ui.remove(); hideError();
      document.body.replaceChildren.apply(document.body, Array.prototype.slice.call(next.body.childNodes));
      window.scrollTo(x, y);
      // The new page's own preview scripts, run under this page's nonce: new state, badge and event stream.
      scripts.forEach(function (code) {
        var s = document.createElement('script');
        s.nonce = nonce;
        s.textContent = code;
        document.body.appendChild(s);
      });
      document.dispatchEvent(new Event('migreport:swapped'));
    }).catch(fullReload);
  }
  events.addEventListener('reload', function () {
    events.close();
    swapBody();
  });
  events.addEventListener('error-report', function (e) {
    var err = JSON.parse(e.data);
    if (err.kind === 'self-check') selfCheckFailed(err);
    showError(err);
  });
  events.addEventListener('ok', hideError);
})();
`;

/**
 * The print view runs the PDF stage's own paginator (src/publish/paginate.browser.js) on the page
 * with the print stylesheet, so the analyst sees the PDF's page breaks, footnotes at the page foot
 * and contents' page numbers; then each page box is framed as an A4 sheet with the PDF's margins,
 * running header and "page x of y". The geometry is the one src/publish/pdf.ts prints with.
 */
export const printGeometry = { widthMm: 210, heightMm: 297, top: 20, bottom: 18, side: 20 } as const;

const paginatorSource = readFileSync(packageFile('src', 'publish', 'paginate.browser.js'), 'utf8')
  .replace(/<\/(script)/gi, '<\\/$1');

const pagerStyle = `
@media screen {
  html.mr-paged, html.mr-paged body { background: #8a8f96; }
  html.mr-paged body { margin: 0; padding: 12mm 0 20mm; }
  .mr-sheet { position: relative; box-sizing: border-box; width: 210mm; height: 297mm; margin: 0 auto 10mm;
    padding: ${printGeometry.top}mm ${printGeometry.side}mm ${printGeometry.bottom}mm; background: #fff;
    box-shadow: 0 2px 10px rgba(0,0,0,.35); overflow: hidden; }
  .mr-sheet.mr-sheet-cover { padding: 0; }
  .mr-sheet-header, .mr-sheet-footer { position: absolute; left: ${printGeometry.side}mm; right: ${printGeometry.side}mm;
    display: flex; font: 8pt/1.2 "Noto Sans", sans-serif; color: #4a5568; }
  .mr-sheet-header { top: 0; height: ${printGeometry.top - 4}mm; align-items: flex-end; justify-content: flex-start; }
  .mr-sheet-footer { bottom: 0; height: ${printGeometry.bottom - 4}mm; align-items: flex-start; justify-content: flex-end; }
}
`;

const pagerScript = `
(async function () {
  var S = window.__migreport;
  var G = ${JSON.stringify(printGeometry)};
  var PX = 96 / 25.4;
  // As the PDF stage does: styles applied and fonts ready before measuring anything.
  document.body.offsetHeight;
  await document.fonts.ready;
  var laid = { warnings: [], missingNotes: [] };
  try {
  laid = paginate({
    pageWidthPx: (G.widthMm - 2 * G.side) * PX,
    pageHeightPx: Math.floor((G.heightMm - G.top - G.bottom) * PX) - 2,
    coverWidthPx: G.widthMm * PX,
    coverHeightPx: Math.floor(G.heightMm * PX) - 2,
  });
  var pages = Array.prototype.slice.call(document.querySelectorAll('body > .page'));
  pages.forEach(function (page, i) {
    var cover = page.classList.contains('page-cover');
    var sheet = document.createElement('div');
    sheet.className = cover ? 'mr-sheet mr-sheet-cover' : 'mr-sheet';
    page.parentNode.insertBefore(sheet, page);
    sheet.appendChild(page);
    if (cover) return; // the PDF's cover has no header or footer either
    var header = document.createElement('div');
    header.className = 'mr-sheet-header';
    header.textContent = S.print.headerText;
    var footer = document.createElement('div');
    footer.className = 'mr-sheet-footer';
    footer.textContent = S.print.pageLabel.split('{page}').join(String(i + 1)).split('{pages}').join(String(pages.length));
    sheet.appendChild(header);
    sheet.appendChild(footer);
  });
  document.documentElement.classList.add('mr-paged');
  } catch (e) {
    console.error('migreport print view: ' + (e && e.message || e));
  }
  window.__migreportPaged = { pages: pages.length, warnings: laid.warnings, missingNotes: laid.missingNotes };
  document.dispatchEvent(new Event('migreport:paged'));
})();
`;

/** Puts the preview UI into a rendered page, just before </body>; the nonce lets the CSP run it. */
export function injectPreviewUi(html: string, state: ClientState, nonce: string): string {
  const paged = state.view === 'print' && state.print !== undefined;
  const parts = [`<style data-migreport-ui>${uiStyle}</style>`];
  if (paged) parts.push(`<style data-migreport-ui>${pagerStyle}</style>`);
  parts.push(`<script nonce="${nonce}">window.__migreport = ${scriptJson(state)};</script>`);
  if (paged) parts.push(`<script nonce="${nonce}">${paginatorSource}\n${pagerScript}</script>`);
  parts.push(`<script nonce="${nonce}">${uiScript}</script>`);
  const ui = parts.join('\n');
  const at = html.search(/<\/body\s*>/i);
  return at === -1 ? html + ui : html.slice(0, at) + ui + html.slice(at);
}

/**
 * Lets print-only rules apply on screen, so the print view shows what the PDF will show:
 * `@media print` becomes `@media all`, and screen-only rules are switched off.
 */
export function printRulesOnScreen(html: string): string {
  return html.replace(/@media\s+print\b/gi, '@media all').replace(/@media\s+screen\b/gi, '@media not all');
}

/** The page shown before the first good render. */
export function placeholderPage(): string {
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>migreport preview</title></head>' +
    '<body><main><h1>migreport preview</h1><p>The draft has not rendered yet.</p></main></body></html>';
}
