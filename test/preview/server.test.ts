import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { tinyProject, type TinyProject } from './fixture.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent exactly as written: `fetch` and browsers would collapse `..` before sending. */
function raw(url: string, target: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: target, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Bytes on a socket, for request lines the HTTP client refuses to send (NUL, raw backslash). */
function rawSocket(url: string, requestLine: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname, () => {
      s.write(`${requestLine}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    s.on('data', (d) => (data += d.toString('latin1')));
    s.on('end', () => resolve(data));
    s.on('error', reject);
  });
}

describe('preview server over HTTP', () => {
  let project: TinyProject;
  let server: PreviewServer;
  const logs: string[] = [];

  beforeAll(async () => {
    project = await tinyProject();
    server = await startPreview({
      host: '127.0.0.1',
      port: 0,
      watch: project.watch,
      render: project.render,
      outDir: project.outDir,
      log: (l) => logs.push(l),
    });
  });
  afterAll(async () => {
    await server?.close();
    await project?.remove();
  });

  it('listens on 127.0.0.1 only and names the actual port', async () => {
    const { hostname, port } = new URL(server.url);
    expect(hostname).toBe('127.0.0.1');
    expect(Number(port)).toBeGreaterThan(0);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    for (const address of others) {
      await expect(
        new Promise((resolve, reject) => {
          const s = connect(Number(port), address, () => {
            s.destroy();
            resolve('connected');
          });
          s.on('error', reject);
        }),
      ).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  it('serves the draft with the preview UI and safe headers', async () => {
    const r = await raw(server.url, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('border_arrivals in 2023-Q4: 1334101.');
    expect(r.body).toContain('new EventSource');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(r.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Every script in the page is ours and carries the nonce.
    const scripts = r.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  });

  it('answers HEAD with headers and no body', async () => {
    const r = await raw(server.url, '/', 'HEAD');
    expect(r.status).toBe(200);
    expect(r.body).toBe('');
    expect(Number(r.headers['content-length'])).toBeGreaterThan(0);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and Allow', async (method) => {
    const r = await raw(server.url, '/', method);
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
  });

  it('serves a file from the output folder', async () => {
    const r = await raw(server.url, '/logo.svg');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/svg+xml');
    expect(r.body).toContain('<svg');
  });

  it.each([
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/..%2f..%2fpackage.json',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/%252e%252e/package.json',
    '/%252e%252e%252f%252e%252e%252fpackage.json',
    '/..\\package.json',
    '/..%5c..%5cpackage.json',
    '/logo.svg%00.html',
    '/../../secret.txt',
  ])('refuses %s', async (target) => {
    const r = await raw(server.url, target);
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body).not.toMatch(/secret/);
  });

  it.each(['GET /..\\..\\package.json HTTP/1.1', 'GET /logo.svg\0 HTTP/1.1', 'GET ../package.json HTTP/1.1'])(
    'refuses the raw request line %j',
    async (line) => {
      const reply = await rawSocket(server.url, line);
      expect(reply).toMatch(/^HTTP\/1\.1 (400|403|404)/);
      expect(reply).not.toMatch(/secret/);
    },
  );

  it('refuses a request naming another host (DNS rebinding)', async () => {
    const r = await raw(server.url, '/', 'GET', { Host: 'evil.example:80' });
    expect(r.status).toBe(403);
  });

  it('reports findings and the self-check in /__status', async () => {
    const r = await raw(server.url, '/__status');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    const status = JSON.parse(r.body);
    expect(status.state).toBe('ok');
    expect(status.findings).toEqual([
      { severity: 'warning', location: 'data/observations/arrivals.csv:2:27', message: 'published total differs' },
    ]);
    expect(status.selfCheck).toEqual({ ok: true, problems: [] });
  });

  it('says the PDF is unavailable when no printer is given', async () => {
    const r = await raw(server.url, '/report.pdf');
    expect(r.status).toBe(404);
    expect(r.body).toContain('cannot print a PDF');
  });
});

describe('preview server lifecycle', () => {
  it('starts with a broken draft, then recovers, and rejects a taken port with a user error', async () => {
    const project = await tinyProject();
    await project.writeRows([['border_arrivals', '2023-Q4', 'oops']]);
    const server = await startPreview({
      host: '127.0.0.1',
      port: 0,
      watch: project.watch,
      render: project.render,
      outDir: project.outDir,
    });
    try {
      let status = JSON.parse((await raw(server.url, '/__status')).body);
      expect(status.state).toBe('error');
      expect(status.error.location).toBe('data/observations/arrivals.csv:2:25');
      const port = Number(new URL(server.url).port);
      await expect(
        startPreview({ host: '127.0.0.1', port, watch: project.watch, render: project.render, outDir: project.outDir }),
      ).rejects.toMatchObject({ code: 'preview/port-in-use' });
      await project.writeRows([['border_arrivals', '2023-Q4', '5']]);
      await expect
        .poll(async () => JSON.parse((await raw(server.url, '/__status')).body).state, { timeout: 2000 })
        .toBe('ok');
      status = JSON.parse((await raw(server.url, '/__status')).body);
      expect(status.version).toBe(1);
      expect((await raw(server.url, '/')).body).toContain('border_arrivals in 2023-Q4: 5.');
    } finally {
      await server.close();
      await project.remove();
    }
  });

  it('survives a renderer that throws, keeping the last good render', async () => {
    const project = await tinyProject();
    let fail = false;
    const server = await startPreview({
      host: '127.0.0.1',
      port: 0,
      watch: project.watch,
      render: async (changed) => {
        if (fail) throw new Error('boom <b>');
        return project.render(changed);
      },
      outDir: project.outDir,
    });
    try {
      fail = true;
      await project.writeRows([['border_arrivals', '2023-Q4', '7']]);
      await expect
        .poll(async () => JSON.parse((await raw(server.url, '/__status')).body).state, { timeout: 2000 })
        .toBe('error');
      const status = JSON.parse((await raw(server.url, '/__status')).body);
      expect(status.error.message).toContain('boom <b>');
      expect((await raw(server.url, '/')).body).toContain('border_arrivals in 2023-Q4: 1334101.');
    } finally {
      await server.close();
      await project.remove();
    }
  });
});
