// Browser discovery (table-driven over a fake machine) and clean start/close of the real Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { type BrowserLookup, findBrowser, installCommand, startBrowser } from '../../src/publish/browser.ts';

const machine = (over: Partial<BrowserLookup> & { executables?: string[] }): BrowserLookup => ({
  env: {},
  platform: 'linux',
  isRoot: false,
  managedBrowsers: () => [],
  isExecutable: (p) => (over.executables ?? []).includes(p),
  ...over,
});

describe('findBrowser', () => {
  it.each([
    ['PUPPETEER_EXECUTABLE_PATH first', machine({ env: { PUPPETEER_EXECUTABLE_PATH: '/opt/c/chrome' }, executables: ['/opt/c/chrome', '/usr/bin/chromium'] }), '/opt/c/chrome', 'env'],
    ['/usr/bin/chromium before Chrome', machine({ executables: ['/usr/bin/google-chrome', '/usr/bin/chromium'] }), '/usr/bin/chromium', 'system'],
    ['chromium-browser', machine({ executables: ['/usr/bin/chromium-browser'] }), '/usr/bin/chromium-browser', 'system'],
    ['google-chrome-stable', machine({ executables: ['/usr/bin/google-chrome-stable'] }), '/usr/bin/google-chrome-stable', 'system'],
    ['macOS Chrome', machine({ platform: 'darwin', executables: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'] }), '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'system'],
    ['newest managed browser', machine({ managedBrowsers: () => ['/c/chrome/linux-1/chrome', '/c/chrome/linux-2/chrome'], executables: ['/c/chrome/linux-1/chrome', '/c/chrome/linux-2/chrome'] }), '/c/chrome/linux-2/chrome', 'puppeteer-cache'],
  ])('%s', (_, lookup, path, source) => {
    expect(findBrowser(lookup)).toEqual({ path, source });
  });

  it.each([
    [false, 'sudo apt-get install -y chromium'],
    [true, 'apt-get install -y chromium'],
  ])('with no browser (root: %s) stops with the command to run', (isRoot, command) => {
    const run = () => findBrowser(machine({ isRoot }));
    expect(run).toThrow(UserError);
    try {
      run();
    } catch (e) {
      expect((e as UserError).code).toBe('publish/no-browser');
      expect((e as UserError).hint).toContain(`install one with: ${command} —`);
    }
  });

  it('does not fall back when PUPPETEER_EXECUTABLE_PATH names nothing', () => {
    expect(() => findBrowser(machine({ env: { PUPPETEER_EXECUTABLE_PATH: '/nope' }, executables: ['/usr/bin/chromium'] }))).toThrow(
      /PUPPETEER_EXECUTABLE_PATH is "\/nope"/,
    );
  });

  it('names the install command per platform', () => {
    expect(installCommand('darwin', false)).toBe('brew install --cask chromium');
    expect(installCommand('linux', true)).toBe('apt-get install -y chromium');
  });
});

const chromiumProcesses = (marker: string) =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(marker)).length;

describe('startBrowser', () => {
  it('starts Chromium and leaves no process and no profile behind after close', async () => {
    const handle = await startBrowser();
    expect(chromiumProcesses(handle.userDataDir)).toBeGreaterThan(0);
    expect(await handle.browser.version()).toMatch(/Chrom/);
    await handle.close();
    await handle.close(); // twice is harmless
    expect(chromiumProcesses(handle.userDataDir)).toBe(0);
    expect(existsSync(handle.userDataDir)).toBe(false);
  });

  it("removes the folder Chromium keeps its socket in (org.chromium.Chromium.*), which the killed browser cannot", async () => {
    const handle = await startBrowser();
    const socketFolder = dirname(readlinkSync(join(handle.userDataDir, 'SingletonSocket')));
    expect(existsSync(socketFolder)).toBe(true);
    await handle.close();
    expect(existsSync(socketFolder)).toBe(false);
  });

  it('opens no page of its own user interface: only the tab to print in', async () => {
    // Chromium 156 preloads its omnibox popup as a WebUI page even headless: a renderer of its own that took about
    // 0.9 s of CPU at every start here. Disabled by feature (as Puppeteer does); a page of that kind would show here.
    const handle = await startBrowser();
    try {
      await new Promise((r) => setTimeout(r, 500));
      const session = await handle.browser.target().createCDPSession();
      const { targetInfos } = await session.send('Target.getTargets');
      expect(targetInfos.map((t) => `${t.type} ${t.url}`)).toEqual(['page about:blank']);
    } finally {
      await handle.close();
    }
  });

  it('reports a browser that cannot start as a user error', async () => {
    await expect(startBrowser({ path: '/bin/false', source: 'env' })).rejects.toMatchObject({ code: 'publish/browser-launch-failed' });
  });
});
