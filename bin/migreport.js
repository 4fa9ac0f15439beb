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

/**
 * Compiles the bundle with V8's code cache: the bytecode of the functions a build ran, saved after a
 * successful build, so the next process neither parses the 2 MB bundle nor compiles those functions
 * again (about 100 ms of an HTML build). The cache file is named by a hash of the bundle and the
 * Node version, because V8 itself checks only the source's length; V8 still refuses a cache made
 * with other flags, and then the program compiles as usual and a new cache is written.
 */
function loadBundle() {
  const source = readFileSync(bundle);
  const key = createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 32);
  const cacheFile = `${key}.bin`;
  const cachePath = join(root, 'node_modules', '.cache', 'migreport', 'v8-code', cacheFile);
  // MIGREPORT_NO_CODE_CACHE=1 neither reads nor writes it (the benchmark's first-build-after-install).
  const useCache = !process.env.MIGREPORT_NO_CODE_CACHE;
  let cachedData;
  try {
    cachedData = useCache ? readFileSync(cachePath) : undefined;
  } catch {
    cachedData = undefined;
  }
  // The wrapper Node gives a CommonJS module, strict as the ES modules it was bundled from, plus an
  // importer: a vm script cannot call import() itself on Node 20 (see src/external.ts).
  const wrapper = `(function (exports, require, module, __filename, __dirname, __migreport_import) {'use strict';${source}\n})`;
  const script = new vm.Script(wrapper, { filename: bundle, cachedData });
  const module = { exports: {} };
  const importPackage = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), importPackage);
  const program = module.exports;
  const stale = useCache && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    ...program,
    /** After a successful build, when there was no usable cache: what it compiled, for the next run. */
    saveCodeCache() {
      if (!stale) return;
      program.writeCached('v8-code', cacheFile, script.createCachedData());
      program.pruneCached('v8-code', 3); // ~2 MB each: this bundle's, and two for other Node versions
    },
  };
}

let program;
const args = process.argv.slice(2);
if (bundleIsFresh()) {
  program = loadBundle();
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
process.exitCode = await program.main(args);
if (args[0] === 'build' && process.exitCode === 0) program.saveCodeCache?.();
await program.discardPrestarted();
