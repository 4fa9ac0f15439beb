// The preview's own UI, injected into served pages only (never into built output): live reload,
// error overlay, findings badge, view toggle, and the A4 sheet layout of the print view.
//
// The scripts are plain strings, not compiled functions: the page runs them as written, and
// `Function.prototype.toString` of transpiled code can reference helpers the page lacks.

export interface ClientState {
  view: 'html' | 'print';
  version: number;
  findings: { severity: string; location: string; message: string }[];
  selfCheck: { ok: boolean; problems: string[] };
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
  var label = (S.selfCheck.ok ? 'self-check ok' : 'self-check: ' + problems + ' problem' + (problems === 1 ? '' : 's')) +
    ' · ' + warnings + ' finding' + (warnings === 1 ? '' : 's');
  var badge = el('button', { type: 'button', class: 'mr-badge', 'data-state': state, 'aria-expanded': 'false',
    title: 'audit findings and self-check' }, label);
  badge.addEventListener('click', function () {
    var open = panel.hasAttribute('hidden');
    if (open) panel.removeAttribute('hidden'); else panel.setAttribute('hidden', '');
    badge.setAttribute('aria-expanded', String(open));
  });
  panel.appendChild(el('h2', null, 'Self-check'));
  if (S.selfCheck.ok) panel.appendChild(el('p', null, 'The numbers in the page agree with the facts.'));
  var pl = el('ul');
  S.selfCheck.problems.forEach(function (p) { pl.appendChild(el('li', null, p)); });
  if (problems) panel.appendChild(pl);
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
  ui.appendChild(panel); ui.appendChild(bar);
  document.body.appendChild(ui);

  function showError(err) {
    hideError();
    var o = el('div', { id: 'migreport-overlay', role: 'alertdialog', 'aria-labelledby': 'migreport-overlay-title',
      'data-migreport-ui': '' });
    var box = el('div', { class: 'mr-box' });
    box.appendChild(el('h2', { id: 'migreport-overlay-title' }, 'The draft has an error'));
    if (err.location) box.appendChild(el('code', { class: 'mr-location' }, err.location));
    box.appendChild(el('p', { class: 'mr-message' }, err.message));
    if (err.hint) box.appendChild(el('p', { class: 'mr-hint' }, 'Try: ' + err.hint));
    box.appendChild(el('p', { class: 'mr-note' },
      'The page shows the last good render. It reloads by itself when the file is fixed.'));
    var close = el('button', { type: 'button' }, 'Dismiss');
    close.addEventListener('click', hideError);
    box.appendChild(close);
    o.appendChild(box);
    document.body.appendChild(o);
  }
  function hideError() {
    var o = document.getElementById('migreport-overlay');
    if (o) o.remove();
  }
  var events = new EventSource('/__events?v=' + S.version);
  events.addEventListener('reload', function () {
    events.close();
    sessionStorage.setItem(KEY, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  });
  events.addEventListener('error-report', function (e) { showError(JSON.parse(e.data)); });
  events.addEventListener('ok', hideError);
})();
`;

/**
 * The print view: moves the report's blocks onto A4 sheets the size of the PDF's pages, with the
 * margins of the stylesheet's @page rule, a running header and "page x of y". An approximation
 * of Chromium's print layout: blocks move whole (a block taller than a page is split by its
 * children where it has any), `break-before`/`break-after: page` are honoured, `break-inside` is not.
 */
const pagerStyle = `
@media screen {
  html { background: #8a8f96; }
  body.mr-paged { margin: 0; padding: 12mm 0 20mm; }
  .mr-sheet { width: 210mm; height: 297mm; margin: 0 auto 10mm; background: #fff; position: relative;
    box-shadow: 0 2px 10px rgba(0,0,0,.35); overflow: hidden; }
  .mr-sheet-content { position: absolute; overflow: hidden; }
  .mr-sheet-header, .mr-sheet-footer { position: absolute; left: 0; right: 0; font: 8pt/1.2 system-ui, sans-serif;
    color: #555; display: flex; justify-content: space-between; }
  .mr-sheet-margins { position: absolute; outline: 1px dashed rgba(0,120,255,.25); pointer-events: none; }
}
`;

const pagerScript = `
(function () {
  var MM = 96 / 25.4;
  var margin = { top: 20, right: 18, bottom: 20, left: 18 };
  // Take the margins from the report's own @page rule, so the sheets match the PDF.
  function toMm(v) {
    var m = /^(-?[\\d.]+)(mm|cm|in|px|pt)$/.exec(String(v).trim());
    if (!m) return undefined;
    var n = parseFloat(m[1]);
    return m[2] === 'mm' ? n : m[2] === 'cm' ? n * 10 : m[2] === 'in' ? n * 25.4 : m[2] === 'pt' ? n * 25.4 / 72 : n / MM;
  }
  try {
    for (var i = 0; i < document.styleSheets.length; i++) {
      var rules = document.styleSheets[i].cssRules;
      for (var j = 0; j < rules.length; j++) {
        var r = rules[j];
        if (r.type === 6 && !r.selectorText) {
          ['top', 'right', 'bottom', 'left'].forEach(function (side) {
            var v = toMm(r.style.getPropertyValue('margin-' + side));
            if (v !== undefined) margin[side] = v;
          });
        }
      }
    }
  } catch (e) {}
  var contentHeight = (297 - margin.top - margin.bottom) * MM;
  var body = document.body;
  var blocks = Array.prototype.filter.call(body.childNodes, function (n) {
    return !(n.nodeType === 1 && (n.tagName === 'SCRIPT' || n.hasAttribute('data-migreport-ui')));
  });
  var sheets = [];
  var root = document.createElement('div');
  root.className = 'mr-sheets';
  body.insertBefore(root, body.firstChild);
  var content;   // the current sheet's content box
  var chain = []; // [original ancestor, its clone on the current sheet]
  function newSheet() {
    var sheet = document.createElement('div');
    sheet.className = 'mr-sheet';
    content = document.createElement('div');
    content.className = 'mr-sheet-content';
    content.style.top = margin.top + 'mm'; content.style.left = margin.left + 'mm';
    content.style.right = margin.right + 'mm'; content.style.height = (297 - margin.top - margin.bottom) + 'mm';
    var header = document.createElement('div');
    header.className = 'mr-sheet-header';
    header.style.top = Math.max(4, margin.top / 2 - 3) + 'mm'; header.style.padding = '0 ' + margin.right + 'mm 0 ' + margin.left + 'mm';
    header.appendChild(document.createElement('span')).textContent = document.title;
    var footer = document.createElement('div');
    footer.className = 'mr-sheet-footer';
    footer.style.bottom = Math.max(4, margin.bottom / 2 - 3) + 'mm'; footer.style.padding = header.style.padding;
    footer.appendChild(document.createElement('span'));
    footer.appendChild(document.createElement('span')).className = 'mr-page-number';
    sheet.appendChild(header); sheet.appendChild(content); sheet.appendChild(footer);
    root.appendChild(sheet);
    sheets.push(sheet);
    var parent = content;
    chain = chain.map(function (pair) {
      var clone = pair[0].cloneNode(false);
      clone.removeAttribute && clone.removeAttribute('id');
      parent.appendChild(clone);
      parent = clone;
      return [pair[0], clone];
    });
  }
  function container() { return chain.length ? chain[chain.length - 1][1] : content; }
  function overflows() { return content.scrollHeight > content.clientHeight + 1; }
  function isPageBreak(v) { return v === 'page' || v === 'always' || v === 'left' || v === 'right' || v === 'recto' || v === 'verso'; }
  var breakPending = false;
  function place(node) {
    if (node.nodeType !== 1) { container().appendChild(node); return; }
    var cs = getComputedStyle(node);
    if (cs.display === 'none') { container().appendChild(node); return; }
    if ((breakPending || isPageBreak(cs.breakBefore)) && content.childNodes.length && content.scrollHeight > 0 && hasContent()) newSheet();
    breakPending = false;
    var tall = node.getBoundingClientRect().height > contentHeight;
    if (tall && node.children.length > 0 && !/^(TABLE|svg|FIGURE|IMG|PRE)$/.test(node.tagName)) {
      var clone = node.cloneNode(false);
      container().appendChild(clone);
      chain.push([node, clone]);
      Array.prototype.slice.call(node.childNodes).forEach(place);
      chain.pop();
    } else {
      var before = hasContent();
      container().appendChild(node);
      if (overflows() && before) {
        node.remove();
        newSheet();
        container().appendChild(node);
      }
    }
    if (isPageBreak(cs.breakAfter)) breakPending = true;
  }
  function hasContent() {
    // Clones of ancestors alone are not content; text or a leaf block is.
    var c = content;
    while (c) {
      var kids = Array.prototype.filter.call(c.childNodes, function (n) { return n.nodeType === 1 || /\\S/.test(n.textContent); });
      if (kids.length === 0) return false;
      var last = chain.length && kids.length === 1 && chain.some(function (p) { return p[1] === kids[0]; });
      if (!last) return true;
      c = kids[0];
    }
    return false;
  }
  newSheet();
  blocks.forEach(place);
  sheets.forEach(function (s, i) {
    s.querySelector('.mr-page-number').textContent = 'Page ' + (i + 1) + ' of ' + sheets.length;
  });
  body.classList.add('mr-paged');
  document.dispatchEvent(new Event('migreport:paged'));
})();
`;

/** Puts the preview UI into a rendered page, just before </body>; the nonce lets the CSP run it. */
export function injectPreviewUi(html: string, state: ClientState, nonce: string): string {
  const parts = [`<style data-migreport-ui>${uiStyle}</style>`];
  if (state.view === 'print') parts.push(`<style data-migreport-ui>${pagerStyle}</style>`);
  parts.push(`<script nonce="${nonce}">window.__migreport = ${scriptJson(state)};</script>`);
  if (state.view === 'print') parts.push(`<script nonce="${nonce}">${pagerScript}</script>`);
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
