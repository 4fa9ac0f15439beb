// In-page preparation of the print DOM for a tagged PDF (pdf.ts's withPrintDom puts it in a script at the end of
// the body, so it runs while the page loads, before the first layout and the paginator; the HTML file is not
// affected). Chromium builds the PDF's structure tree from the page's accessibility tree, so what is fixed here is
// fixed in the structure Chromium writes:
//   1. Words at soft line wraps: Chromium drops the collapsible space at the end of a wrapped line, so the tagged
//      text reads "fellby". Text blocks get `white-space: pre-wrap` (the space hangs at the line end and is
//      written), after their whitespace was collapsed here as CSS would (nothing moves: every page of every sample
//      edition compared as images).
//   2. A chart's <figure> around an image that has its own name (svg role="img" with title and desc) becomes a
//      group: Chromium would write it as a Figure without alternative text, and a Figure's /Alt replaces all its
//      content, so the image keeps the figure's only /Alt and the caption and source line stay readable text.
//   3. Footnotes: the content of each footnote item is wrapped in a span whose language carries the note's
//      number as a private-use subtag ("en-x-fn3"); pdf-ua.ts finds it in the PDF and turns it into a Note with
//      the ID "fn-3" (Chromium has no role that it writes as Note): the PDF has L > LI > (Lbl, Note).
// Plain JS on purpose, like paginate.browser.js.
// @ts-check

/** @param {string} lang the report's language (BCP 47) */
function preparePrintDom(lang) {
  // 1. Spaces kept at line ends, in blocks whose content is inline (no block element inside; a <br> restarts a
  // line). No style is read (a read between writes would recompute the styles): the blocks get a class whose rule
  // has no specificity, so a white-space the stylesheet sets (nowrap on a figure's cell, pre) still wins.
  const TEXT_BLOCKS = 'p, li, td, th, caption, figcaption, dt, dd, blockquote, h1, h2, h3, h4, h5, h6';
  const BLOCK_INSIDE =
    'address, article, aside, blockquote, details, dialog, dd, div, dl, dt, fieldset, figcaption, figure, footer, ' +
    'form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, ul, svg, img';
  const style = document.createElement('style');
  style.textContent = ':where(.ws-kept) { white-space: pre-wrap; }';
  document.head.append(style);
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.body.querySelectorAll(TEXT_BLOCKS))) {
    if (el.childElementCount > 0 && el.querySelector(BLOCK_INSIDE)) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    /** @type {Text | null} */ let last = null;
    let afterSpace = true; // at the start of a line, spaces are dropped
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        if (/** @type {Element} */ (n).tagName === 'BR') {
          if (last && last.data.endsWith(' ')) last.data = last.data.slice(0, -1);
          afterSpace = true;
        }
        last = null; // a space before an element (an empty one that the paginator fills, say) is not at the end
        continue;
      }
      const t = /** @type {Text} */ (n);
      let s = t.data.replace(/[ \t\n\r\f]+/g, ' ');
      if (afterSpace && s.startsWith(' ')) s = s.slice(1);
      if (s !== t.data) t.data = s;
      if (s) {
        afterSpace = s.endsWith(' ');
        last = t;
      }
    }
    if (last && last.data.endsWith(' ')) last.data = last.data.slice(0, -1);
    el.classList.add('ws-kept');
  }

  // 2. A figure whose image carries the alternative text is a group of caption, image and source line.
  for (const fig of document.querySelectorAll('figure')) {
    if (fig.hasAttribute('role')) continue;
    const img = fig.querySelector('svg[role="img"], img[alt]:not([alt=""])');
    if (img) fig.setAttribute('role', 'group');
  }

  // 3. Footnotes, marked for pdf-ua.ts.
  for (const li of document.querySelectorAll('li.footnote[id]')) {
    const n = /(\d+)$/.exec(li.id)?.[1];
    if (!n) continue;
    const base = (li.closest('[lang]')?.getAttribute('lang') || lang).split('-')[0];
    const span = document.createElement('span');
    span.className = 'note-body';
    span.setAttribute('role', 'note'); // a role keeps the span in the accessibility tree, hence in the PDF's
    span.setAttribute('lang', `${base}-x-fn${n}`);
    span.append(...li.childNodes);
    li.append(span);
  }
}

/** What the PDF's metadata needs from the page: <meta> texts, the language, and a description of each link target. */
function printMeta() {
  const m = (/** @type {string} */ n) => document.querySelector(`meta[name="${n}"]`)?.getAttribute('content') ?? undefined;
  /** @type {Record<string, string>} */
  const links = {};
  for (const a of document.querySelectorAll('a[href]')) {
    const text = (a.getAttribute('aria-label') || a.textContent || '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const href = a.getAttribute('href') ?? '';
    const keys = href.startsWith('#') ? [href] : [href, /** @type {HTMLAnchorElement} */ (a).href];
    for (const k of keys) if (!(k in links)) links[k] = text;
  }
  return { author: m('author'), subject: m('description'), keywords: m('keywords'), lang: document.documentElement.lang, links };
}
