// No network (README, "What the outputs look like"; reliability check defect 4): a PDF build runs under
// `strace -f -e trace=network` and fails on any DNS lookup or inet traffic from migreport or Chromium.
// Allowed: AF_UNIX and netlink sockets (local), and Chromium's IPv6 reachability probe, a UDP connect()
// to 2001:4860:4860::8888 port 443 that only asks the kernel for a route: no packet is sent (any send
// on a UDP or TCP socket would be reported, the probe's included).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'bin', 'migreport.js');
const work = mkdtempSync(join(tmpdir(), 'migreport-no-network-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// scripts/ensure-chromium.sh --with-strace (run by `npm test`) installs strace where it can.
const strace = spawnSync('strace', ['-f', '-qq', '-e', 'trace=network', 'true'], { encoding: 'utf8' });
const straceWorks = strace.status === 0;
if (!straceWorks) console.warn(`no-network test skipped: strace cannot run here (${(strace.error?.message ?? strace.stderr).trim()})`);

const PROBE = /inet_pton\(AF_INET6, "2001:4860:4860::8888"|inet_addr\("8\.8\.8\.8"\)/;

/**
 * Lines of the trace (strace -yy: each descriptor annotated with its protocol, e.g. 22<UDPv6:[…]>)
 * that show a lookup or traffic leaving the machine: any use of an inet socket (TCP, UDP, raw, v4 or
 * v6) or an inet address, except the UDP connect() of Chromium's reachability probe.
 */
function networkUse(trace: string): string[] {
  return trace.split('\n').filter((l) => {
    const call = /^\d+\s+(connect|sendto|sendmsg|sendmmsg|bind|listen|accept4?|<\.\.\. (?:connect|sendto|sendmsg|sendmmsg) resumed>)/.exec(l);
    if (!call) return false;
    if (/htons\(53\)/.test(l)) return true; // DNS
    const inet = /<(TCP|UDP|RAW)(v6)?:/.test(l) || /AF_INET6?\b/.test(l);
    if (!inet) return false; // AF_UNIX, netlink: local
    if (call[1] === 'connect' && /<UDPv?6?:/.test(l) && PROBE.test(l) && /htons\(443\)/.test(l)) return false;
    return true;
  });
}

describe.skipIf(!straceWorks)('no network while printing', () => {
  it('a PDF build of the sample makes no DNS lookup and no inet connection', () => {
    const trace = join(work, 'trace.txt');
    const r = spawnSync('strace', ['-f', '-qq', '-yy', '-e', 'trace=network', '-e', 'signal=none', '-s', '120', '-o', trace, process.execPath, cli, 'build', '--out', join(work, 'out'), '--period', '2023-Q4'], {
      cwd: repo,
      env: { ...process.env, CI: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    expect(networkUse(readFileSync(trace, 'utf8'))).toEqual([]);
  }, 120_000);

  it('the check itself sees a DNS lookup and a connection', () => {
    expect(
      networkUse(
        [
          '12 connect(25<UDP:[0.0.0.0:33606]>, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
          '13 connect(7<TCP:[10.0.0.2:40000]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.1.1")}, 16) = -1 EINPROGRESS',
          '14 connect(9<UDPv6:[[::]:34100]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
          '15 connect(3<UNIX:[123]>, {sa_family=AF_UNIX, sun_path="/tmp/x"}, 110) = 0',
          '16 sendto(22<NETLINK:[ROUTE:23864]>, [{nlmsg_len=64, nlmsg_type=RTM_GETADDR}], 64, MSG_NOSIGNAL, NULL, 0) = 64',
        ].join('\n'),
      ),
    ).toHaveLength(2);
  });
});

describe('a request the page makes is blocked and named', () => {
  it('a remote url() in the project styles is a warning naming the URL, and the PDF is built', () => {
    const project = join(work, 'project');
    cpSync(join(repo, 'templates'), join(project, 'templates'), { recursive: true });
    cpSync(join(repo, 'styles'), join(project, 'styles'), { recursive: true });
    const css = join(project, 'styles', 'print.css');
    writeFileSync(css, readFileSync(css, 'utf8') + '\nbody { background: url("http://127.0.0.1:18999/bg.png"); }\n');
    const r = spawnSync(process.execPath, [cli, 'build', '--data', join(repo, 'data'), '--out', join(work, 'out2'), '--period', '2023-Q4'], {
      cwd: project,
      env: { ...process.env, CI: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('[publish/blocked-request]'))).toEqual([
      'warning: the page asked for http://127.0.0.1:18999/bg.png, which printing blocked: the PDF lacks it, and the HTML loads it when opened (hint: put the resource in the report itself (a data: URL), or remove the reference from styles/ or templates/) [publish/blocked-request]',
    ]);
  });
});

