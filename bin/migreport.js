#!/usr/bin/env node
// Entry point. Runs the bundle that `npm install` made (dist/migreport.cjs, see scripts/bundle.mjs)
// while it is newer than every source file, and the TypeScript sources through tsx otherwise — so
// an edited source is never shadowed by a stale bundle, and there is no build step to remember.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'migreport.cjs');

/** The newest modification time of the files under a folder (about a hundred stats: ~1 ms). */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.MIGREPORT_FROM_SOURCES || !existsSync(bundle)) return false;
  return statSync(bundle).mtimeMs >= newestUnder(join(root, 'src'));
}

// V8's code cache: the bytecode of the functions a build ran, saved after a successful build, so
// the next process neither parses a bundle nor compiles those functions again (about 100 ms of an
// HTML build, and as much of a PDF build's loading of Puppeteer). A cache file is named by a hash
// of its bundle and the Node version, because V8 itself checks only the source's length; V8 still
// refuses a cache made with other flags, and then the code compiles as usual and a new cache is
// written. MIGREPORT_NO_CODE_CACHE=1 neither reads nor writes one (the first build after install).
const useCodeCache = !process.env.MIGREPORT_NO_CODE_CACHE;
const codeCacheDir = join(root, 'node_modules', '.cache', 'migreport', 'v8-code');
/** Scripts that ran without a usable cache: { script, file } to save once the build succeeds. */
const uncached = [];

/**
 * Runs a CommonJS bundle as Node would run a module, compiled with its code cache. `strict` for our
 * own bundle, which was ES modules; `extra` names more wrapper parameters and their values.
 */
function runBundle(file, { strict = false, extra = {}, variant } = {}) {
  const source = readFileSync(file);
  const key = createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 32);
  const cacheFile = variant ? `${key}.${variant}.bin` : `${key}.bin`;
  const read = (name) => {
    try {
      return useCodeCache ? readFileSync(join(codeCacheDir, name)) : undefined;
    } catch {
      return undefined;
    }
  };
  let cachedData = read(cacheFile);
  const exact = cachedData !== undefined;
  // No cache for these languages yet: another's of the same bundle holds most of the program (the rest compiles as
  // usual), and the cache this build then saves holds both.
  const other = !exact && variant && useCodeCache ? newestCacheOf(key) : undefined;
  if (other) cachedData = read(other);
  const params = ['exports', 'require', 'module', '__filename', '__dirname', ...Object.keys(extra)];
  const wrapper = `(function (${params.join(', ')}) {${strict ? "'use strict';" : ''}${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  if (useCodeCache && (!exact || script.cachedDataRejected)) uncached.push({ script, file: cacheFile });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), ...Object.values(extra));
  return module.exports;
}

/** The most recently written code cache of a bundle (any variant), or undefined when there is none. */
function newestCacheOf(key) {
  try {
    return readdirSync(codeCacheDir)
      .filter((name) => name.startsWith(`${key}.`) && name.endsWith('.bin'))
      .map((name) => ({ name, written: statSync(join(codeCacheDir, name)).mtimeMs }))
      .sort((a, b) => b.written - a.written)[0]?.name;
  } catch {
    return undefined;
  }
}

/**
 * The program's code cache is kept per set of languages a command asks for (--lang): a build compiles the functions
 * of its languages (their sentences, grammar, verification), so a cache saved by an English build would leave every
 * Kazakh build to compile the Kazakh ones again (about 150 ms of a cold Kazakh build, measured).
 */
function languageVariant(args) {
  let value = '';
  args.forEach((arg, i) => {
    if (arg === '--lang' && args[i + 1] !== undefined) value = args[i + 1];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  });
  return value.toLowerCase().replace(/[^a-z,]/g, '').split(',').filter(Boolean).sort().join('+').slice(0, 40) || 'default';
}

// Packages bundled at install time beside the program (scripts/bundle.mjs), used while the bundle
// is newer than the package: loading puppeteer-core's ~300 ES modules costs ~170 ms of a PDF build,
// its bundle with the code cache ~50 ms.
const bundledPackages = { 'puppeteer-core': 'puppeteer.cjs' };
const loadedPackages = new Map();

function bundledPackage(specifier) {
  if (loadedPackages.has(specifier)) return loadedPackages.get(specifier);
  const file = bundledPackages[specifier] && join(root, 'dist', bundledPackages[specifier]);
  if (!file || !existsSync(file)) return undefined;
  const installed = join(root, 'node_modules', specifier, 'package.json');
  if (!existsSync(installed) || statSync(installed).mtimeMs > statSync(file).mtimeMs) return undefined;
  loadedPackages.set(specifier, runBundle(file));
  return loadedPackages.get(specifier);
}

/** import() for the bundle, which as a vm script cannot call it itself on Node 20 (src/external.ts). */
const importPackage = async (specifier) => bundledPackage(specifier) ?? import(specifier);

/** Saves what the build compiled for the scripts that had no usable cache. */
function saveCodeCaches(program) {
  for (const { script, file } of uncached.splice(0)) program.writeCached('v8-code', file, script.createCachedData());
  // ~2 MB each: Puppeteer's and the program's for a few sets of languages, for this Node version and another.
  program.pruneCached('v8-code', 12);
}

let program;
const args = process.argv.slice(2);
if (bundleIsFresh()) {
  program = runBundle(bundle, { strict: true, extra: { __migreport_import: importPackage }, variant: languageVariant(args) });
  // Chromium first, for a PDF build: its start-up then overlaps the data and chart work.
  program.prestartFor(args);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const source = (name) => import(pathToFileURL(join(root, 'src', `${name}.ts`)).href);
  // Here Chromium starts before the ~100 modules are transpiled, which takes longer than starting it.
  (await source('publish/prestart')).prestartFor(args);
  program = await source('program');
}
// This process ends with the command: a build that has published its outputs keeps its signal handlers to the end.
program.ownProcessSignals();
process.exitCode = await program.main(args);
if (args[0] === 'build' && process.exitCode === 0 && uncached.length > 0) saveCodeCaches(program);
await program.discardPrestarted();
