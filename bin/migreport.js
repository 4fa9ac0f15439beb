#!/usr/bin/env node
// Entry point. Runs the bundle that `npm install` made (dist/, see scripts/bundle.mjs) while it is
// newer than every source file, and the TypeScript sources through tsx otherwise — so an edited
// source is never shadowed by a stale bundle, and there is no build step to remember.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Node 22+ keeps V8's compiled code of the modules between runs; Node 20 has no such cache.
module.enableCompileCache?.(join(root, 'node_modules', '.cache', 'migreport', 'v8'));

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
  const bundle = join(root, 'dist', 'cli.js');
  if (process.env.MIGREPORT_FROM_SOURCES || !existsSync(bundle)) return false;
  return statSync(bundle).mtimeMs >= newestUnder(join(root, 'src'));
}

let entry;
if (bundleIsFresh()) {
  entry = (name) => import(pathToFileURL(join(root, 'dist', `${name}.js`)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = (name) => import(pathToFileURL(join(root, 'src', `${name}.ts`)).href);
}

const args = process.argv.slice(2);
// Chromium first, for a PDF build: its start-up then overlaps loading the rest of the program.
const { prestartFor, discardPrestarted } = await entry('publish/prestart');
prestartFor(args);
const { main } = await entry('cli');
process.exitCode = await main(args);
await discardPrestarted();
