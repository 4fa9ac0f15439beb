// Finds and starts the Chromium that prints the PDF, and makes sure it is closed on every path.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Browser, ConnectionTransport, Page } from 'puppeteer-core';
import { UserError } from '../errors.ts';
import { importPackage } from '../external.ts';
import { publishMessages } from '../messages/index.ts';
import { onInterrupt, processAlive } from './interrupt.ts';

/** Where browsers usually are; scripts/ensure-chromium.sh keeps the same list for Linux. */
export const usualBrowserPaths: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/**
 * Flags for printing only: nothing in the background may reach the network or slow start-up.
 * The services that looked up accounts.google.com, update.googleapis.com and clients2.google.com on
 * every build (reliability check defect 4) are switched off, and every host name resolves to nothing
 * (`--host-resolver-rules`), so no DNS query leaves even for a service these flags do not name.
 * test/publish/no-network.test.ts runs a build under strace and fails on any inet socket use.
 */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--disable-client-side-phishing-detection',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-extensions',
  '--disable-component-extensions-with-background-pages',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--safebrowsing-disable-auto-update',
  '--password-store=basic',
  '--use-mock-keychain',
  '--dns-prefetch-disable',
  // A batch prints in two tabs, one of them in the background: neither is throttled or given a lower priority.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-features=OptimizationHints,MediaRouter,DialMediaRouteProvider,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,SafeBrowsing,NetworkTimeServiceQuerying,InterestFeedContentSuggestions,AsyncDns,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIReloadButton',
  // Loopback stays reachable for the preview's own page; nothing else resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]',
];

export interface FoundBrowser {
  path: string;
  source: 'env' | 'system' | 'puppeteer-cache';
}

export interface BrowserLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  isExecutable: (path: string) => boolean;
  /** Puppeteer's managed browsers, newest last. */
  managedBrowsers: () => string[];
  isRoot: boolean;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Puppeteer's download cache (`npx puppeteer browsers install chrome`); a directory listing, so cheap. */
function managedBrowsers(env: NodeJS.ProcessEnv = process.env): string[] {
  const cache = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
  const binaries: Record<string, string> = {
    linux: 'chrome-linux64/chrome',
    darwin: 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    win32: 'chrome-win64/chrome.exe',
  };
  const found: string[] = [];
  for (const kind of ['chrome', 'chromium']) {
    const dir = join(cache, kind);
    if (!existsSync(dir)) continue;
    for (const version of readdirSync(dir).sort()) {
      const rel = binaries[process.platform];
      if (rel) found.push(join(dir, version, rel));
    }
  }
  return found;
}

const systemLookup = (): BrowserLookup => ({
  env: process.env,
  platform: process.platform,
  isExecutable,
  managedBrowsers: () => managedBrowsers(process.env),
  isRoot: process.getuid?.() === 0,
});

/** The exact command that gets a browser on this machine. */
export function installCommand(platform: NodeJS.Platform, isRoot: boolean): string {
  if (platform === 'darwin') return 'brew install --cask chromium';
  if (platform === 'win32') return 'winget install Google.Chrome';
  return isRoot ? 'apt-get install -y chromium' : 'sudo apt-get install -y chromium';
}

/** PUPPETEER_EXECUTABLE_PATH, then the usual system paths, then Puppeteer's managed browser. */
export function findBrowser(lookup: BrowserLookup = systemLookup()): FoundBrowser {
  const fromEnv = lookup.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!lookup.isExecutable(fromEnv)) throw new UserError(publishMessages.browserPathMissing(fromEnv));
    return { path: fromEnv, source: 'env' };
  }
  const usual = usualBrowserPaths[lookup.platform] ?? [];
  for (const path of usual) if (lookup.isExecutable(path)) return { path, source: 'system' };
  const managed = lookup.managedBrowsers().filter((p) => lookup.isExecutable(p));
  if (managed.length > 0) return { path: managed[managed.length - 1], source: 'puppeteer-cache' };
  throw new UserError(
    publishMessages.browserNotFound(
      ['PUPPETEER_EXECUTABLE_PATH', ...usual, "Puppeteer's browser cache"],
      installCommand(lookup.platform, lookup.isRoot),
    ),
  );
}

export interface BrowserHandle {
  browser: Browser;
  executablePath: string;
  /** The fresh profile directory; its path marks this browser's processes in `ps`. */
  userDataDir: string;
  /** A tab to print in: one given back by `releasePage` (set up already), else the start-up tab, else a new one. */
  takePage(): Promise<Page>;
  /** Gives a tab back for the next print (a batch reuses a small pool of tabs instead of opening one per report). */
  releasePage(page: Page): void;
  /** Closes the browser and removes its profile; safe to call more than once. */
  close(): Promise<void>;
}

const profilePrefix = 'migreport-chromium-';

/** Kills a child's whole process group at once (it was started detached, as group leader): the browser, a benchmark's command. Nothing if it has exited. */
export function killNow(child: ChildProcess | undefined): void {
  const pid = child?.pid;
  if (pid === undefined || child?.exitCode !== null || child?.signalCode !== null) return;
  try {
    if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(pid), '/T', '/F']);
    else process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      child?.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Starts a headless Chromium with a fresh temporary profile, talking DevTools over a pipe.
 * Chromium is spawned before Puppeteer is even imported: the import (~0.4 s) and the browser's
 * start-up then run at the same time instead of one after the other.
 */
export async function launchBrowser(found: FoundBrowser = findBrowser()): Promise<BrowserHandle> {
  removeOrphanedProfiles();
  // The clean-up is registered before the profile and the process exist, so that our signal handlers are
  // in place first: Chromium is running (and visible) once it has exec'd, before spawn() returns here, and
  // under load that gap lasts long enough for a Ctrl-C to meet Node's default action, which killed this
  // process with no clean-up at all. A handler runs only after this synchronous code, when both are set.
  let spawned: ChildProcess | undefined;
  let profileDir: string | undefined;
  const unregister = onInterrupt(() => {
    killNow(spawned);
    if (profileDir !== undefined) removeProfileSync(profileDir);
  });
  try {
    // The folder names its owner's pid, so a later run can tell a profile left by a killed build.
    profileDir = mkdtempSync(join(tmpdir(), `${profilePrefix}${process.pid}-`));
    spawned = spawn(
      found.path,
      ['--headless', ...chromiumFlags, `--user-data-dir=${profileDir}`, '--remote-debugging-pipe', 'about:blank'],
      { detached: process.platform !== 'win32', stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
  } catch (e) {
    unregister();
    if (profileDir !== undefined) removeProfileSync(profileDir);
    throw e;
  }
  const child = spawned;
  const userDataDir = profileDir;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const died = new Promise<never>((_, fail) => {
    child.once('error', (e) => fail(e));
    child.once('exit', (code, signal) => fail(new Error(`exited (${signal ?? code}) before it could be used${stderr ? ': ' + lastLine(stderr) : ''}`)));
  });
  died.catch(() => undefined);

  let browser: Browser;
  let firstPage: Page;
  try {
    const puppeteerModule = await importPackage('puppeteer-core', () => import('puppeteer-core'));
    // Exported at run time but missing from the type declarations of puppeteer-core 24.
    const { PipeTransport } = puppeteerModule as unknown as {
      PipeTransport: new (write: NodeJS.WritableStream, read: NodeJS.ReadableStream) => ConnectionTransport;
    };
    const puppeteer = puppeteerModule.default;
    const [pipeWrite, pipeRead] = [child.stdio[3], child.stdio[4]] as [NodeJS.WritableStream, NodeJS.ReadableStream];
    browser = await Promise.race([
      puppeteer.connect({ transport: new PipeTransport(pipeWrite, pipeRead), defaultViewport: null, protocolTimeout: 60_000 }),
      died,
    ]);
    const pages = await Promise.race([browser.pages(), died]);
    firstPage = pages[0] ?? (await browser.newPage());
  } catch (e) {
    killNow(child);
    unregister();
    await removeProfile(userDataDir);
    throw new UserError(publishMessages.browserLaunchFailed(found.path, firstLine((e as Error).message)));
  }
  const connected = browser;
  let spare: Page | undefined = firstPage;
  const pool: Page[] = [];
  const takePage = async () => {
    const page = pool.pop() ?? spare ?? (await connected.newPage());
    if (page === spare) spare = undefined;
    return page;
  };
  const releasePage = (page: Page) => {
    if (!page.isClosed() && !pool.includes(page)) pool.push(page);
  };
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      // The profile is thrown away, so there is nothing to save: killing the process group is
      // as safe as Browser.close and ~100 ms faster on the critical path of every build.
      killNow(child);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 3_000).unref());
      await Promise.race([exited, timeout]);
      await removeProfile(userDataDir);
      // Only now: an interrupt while the profile is being removed still finds its handler (and its exit code).
      unregister();
    })());
  return { browser: connected, executablePath: found.path, userDataDir, takePage, releasePage, close };
}

/**
 * Profiles left by builds killed with SIGKILL (no clean-up can run then): removed at the next start
 * when the process that made them is gone. Folders of the older unnamed form go after a day.
 */
export function removeOrphanedProfiles(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(profilePrefix));
  } catch {
    return removed;
  }
  for (const name of names) {
    const path = join(dir, name);
    const pid = /^migreport-chromium-(\d+)-/.exec(name)?.[1];
    let orphaned: boolean;
    if (pid) orphaned = Number(pid) !== process.pid && !processAlive(Number(pid));
    else {
      try {
        orphaned = Date.now() - statSync(path).mtimeMs > 24 * 3600_000;
      } catch {
        orphaned = false;
      }
    }
    if (!orphaned) continue;
    try {
      removeProfileSync(path);
      removed.push(path);
    } catch {
      // Another user's, or in use: left alone.
    }
  }
  return removed;
}

/**
 * The folder Chromium keeps its single-instance socket in, or undefined. Chromium makes it in the temporary
 * directory (org.chromium.Chromium.XXXXXX), links it from the profile as SingletonSocket and removes it only
 * when it shuts down by itself: a browser killed as close() kills it leaves the folder behind, one per build.
 * Only a folder holding nothing but Singleton* entries is named, so nothing else can be removed with it.
 */
function singletonSocketFolder(userDataDir: string): string | undefined {
  try {
    const target = readlinkSync(join(userDataDir, 'SingletonSocket'));
    if (!isAbsolute(target) || basename(target) !== 'SingletonSocket') return undefined;
    const folder = dirname(target);
    return readdirSync(folder).every((n) => n.startsWith('Singleton')) ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** Removes a profile and the socket folder Chromium made for it (see singletonSocketFolder). */
async function removeProfile(userDataDir: string): Promise<void> {
  const socketFolder = singletonSocketFolder(userDataDir);
  await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  if (socketFolder) await rm(socketFolder, { recursive: true, force: true, maxRetries: 3 });
}

function removeProfileSync(userDataDir: string): void {
  const socketFolder = singletonSocketFolder(userDataDir);
  rmSync(userDataDir, { recursive: true, force: true });
  if (socketFolder) rmSync(socketFolder, { recursive: true, force: true });
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines[lines.length - 1]?.trim() ?? '';
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text;
}

/**
 * Starts the browser now and hands back the promise, so the build can call this before it
 * loads data and await it only when the HTML is ready: Chromium's start-up (most of the
 * PDF's cost) overlaps the data and chart work. A failed start is reported when awaited.
 * If the build fails before awaiting, it must still call `discardBrowser(started)`.
 */
export function startBrowser(found?: FoundBrowser): Promise<BrowserHandle> {
  if (prestarted && !found) {
    const adopted = prestarted;
    prestarted = undefined;
    return adopted;
  }
  const started = (async () => launchBrowser(found ?? findBrowser()))();
  started.catch(() => undefined); // reported to whoever awaits; not an unhandled rejection meanwhile
  return started;
}

let prestarted: Promise<BrowserHandle> | undefined;

/**
 * Starts Chromium before the rest of the program is even loaded (bin/migreport.js calls this for
 * `build` with PDF output): loading and transpiling the pipeline's modules (vega, handlebars, …)
 * then overlaps the browser's start-up too. The next `startBrowser()` adopts this browser.
 */
export function prestartBrowser(): void {
  prestarted ??= startBrowser();
}

/** Closes a prestarted browser nobody adopted (the command failed before it got to the PDF). */
export async function discardPrestarted(): Promise<void> {
  const left = prestarted;
  prestarted = undefined;
  if (left) await discardBrowser(left);
}

/** Closes a browser that was started but will not be used (the build failed before printing). */
export async function discardBrowser(started: Promise<BrowserHandle>): Promise<void> {
  const handle = await started.catch(() => undefined);
  await handle?.close();
}
