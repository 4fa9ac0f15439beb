// Where migreport's own files are (styles, browser scripts, font metrics), whether this code runs
// from the TypeScript sources (src/…) or from the install-time bundle (dist/cli.js).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
  return dir;
}

/** The folder holding migreport's package.json. */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A file of migreport itself, e.g. packageFile('styles', 'print.css'). */
export function packageFile(...parts: string[]): string {
  return join(packageRoot, ...parts);
}
