// The preview server: renders the draft on every change, serves the last good render with a live-reload
// UI, and shows errors in an overlay instead of dying.
//
//   fs.watch(data, templates, styles) ─debounce─► render(changed) (one at a time)
//        ok  ─► last good HTML, version+1 ─► SSE "reload" ─► page reloads, keeps its scroll
//        err ─► keep last good HTML       ─► SSE "error-report" ─► overlay (file:line:column, hint)
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { UserError, formatLocation, isUserError, userErrorsOf } from '../errors.ts';
import { previewMessages } from '../messages/index.ts';
import { withPrintStyles } from '../publish/pdf.ts';
import { injectPreviewUi, placeholderPage, printRulesOnScreen, type ClientState, type SelfCheckState } from './client.ts';
import { requestPath, resolveInside } from './paths.ts';
import { serialQueue, watchFolders } from './watch.ts';

export interface Finding {
  severity: string;
  location: string;
  message: string;
}

export interface RenderError {
  location?: string; // file:line:column
  message: string;
  hint?: string;
  /** 'self-check': the figures of a sentence disagree with their facts (the badge turns red). */
  kind?: 'self-check';
}

export type RenderOutcome =
  | {
      ok: true;
      html: string;
      printHtml?: string;
      findings: Finding[];
      selfCheck: SelfCheckState;
      /** What the PDF stage adds to printHtml: the print stylesheet, running header and footer. */
      print?: { css: string; headerText: string; pageLabel: string };
    }
  | { ok: false; error: RenderError };

export interface PreviewOptions {
  host: string;
  port: number;
  /** Folders whose changes re-render the draft: data, templates, styles. */
  watch: string[];
  /** Renders the draft; `changed` lists the absolute paths changed since the last render (empty at first). */
  render: (changed: string[]) => Promise<RenderOutcome>;
  printPdf?: () => Promise<Uint8Array>;
  /** The only folder the preview writes to and serves files from. */
  outDir: string;
  log?: (line: string) => void;
  /** Quiet time after the last file event before rendering. */
  debounceMs?: number;
  /** The languages the draft can be shown in: `/?lang=ru` switches it (and re-renders) before serving the page. */
  languages?: { langs: string[]; current: () => string; select: (lang: string) => void };
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export interface PreviewStatus {
  state: 'ok' | 'error' | 'pending';
  version: number;
  renders: number;
  lastRenderMs?: number;
  findings: Finding[];
  selfCheck: SelfCheckState;
  error?: RenderError;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Scripts run only with this response's nonce: the report itself needs none, the preview UI has it. */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'", // the report's inline <style> and SVG style attributes
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export async function startPreview(opts: PreviewOptions): Promise<PreviewServer> {
  const log = opts.log ?? (() => {});
  const outDir = path.resolve(opts.outDir);
  await mkdir(outDir, { recursive: true });

  // 1. State: the last good render is kept whatever happens later.
  let good: Extract<RenderOutcome, { ok: true }> | undefined;
  let version = 0;
  let renders = 0;
  let lastRenderMs: number | undefined;
  let currentError: RenderError | undefined;
  const clients = new Set<ServerResponse>();

  const broadcast = (event: string, data: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const c of clients) c.write(frame);
  };

  // 2. Rendering, one at a time.
  const renderOnce = async (changed: string[]) => {
    const started = performance.now();
    let outcome: RenderOutcome;
    try {
      outcome = await opts.render(changed);
    } catch (e) {
      outcome = { ok: false, error: errorOf(e) };
    }
    renders++;
    lastRenderMs = performance.now() - started;
    if (outcome.ok) {
      good = outcome;
      currentError = undefined;
      version++;
      // A copy on disk for looking at the raw output; never outside outDir.
      await writeFile(path.join(outDir, 'index.html'), outcome.html).catch(() => {});
      log(`rendered in ${Math.round(lastRenderMs)} ms${changed.length ? ` (${changed.length} changed)` : ''}`);
      broadcast('reload', { version });
    } else {
      currentError = outcome.error;
      log(`error: ${outcome.error.location ? outcome.error.location + ': ' : ''}${outcome.error.message}`);
      broadcast('error-report', outcome.error);
    }
  };
  const queue = serialQueue(renderOnce);

  // 3. The first render, before anyone connects; a broken draft still starts the server.
  await queue.push([]);

  // 4. Watching.
  const watcher = watchFolders(opts.watch, (changed) => void queue.push(changed), {
    debounceMs: opts.debounceMs ?? 50,
    onError: (folder, e) => log(`warning: stopped watching ${folder}: ${e.message}`),
  });
  for (const m of watcher.missing) log(`note: ${m} does not exist, not watched`);
  if (watcher.missing.length === opts.watch.length && opts.watch.length > 0) {
    watcher.close();
    throw new UserError(previewMessages.nothingToWatch(opts.watch));
  }

  const status = (): PreviewStatus => ({
    state: currentError ? 'error' : good ? 'ok' : 'pending',
    version,
    renders,
    lastRenderMs,
    findings: good?.findings ?? [],
    selfCheck: good?.selfCheck ?? { ok: true, problems: [] },
    error: currentError,
  });

  // 5. HTTP.
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log(`unexpected error serving ${req.url}: ${(e as Error).message}`);
      if (!res.headersSent) send(res, req, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  let allowedHosts: Set<string> = new Set();
  let checkHost = true;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, req, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    }
    // A page on another site must not read the draft through a name that resolves here (DNS rebinding).
    if (checkHost && !allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return send(res, req, 403, 'text/plain; charset=utf-8', 'forbidden host\n');
    }
    const target = requestPath(req.url ?? '');
    if (!target.ok) return send(res, req, target.status, 'text/plain; charset=utf-8', 'refused\n');
    const query = new URL(req.url ?? '/', 'http://preview.invalid').searchParams;

    switch (target.path) {
      case '/':
      case '/index.html':
      case '/print': {
        const lang = query.get('lang');
        if (lang !== null && opts.languages && lang !== opts.languages.current()) {
          if (!opts.languages.langs.includes(lang)) {
            const m = previewMessages.unknownLanguage(lang, opts.languages.langs);
            return send(res, req, 400, 'text/plain; charset=utf-8', `${m.message} (hint: ${m.hint})\n`);
          }
          opts.languages.select(lang);
          log(`language: ${lang}`);
          await queue.push([]);
        }
        return page(req, res, target.path === '/print' ? 'print' : 'html');
      }
      case '/__status':
        return send(res, req, 200, 'application/json; charset=utf-8', JSON.stringify(status()));
      case '/__events':
        return events(req, res, Number(query.get('v')));
      case '/report.pdf':
        return pdf(req, res);
    }
    const resolved = await resolveInside(outDir, target.path);
    // Browsers ask for an icon on their own; an empty answer keeps the console clean.
    if (!resolved.ok && target.path === '/favicon.ico') return send(res, req, 204, 'image/x-icon', '');
    if (!resolved.ok) return send(res, req, resolved.status, 'text/plain; charset=utf-8', 'not found\n');
    const info = await stat(resolved.file);
    if (!info.isFile()) return send(res, req, 404, 'text/plain; charset=utf-8', 'not found\n');
    setCommonHeaders(res, MIME[path.extname(resolved.file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('Content-Length', info.size);
    res.statusCode = 200;
    if (req.method === 'HEAD') return void res.end();
    createReadStream(resolved.file).pipe(res);
  }

  function page(req: IncomingMessage, res: ServerResponse, view: 'html' | 'print') {
    const nonce = randomBytes(16).toString('base64');
    let html = placeholderPage();
    if (good && view === 'html') html = good.html;
    if (good && view === 'print') {
      const printHtml = good.printHtml ?? good.html;
      html = printRulesOnScreen(good.print ? withPrintStyles(printHtml, good.print.css) : printHtml);
    }
    const state: ClientState = {
      view,
      version,
      findings: good?.findings ?? [],
      selfCheck: good?.selfCheck ?? { ok: true, problems: [] },
      print: good?.print && { headerText: good.print.headerText, pageLabel: good.print.pageLabel },
      ...(opts.languages ? { languages: { current: opts.languages.current(), langs: opts.languages.langs } } : {}),
    };
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    send(res, req, 200, 'text/html; charset=utf-8', injectPreviewUi(html, state, nonce));
  }

  function events(req: IncomingMessage, res: ServerResponse, clientVersion: number) {
    setCommonHeaders(res, 'text/event-stream; charset=utf-8');
    res.setHeader('Connection', 'keep-alive');
    res.statusCode = 200;
    if (req.method === 'HEAD') return void res.end();
    res.flushHeaders();
    res.write('retry: 500\n\n');
    // A render that finished between the page load and this connection must not be missed.
    if (clientVersion !== version) res.write(`event: reload\ndata: ${JSON.stringify({ version })}\n\n`);
    else if (currentError) res.write(`event: error-report\ndata: ${JSON.stringify(currentError)}\n\n`);
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  async function pdf(req: IncomingMessage, res: ServerResponse) {
    if (!opts.printPdf) {
      const m = previewMessages.noPdf();
      return send(res, req, 404, 'text/plain; charset=utf-8', `${m.message} (hint: ${m.hint})\n`);
    }
    if (!good) {
      const m = previewMessages.noGoodRender();
      return send(res, req, 409, 'text/plain; charset=utf-8', `${m.message} (hint: ${m.hint})\n`);
    }
    // Print between renders, so the PDF is of one consistent draft.
    await queue.idle();
    try {
      const bytes = await opts.printPdf();
      res.setHeader('Content-Disposition', 'inline; filename="report.pdf"');
      send(res, req, 200, 'application/pdf', Buffer.from(bytes));
    } catch (e) {
      const m = previewMessages.pdfFailed(errorOf(e).message);
      send(res, req, 500, 'text/plain; charset=utf-8', `${m.message} (hint: ${m.hint})\n`);
    }
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    watcher.close();
    queue.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(previewMessages.portInUse(opts.host, opts.port));
    throw new UserError(previewMessages.cannotListen(opts.host, opts.port, (e as Error).message));
  }
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostInUrl}:${address.port}/`;
  allowedHosts = new Set([`${hostInUrl}:${address.port}`, `localhost:${address.port}`, `127.0.0.1:${address.port}`]);
  if (opts.host !== address.address) allowedHosts.add(`${opts.host.toLowerCase()}:${address.port}`);
  // Reached from other machines under whatever name they use, the host check cannot help.
  checkHost = isLoopback(address.address);

  let closed = false;
  return {
    url,
    async close() {
      if (closed) return;
      closed = true;
      watcher.close();
      queue.close();
      for (const c of clients) c.end();
      clients.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await done;
      await queue.idle();
    },
  };
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';
}

function setCommonHeaders(res: ServerResponse, contentType: string) {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (!res.hasHeader('Content-Security-Policy')) {
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  }
}

function send(res: ServerResponse, req: IncomingMessage, status: number, contentType: string, body: string | Buffer) {
  setCommonHeaders(res, contentType);
  res.statusCode = status;
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A thrown error as the overlay shows it: located user errors keep their place and hint. */
export function errorOf(e: unknown): RenderError {
  if (isUserError(e)) {
    const [first, ...rest] = userErrorsOf(e);
    const more = rest.length ? ` ${previewMessages.moreErrors(rest.length)}` : '';
    return { location: formatLocation(first.at) || undefined, message: first.message + more, hint: first.hint };
  }
  const m = previewMessages.unexpectedRenderFailure((e as Error)?.message ?? String(e));
  return { message: m.message, hint: m.hint };
}
