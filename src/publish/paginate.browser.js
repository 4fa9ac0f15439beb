// In-page paginator (runs inside Chromium, injected as text by pdf.ts): lays the document out into
// one .page box per printed page, puts each footnote at the foot of the page that first cites it,
// and writes the contents' page numbers. Plain JS on purpose: tsx would add helpers to a TS function
// that do not exist in the page.
// @ts-check

/**
 * @param {{ pageWidthPx: number, pageHeightPx: number, coverHeightPx: number, coverWidthPx: number, continuedLabel?: string, oneByOne?: boolean, greedyRuns?: boolean }} cfg
 *   oneByOne: place every block on its own, without runs (placeRun), and take a table's rows off one at a time
 *   instead of searching: the reference test/publish/paginate-runs.test.ts holds the faster paths to.
 *   greedyRuns: plan every run to the next forced break, whatever the blocks' heights, so that runs overflow and are
 *   taken back (a test of those paths; the same pages, only slower).
 */
function paginate(cfg) {
  const H = cfg.pageHeightPx;
  /** @type {{ code: string, what: string, page: number }[]} */
  const warnings = [];
  const containerTags = new Set(['SECTION', 'ARTICLE', 'DIV', 'NAV', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'UL', 'OL']);
  const isHeading = (/** @type {Element} */ el) => /^H[1-6]$/.test(el.tagName);
  // A block that must not end a page: headings, and anything print.css marks `break-after: avoid`
  // (a note's label, the "latest data" line under a heading).
  // Read once per block, while the blocks are still in the document (flatten, below): reading a style after each move
  // would recompute the styles of the whole page every time. A part split off a block keeps the block's answer.
  /** @type {WeakMap<Element, boolean>} */
  const keeps = new WeakMap();
  const keepsWithNext = (/** @type {Element} */ el) => {
    let k = keeps.get(el);
    if (k === undefined) keeps.set(el, (k = isHeading(el) || getComputedStyle(el).breakAfter === 'avoid'));
    return k;
  };

  // 0. A note cited only inside something that is not printed (a chart's data table, which print
  // hides) is cited again at the end of the printed block around it (the chart's source line), so
  // no note appears at a page's foot without its number in the text.
  // Whether an element is printed, read from styles alone (the flow is not laid out, see 2): nothing from it up to the
  // body is display: none, and it is not inside a closed <details> other than as its summary. (The body itself may be
  // hidden by the print stylesheet until the pages are made.)
  const rendered = (/** @type {Element} */ el) => {
    for (let n = el; n && n !== document.body && n !== document.documentElement; n = n.parentElement) {
      if (getComputedStyle(n).display === 'none') return false;
      const up = n.parentElement;
      if (up && up.tagName === 'DETAILS' && !(/** @type {HTMLDetailsElement} */ (up).open) && n !== up.querySelector(':scope > summary')) return false;
    }
    return true;
  };
  for (const a of document.querySelectorAll('a.fnref[href^="#"]')) {
    if (rendered(a)) continue;
    let host = a.parentElement;
    while (host && host !== document.body && !rendered(host)) host = host.parentElement;
    if (!host || host === document.body) continue;
    const shown = [...host.querySelectorAll('a.fnref')].filter(rendered);
    if (shown.some((r) => r.getAttribute('href') === a.getAttribute('href'))) continue;
    const line = [...host.querySelectorAll('.chart-source, p')].filter(rendered).pop() ?? host;
    const again = /** @type {HTMLElement} */ (a.cloneNode(true));
    again.removeAttribute('id');
    if (line.lastElementChild?.matches('a.fnref')) {
      const sep = document.createElement('span');
      sep.className = 'fnsep';
      sep.textContent = ',';
      line.append(sep);
    }
    line.append(again);
  }

  // 1. Footnotes: every body that is cited leaves the flow and waits for the page citing it.
  /** @type {Map<string, HTMLElement>} */
  const notes = new Map();
  const cited = new Set(
    [...document.querySelectorAll('a.fnref[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href').slice(1))),
  );
  const missingNotes = [];
  for (const id of cited) {
    const li = document.getElementById(id);
    if (!li || !li.matches('.footnote')) {
      missingNotes.push(id);
      continue;
    }
    notes.set(id, /** @type {HTMLElement} */ (li));
  }
  const noteLists = new Set([...notes.values()].map((li) => li.closest('.footnotes') ?? li.parentElement));
  for (const li of notes.values()) li.remove();
  for (const list of noteLists) if (list && !list.querySelector('.footnote')) list.remove();

  // Reserve the width of the contents' page numbers so filling them in cannot reflow the contents.
  for (const slot of document.querySelectorAll('.toc .toc-page')) slot.textContent = '00';

  // 2. Flatten the document into leaf blocks with their container chain; computed styles are read now, while the
  // nodes are still in the document. Nothing is laid out here: the print stylesheet keeps the flow out of layout (pdf.ts),
  // so each block is laid out once, on its page. (A flow that is laid out, as in the preview, gives the same pages.)
  /** @type {{ el: HTMLElement, chain: HTMLElement[], breakBefore: boolean, room: number, height: number, boxed?: boolean }[]} */
  const leaves = [];
  const forcedBreak = (/** @type {Element} */ el) => ['page', 'left', 'right', 'always'].includes(getComputedStyle(el).breakBefore);
  // A forced break that print.css makes conditional with `--break-unless-room: 0.5`: the block starts a new page only
  // when less than that share of the current page is left, so a chapter's last small chart does not sit alone on a
  // page before the next chapter (1: always break).
  const roomOf = (/** @type {Element} */ el) => {
    const v = Number.parseFloat(getComputedStyle(el).getPropertyValue('--break-unless-room'));
    return Number.isFinite(v) && v > 0 && v < 1 ? v : 1;
  };
  /** A container whose blocks are placed one by one (its clones go along); 'boxed' when that depends on its height. */
  const containerKind = (/** @type {HTMLElement} */ el) => {
    if (!containerTags.has(el.tagName) || el.matches('.cover') || el.children.length === 0) return false;
    if (![...el.childNodes].every((n) => n.nodeType !== Node.TEXT_NODE || n.textContent.trim() === '')) return false;
    // A box marked `break-inside: avoid` (an analyst's note) moves whole, unless it is too tall to share a page with
    // anything (more than 0.6 of one): then it is split between its blocks like any other container (see 2b).
    return getComputedStyle(el).breakInside === 'avoid' ? 'boxed' : true;
  };
  /**
   * A block's height guessed from its styles and text, without layout: what a run of blocks is planned by (placeRun
   * checks the page, so a wrong guess costs a layout, never a wrong page). Margins counted in full.
   */
  const guessHeight = (/** @type {HTMLElement} */ el, /** @type {CSSStyleDeclaration} */ cs) => {
    const font = parseFloat(cs.fontSize) || 13;
    const line = parseFloat(cs.lineHeight) || font * 1.4;
    const margins = Math.max(0, parseFloat(cs.marginTop) || 0) + Math.max(0, parseFloat(cs.marginBottom) || 0);
    const lines = (/** @type {string} */ text) => Math.max(1, Math.ceil((text.replace(/\s+/g, ' ').trim().length * font * 0.52) / cfg.pageWidthPx));
    const svg = el.tagName === 'svg' ? el : el.querySelector('svg');
    if (svg) {
      const w = parseFloat(svg.getAttribute('width') ?? '') || cfg.pageWidthPx;
      const h = parseFloat(svg.getAttribute('height') ?? '') || w * 0.5;
      const caption = el.querySelector('figcaption, .chart-source');
      return h * Math.min(1, cfg.pageWidthPx / w) + (caption ? 3 * line : 0) + margins;
    }
    const rows = el.querySelectorAll(':scope > tbody > tr, :scope > thead > tr, :scope > tr').length;
    if (rows) return rows * (line + 4) + (el.querySelector(':scope > caption') ? 2 * line : 0) + margins;
    return lines(el.textContent ?? '') * line + margins;
  };
  /**
   * @param {HTMLElement} parent @param {HTMLElement[]} chain @param {boolean} pendingBreak @param {number} pendingRoom
   * @param {typeof leaves} into
   */
  const flatten = (parent, chain, pendingBreak, pendingRoom = 1, into = leaves) => {
    for (const child of /** @type {HTMLElement[]} */ ([...parent.children])) {
      if (['SCRIPT', 'STYLE', 'TEMPLATE', 'LINK', 'META'].includes(child.tagName)) continue;
      const own = forcedBreak(child);
      const breakHere = pendingBreak || own;
      const room = pendingBreak ? pendingRoom : own ? roomOf(child) : 1;
      pendingBreak = false;
      const kind = containerKind(child);
      if (kind === true) flatten(child, [...chain, child], breakHere, room, into);
      else {
        keepsWithNext(child);
        into.push({ el: child, chain, breakBefore: breakHere, room, height: guessHeight(child, getComputedStyle(child)), ...(kind === 'boxed' ? { boxed: true } : {}) });
      }
    }
  };
  flatten(document.body, [], false);
  for (const { el } of leaves) el.remove();
  for (const top of [...document.body.children]) if (!['SCRIPT', 'STYLE', 'TEMPLATE'].includes(top.tagName)) top.remove();
  // From here the body is laid out: the print stylesheet's rule that kept the flow out of layout (pdf.ts) ends.
  document.documentElement.setAttribute('data-paginated', '');

  /** An empty page box (the print stylesheet's .page, exactly one printed page) and its body. */
  const pageBoxOf = (/** @type {string} */ className, /** @type {number} */ width, /** @type {number} */ height) => {
    const box = document.createElement('div');
    box.className = className;
    box.style.width = `${width}px`;
    box.style.height = `${height}px`;
    const body = document.createElement('div');
    body.className = 'page-body';
    box.append(body);
    return { box, body };
  };

  // 2b. A box that moves whole unless taller than 0.6 of a page: measured on its own in a page box, inside copies of
  // the boxes around it (the same width and styles as on its page); a taller one gives its blocks in its place.
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i];
    if (!leaf.boxed) continue;
    delete leaf.boxed;
    const { box: probe, body } = pageBoxOf('page', cfg.pageWidthPx, H);
    let inner = body;
    for (const c of leaf.chain) {
      const clone = /** @type {HTMLElement} */ (c.cloneNode(false));
      clone.removeAttribute('id');
      inner.append(clone);
      inner = clone;
    }
    inner.append(leaf.el);
    document.body.append(probe);
    if (leaf.el.getBoundingClientRect().height > H * 0.6) {
      /** @type {typeof leaves} */ const parts = [];
      flatten(leaf.el, [...leaf.chain, leaf.el], leaf.breakBefore, leaf.room, parts);
      for (const part of parts) part.el.remove();
      leaves.splice(i, 1, ...parts);
      i--; // the parts may hold such boxes too
    }
    leaf.el.remove();
    probe.remove();
  }

  // 3. Pages.
  /** @type {HTMLElement[]} */
  const pages = [];
  /** @type {HTMLElement} */ let pageBody;
  /** @type {HTMLOListElement | null} */ let pageNotes = null;
  /** @type {HTMLElement} */ let pageBox;
  /** @type {{ src: HTMLElement, clone: HTMLElement }[]} */ let open = [];
  /** The blocks placed whole on the current page, in order, with the footnotes each brought along. */
  /** @type {{ el: HTMLElement, chain: HTMLElement[], index: number, notes: HTMLElement[] }[]} */ let placed = [];
  const idGiven = new Set();
  const startOf = new Map(); // an <ol> split over pages keeps counting

  const newPage = (/** @type {boolean} */ cover = false) => {
    ({ box: pageBox, body: pageBody } = cover ? pageBoxOf('page page-cover', cfg.coverWidthPx, cfg.coverHeightPx) : pageBoxOf('page', cfg.pageWidthPx, H));
    pageNotes = null;
    document.body.append(pageBox);
    pages.push(pageBox);
    open = [];
    placed = [];
  };
  const pageIsEmpty = () => pageBody.querySelector(':scope *:not(section):not(div):not(nav):not(ol):not(ul)') === null;

  /** The clones of the leaf's containers on this page, created as needed; returns the innermost. */
  const parentFor = (/** @type {HTMLElement[]} */ chain) => {
    let i = 0;
    while (i < open.length && i < chain.length && open[i].src === chain[i]) i++;
    open = open.slice(0, i);
    for (; i < chain.length; i++) {
      const src = chain[i];
      const clone = /** @type {HTMLElement} */ (src.cloneNode(false));
      if (idGiven.has(src)) {
        clone.removeAttribute('id');
        clone.classList.add('continued');
      } else idGiven.add(src);
      if (src.tagName === 'OL') clone.setAttribute('start', String(startOf.get(src) ?? (src.getAttribute('start') || 1)));
      (i === 0 ? pageBody : open[i - 1].clone).append(clone);
      open.push({ src, clone });
    }
    return open.length ? open[open.length - 1].clone : pageBody;
  };
  const countListItem = (/** @type {HTMLElement} */ el, /** @type {HTMLElement[]} */ chain) => {
    const list = chain[chain.length - 1];
    if (el.tagName === 'LI' && list && list.tagName === 'OL') startOf.set(list, (startOf.get(list) ?? Number(list.getAttribute('start') || 1)) + 1);
  };

  /** The height the current page's notes take at its foot. */
  const notesHeight = () => (pageNotes ? pageNotes.parentElement.getBoundingClientRect().height : 0);
  /** The height the current page's text and notes take. */
  const used = () => pageBody.getBoundingClientRect().height + notesHeight();
  /** The share of the current page still free. */
  const freeShare = () => 1 - used() / H;
  const fits = () => used() <= H;

  /** Moves the bodies of footnotes first cited in `el` to this page's foot; returns them for undoing. */
  const attachNotes = (/** @type {Element} */ el) => {
    /** @type {HTMLElement[]} */ const moved = [];
    for (const a of el.querySelectorAll('a.fnref[href^="#"]')) {
      const li = notes.get(decodeURIComponent(a.getAttribute('href').slice(1)));
      if (!li || li.isConnected) continue;
      if (!pageNotes) {
        const foot = document.createElement('div');
        foot.className = 'page-notes';
        // No doc-endnotes role: Chromium would write the items of a list inside it as NonStruct instead of LI.
        pageNotes = document.createElement('ol');
        foot.append(pageNotes);
        pageBox.append(foot);
      }
      const number = /(\d+)$/.exec(li.id)?.[1] ?? a.textContent?.trim();
      if (number && /^\d+$/.test(number)) li.setAttribute('value', number);
      pageNotes.append(li);
      moved.push(li);
    }
    return moved;
  };
  const detachNotes = (/** @type {HTMLElement[]} */ moved) => {
    for (const li of moved) li.remove();
    if (pageNotes && pageNotes.children.length === 0) {
      pageNotes.parentElement.remove();
      pageNotes = null;
    }
  };
  /** Removes a placed block and any container clones it leaves empty (giving their id back). */
  const unplace = (/** @type {HTMLElement} */ el) => {
    let parent = el.parentElement;
    el.classList.remove('first-on-page');
    if (el.classList.length === 0) el.removeAttribute('class');
    el.remove();
    while (parent && parent !== pageBody && parent.children.length === 0) {
      const entry = open.find((o) => o.clone === parent);
      const up = parent.parentElement;
      parent.remove();
      if (entry) {
        open = open.slice(0, open.indexOf(entry));
        if (!entry.clone.classList.contains('continued')) idGiven.delete(entry.src);
      }
      parent = up;
    }
  };

  const lineHeight = (/** @type {HTMLElement} */ el) => {
    const cs = getComputedStyle(el);
    const lh = parseFloat(cs.lineHeight);
    return Number.isFinite(lh) ? lh : parseFloat(cs.fontSize) * 1.4;
  };
  const bottomLimit = () => pageBox.getBoundingClientRect().top + H - notesHeight();

  /** Splits a paragraph at the last line that fits (at least two lines on each side); returns the rest or null. */
  const splitParagraph = (/** @type {HTMLElement} */ p) => {
    const lh = lineHeight(p);
    const rect = p.getBoundingClientRect();
    if (rect.height < lh * 3.5) return null;
    /** @type {[Text, number][]} */ const candidates = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let t = /** @type {Text} */ (walker.nextNode()); t; t = /** @type {Text} */ (walker.nextNode())) {
      const re = /\s+/g;
      for (let m = re.exec(t.data); m; m = re.exec(t.data)) candidates.push([t, m.index + m[0].length]);
    }
    const bottomAt = (/** @type {number} */ k) => {
      const r = document.createRange();
      r.setStart(p, 0);
      r.setEnd(candidates[k][0], candidates[k][1]);
      const rects = [...r.getClientRects()].filter((c) => c.width > 0);
      return rects.length ? Math.max(...rects.map((c) => c.bottom)) : rect.top;
    };
    // What the page holds below the paragraph (its own bottom margin, the padding, border and margin
    // of the boxes around it, e.g. an analyst's note) stays below its first part too: the part must
    // end that much above the page's foot, or the page overflows and the part is cut off.
    const trail = Math.max(0, pageBody.getBoundingClientRect().bottom - rect.bottom);
    let limit = bottomLimit() - trail;
    let chosen = -1;
    for (let round = 0; round < 3; round++) {
      let lo = 0;
      let hi = candidates.length - 1;
      chosen = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (bottomAt(mid) <= limit - 1) {
          chosen = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (chosen < 0) return null;
      // The word after a break candidate starts the next line only if it is on a later line; keep 2+ lines.
      const linesBefore = Math.round((bottomAt(chosen) - rect.top) / lh);
      const linesAfter = Math.round(rect.height / lh) - linesBefore;
      if (linesBefore < 2) return null;
      if (linesAfter < 2) {
        // Pull one more line over so the next page does not start with a single widow line.
        const target = bottomAt(chosen) - lh * (2 - linesAfter);
        while (chosen > 0 && bottomAt(chosen) > target) chosen--;
        if (Math.round((bottomAt(chosen) - rect.top) / lh) < 2) return null;
      }
      const before = document.createRange();
      before.setStart(p, 0);
      before.setEnd(candidates[chosen][0], candidates[chosen][1]);
      const frag = before.cloneContents();
      const probe = document.createElement('div');
      probe.append(frag);
      const moved = attachNotes(probe);
      // Notes just attached make the page shorter: search again with the new limit.
      const newLimit = bottomLimit() - trail;
      detachNotes(moved);
      if (newLimit >= limit) break;
      limit = newLimit;
    }
    const tail = document.createRange();
    tail.setStart(candidates[chosen][0], candidates[chosen][1]);
    tail.setEndAfter(p.lastChild);
    const rest = /** @type {HTMLElement} */ (p.cloneNode(false));
    rest.removeAttribute('id');
    rest.classList.add('continued');
    rest.append(tail.extractContents());
    // extractContents leaves empty shells of split inline elements behind; harmless, but drop them.
    for (const empty of p.querySelectorAll(':empty:not(br):not(img)')) if (!empty.textContent) empty.remove();
    return rest;
  };

  /** Splits a table between rows (header repeated on each part); returns the rest or null. */
  const splitTable = (/** @type {HTMLTableElement} */ table) => {
    const rows = [...table.querySelectorAll(':scope > tbody > tr')];
    if (rows.length < 4) return null;
    const rest = /** @type {HTMLTableElement} */ (table.cloneNode(false));
    rest.removeAttribute('id');
    rest.classList.add('continued');
    const caption = table.querySelector(':scope > caption');
    if (caption) {
      // The caption again, without its note references (cited once) and with "(continued)".
      const again = /** @type {HTMLElement} */ (caption.cloneNode(true));
      for (const ref of again.querySelectorAll('a.fnref, .fnsep')) ref.remove();
      for (const withId of again.querySelectorAll('[id]')) withId.removeAttribute('id');
      if (cfg.continuedLabel) {
        const label = document.createElement('span');
        label.className = 'continued-label';
        label.textContent = cfg.continuedLabel;
        again.append(' ', label);
      }
      rest.append(again);
    }
    const thead = table.querySelector(':scope > thead');
    if (thead) rest.append(thead.cloneNode(true));
    const restBody = document.createElement('tbody');
    rest.append(restBody);
    // Move rows to the rest from the bottom until the table fits, keeping at least two rows here.
    let kept = rows.length;
    /** @type {HTMLElement[]} */ let moved = attachNotes(table);
    // The most rows that fit, at least two. A page only grows with rows (and their notes), so a binary search finds the
    // number that taking rows off the bottom one at a time finds, in a few layouts instead of one per row.
    // A row taken back goes where it was: after the node before it, which stays (the space between rows, or a row).
    const home = rows.map((r) => ({ parent: /** @type {HTMLElement} */ (r.parentElement), prev: r.previousSibling }));
    const keep = (/** @type {number} */ k) => {
      if (k === kept) return;
      detachNotes(moved);
      while (kept > k) restBody.prepend(rows[--kept]);
      for (; kept < k; kept++) {
        const { parent, prev } = home[kept];
        if (prev) prev.after(rows[kept]);
        else parent.prepend(rows[kept]);
      }
      moved = attachNotes(table);
    };
    if (cfg.oneByOne) while (kept > 2 && !fits()) keep(kept - 1);
    else if (!fits()) {
      let best = 2;
      for (let lo = 2, hi = rows.length - 1; lo <= hi; ) {
        const mid = (lo + hi) >> 1;
        keep(mid);
        if (fits()) {
          best = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      keep(best);
    }
    if (!fits()) {
      detachNotes(moved);
      for (const row of [...restBody.children]) rows[0].parentElement.append(row);
      return null;
    }
    if (kept === rows.length) return null;
    if (restBody.children.length < 2 && kept > 3) {
      detachNotes(moved);
      kept--;
      restBody.prepend(rows[kept]);
      attachNotes(table);
    }
    return rest;
  };

  /** Height a heading needs below it so it is not left alone at the foot of a page. */
  const neededAfter = (/** @type {number} */ i) => {
    const next = leaves[i + 1];
    if (!next || next.breakBefore) return 0;
    const parent = parentFor(next.chain);
    parent.append(next.el);
    const h = next.el.getBoundingClientRect().height;
    // Read while it is laid out here (a table's head and rows, once taken off the page, measure nothing).
    const need = keepsWithNext(next.el) ? undefined : neededOf(next.el, h);
    unplace(next.el);
    return need ?? h + neededAfter(i + 1);
  };
  /**
   * What a block of height h needs below a heading, laid out where it is: all of it, unless it can be split: two lines
   * of a paragraph, or a table's caption, head and two rows. (A block that keeps with the next adds what that needs.)
   */
  const neededOf = (/** @type {HTMLElement} */ el, /** @type {number} */ h) => {
    if (el.tagName === 'P' || el.tagName === 'LI') return Math.min(h, lineHeight(el) * 2.2);
    if (el.tagName === 'TABLE') {
      const head = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const cap = el.querySelector('caption')?.getBoundingClientRect().height ?? 0;
      const row = el.querySelector('tbody > tr')?.getBoundingClientRect().height ?? lineHeight(el);
      return Math.min(h, head + cap + row * 2);
    }
    return h;
  };

  /** Places one block, splitting or moving it to the next page as needed. */
  const place = (/** @type {HTMLElement} */ el, /** @type {HTMLElement[]} */ chain, /** @type {number} */ index, /** @type {boolean} */ retried) => {
    const parent = parentFor(chain);
    parent.append(el);
    // The first block of a page starts at its top edge: no margin above it.
    if (pageIsEmptyBefore(el)) el.classList.add('first-on-page');
    let moved = attachNotes(el);
    // Not when it was just carried to a new page (retried): it has the most room it can get there, and moving it on
    // would meet the same block again on the next page, without end (a heading before a block taller than a page).
    if (!retried && keepsWithNext(el) && !pageIsEmptyBefore(el)) {
      const room = bottomLimit() - el.getBoundingClientRect().bottom;
      if (room < neededAfter(index)) {
        detachNotes(moved);
        unplace(el);
        return moveToNextPage(el, chain, index);
      }
    }
    if (fits()) {
      placed.push({ el, chain, index, notes: moved });
      return countListItem(el, chain);
    }
    detachNotes(moved);
    const rest = el.tagName === 'P' || el.tagName === 'LI' ? splitParagraph(el) : el.tagName === 'TABLE' ? splitTable(/** @type {HTMLTableElement} */ (el)) : null;
    if (rest) {
      moved = attachNotes(el);
      if (fits()) {
        newPage();
        return place(rest, chain, index, false);
      }
      detachNotes(moved);
      // The first part still does not fit: the text split off goes back, so nothing is lost.
      el.append(...rest.childNodes);
      el.normalize();
    }
    if (pageIsEmptyBefore(el) || retried) {
      // Taller than a whole page and not splittable: print it cut off rather than loop forever.
      placed.push({ el, chain, index, notes: attachNotes(el) });
      warnings.push({ code: 'block-too-tall', what: describe(el), page: pages.length });
      return countListItem(el, chain);
    }
    unplace(el);
    moveToNextPage(el, chain, index);
  };
  /** Starts a new page with the block (already taken off this page); the headings and other
   * keep-with-next blocks just above it go along, unless that would leave this page empty. */
  const moveToNextPage = (/** @type {HTMLElement} */ el, /** @type {HTMLElement[]} */ chain, /** @type {number} */ index) => {
    let keep = placed.length;
    while (keep > 0 && keepsWithNext(placed[keep - 1].el)) keep--;
    const carried = keep > 0 ? placed.splice(keep) : [];
    for (const c of [...carried].reverse()) {
      detachNotes(c.notes);
      unplace(c.el);
    }
    newPage();
    for (const c of carried) place(c.el, c.chain, c.index, true);
    place(el, chain, index, true);
  };
  const pageIsEmptyBefore = (/** @type {HTMLElement} */ el) => {
    const first = firstLeaf(pageBody);
    return first === null || first === el;
  };
  /** @returns {Element | null} */
  const firstLeaf = (/** @type {Element} */ node) => {
    for (const child of node.children) {
      if (child.tagName === 'SECTION' || child.tagName === 'DIV' || child.tagName === 'NAV' || child.tagName === 'OL' || child.tagName === 'UL' || child.tagName === 'ARTICLE') {
        const inner = firstLeaf(child);
        if (inner) return inner;
      } else return child;
    }
    return null;
  };
  const describe = (/** @type {HTMLElement} */ el) =>
    el.id ? `#${el.id}` : el.querySelector('caption, figcaption')?.textContent?.trim().slice(0, 60) ?? el.tagName.toLowerCase();

  /**
   * Places leaves[start..end) (no forced break after the first, no cover) as one run: all are appended with their
   * notes and laid out once, and every block is kept whose one-by-one placing would have kept it whole on this page,
   * read from that one layout:
   *   - the page with the whole run fits, or the blocks from the first reaching below the foot are taken back until it
   *     fits (a page only grows as blocks are added, so a page that fits with k blocks fits with any fewer);
   *   - a block that keeps with the next (a heading) has the room below it that place() asks for (neededAfter), read
   *     with all the run's notes at the foot, so with no more room than one-by-one placing had: when that room is
   *     enough, it was enough then. Where the room is short, or the blocks it needs are not in the run, the run
   *     ends before it and place() decides.
   * Returns how many blocks were placed; the next goes through place(), which splits it or starts the next page.
   * Each block is laid out once on its page instead of once or more for every decision about it (most of the cost).
   */
  const placeRun = (/** @type {number} */ start, /** @type {number} */ end) => {
    /** @type {{ open: typeof open, ids: Set<HTMLElement>, starts: Map<HTMLElement, number> }[]} */
    const before = [];
    /** @type {{ el: HTMLElement, chain: HTMLElement[], index: number, notes: HTMLElement[] }[]} */
    const run = [];
    /** @type {boolean[]} */ const first = [];
    for (let j = start; j < end; j++) {
      const { el, chain } = leaves[j];
      before.push({ open: open.slice(), ids: new Set(idGiven), starts: new Map(startOf) });
      parentFor(chain).append(el);
      first.push(pageIsEmptyBefore(el));
      if (first[first.length - 1]) el.classList.add('first-on-page');
      run.push({ el, chain, index: j, notes: attachNotes(el) });
      countListItem(el, chain);
    }
    // All reads from one layout.
    const whole = fits();
    const limit = bottomLimit();
    const bottoms = run.map((r) => r.el.getBoundingClientRect().bottom);
    let n = run.length;
    if (!whole) {
      n = bottoms.findIndex((b) => b > limit);
      if (n < 0) n = run.length - 1;
    }
    /** What neededAfter(j) measures, from this layout; Infinity when it needs a block the run does not hold. */
    const neededHere = (/** @type {number} */ j) => {
      const next = leaves[j + 1];
      if (!next || next.breakBefore) return 0;
      if (j + 1 >= end) return Infinity;
      const h = next.el.getBoundingClientRect().height;
      return keepsWithNext(next.el) ? h + neededHere(j + 1) : neededOf(next.el, h);
    };
    for (let k = 0; k < n; k++) {
      if (first[k] || !keepsWithNext(run[k].el)) continue;
      if (limit - bottoms[k] < neededHere(start + k)) {
        n = k;
        break;
      }
    }
    const takeBackTo = (/** @type {number} */ keep) => {
      while (run.length > keep) {
        const r = /** @type {(typeof run)[number]} */ (run.pop());
        detachNotes(r.notes);
        unplace(r.el);
      }
      const state = before[keep];
      open = state.open;
      idGiven.clear();
      for (const src of state.ids) idGiven.add(src);
      startOf.clear();
      for (const [list, at] of state.starts) startOf.set(list, at);
    };
    if (n < run.length) {
      takeBackTo(n);
      // Taken back because the page did not fit: the rest must fit now (one more layout), else one more goes.
      if (!whole) while (n > 0 && !fits()) takeBackTo(--n);
    }
    for (const r of run) placed.push(r);
    return n;
  };

  for (let i = 0; i < leaves.length; ) {
    const leaf = leaves[i];
    if (leaf.el.matches('.cover')) {
      newPage(true);
      pageBody.append(leaf.el);
      attachNotes(leaf.el);
      newPage();
      i++;
      continue;
    }
    if (pages.length === 0) newPage();
    if (leaf.breakBefore && !pageIsEmpty() && (leaf.room >= 1 || freeShare() < leaf.room)) newPage();
    // The run: the blocks that should fit the rest of the page by their guessed heights, up to the next forced break;
    // not ending on a block that keeps with the next, which place() then decides with the block after it.
    let end = i;
    if (!cfg.oneByOne) {
      let room = H - used();
      while (end < leaves.length && (end === i || (!leaves[end].breakBefore && !leaves[end].el.matches('.cover'))) && ((room -= leaves[end].height) >= 0 || cfg.greedyRuns)) end++;
      while (end > i && end < leaves.length && keepsWithNext(leaves[end - 1].el) && !leaves[end].breakBefore) end--;
    }
    if (end - i > 1) {
      const n = placeRun(i, end);
      const all = n === end - i;
      i += n;
      if (all) continue;
    }
    place(leaves[i].el, leaves[i].chain, i, false);
    i++;
  }
  // A page left empty at the end (e.g. after a cover with nothing following) is not printed.
  while (pages.length > 1 && pageIsEmptyOf(pages[pages.length - 1])) pages.pop()?.remove();
  function pageIsEmptyOf(/** @type {HTMLElement} */ box) {
    return box.textContent.trim() === '' && !box.querySelector('svg, img, table');
  }

  // 4. Page numbers: of every id'd target, and in the contents.
  /** @type {Record<string, number>} */
  const pageOf = {};
  pages.forEach((box, i) => {
    for (const el of box.querySelectorAll('[id]')) if (!(el.id in pageOf)) pageOf[el.id] = i + 1;
  });
  for (const a of document.querySelectorAll('.toc a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    const slot = a.querySelector('.toc-page');
    if (slot) slot.textContent = id in pageOf ? String(pageOf[id]) : '';
  }
  const notePage = {};
  for (const [id, li] of notes) notePage[id] = li.isConnected ? pageOf[id] ?? 0 : 0;

  // 5. How full each page is: the height its text and notes take, as a share of the page's; the cover is full.
  const fill = pages.map((box) => {
    if (box.classList.contains('page-cover')) return 1;
    const body = /** @type {HTMLElement} */ (box.querySelector('.page-body'));
    const foot = box.querySelector('.page-notes');
    const used = (body ? body.getBoundingClientRect().height : 0) + (foot ? foot.getBoundingClientRect().height : 0);
    return Math.round((1000 * Math.min(used, H)) / H) / 1000;
  });

  // 6. Text that does not fit its box (a long Russian or Kazakh word in a narrow column, a chart label past the
  // chart's edge) would be cut off or run into its neighbour on paper: each is a warning naming its page.
  pages.forEach((box, i) => {
    const right = box.getBoundingClientRect().right + 1;
    for (const el of box.querySelectorAll('th, td, caption, figcaption, h1, h2, h3, p, li, .toc-title, .masthead-title')) {
      const h = /** @type {HTMLElement} */ (el);
      // Layout reads first (the layout is clean, so they are cheap); styles only for a box that overflows.
      if (!(h.scrollWidth > h.clientWidth + 1 || h.getBoundingClientRect().right > right)) continue;
      if (h.closest('details:not([open])')) continue;
      const style = getComputedStyle(h);
      if (style.overflowX === 'hidden' && style.textOverflow === 'ellipsis') continue;
      warnings.push({ code: 'text-overflow', what: (h.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60), page: i + 1 });
    }
    for (const svg of box.querySelectorAll('figure svg')) {
      const frame = svg.getBoundingClientRect();
      for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        if (r.width === 0) continue;
        // Past the chart's edge, or cut short by Vega's label limit (it ends the label with "…").
        if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.right > right || /…$/.test((t.textContent ?? '').trim()))
          warnings.push({ code: 'text-overflow', what: `chart label “${(t.textContent ?? '').trim().slice(0, 40)}”`, page: i + 1 });
      }
    }
  });
  return { pages: pages.length, pageOf, warnings, missingNotes, fill, coverPages: pages.filter((p) => p.classList.contains('page-cover')).length };
}
