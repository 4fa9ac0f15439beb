// Builds a data folder in a temporary directory: the minimal valid project, overlaid with a case's files.
import { cpSync, existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../temp.ts';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/**
 * Returns the temporary root holding `data/`. A case's observations folder replaces the minimal
 * one; its reference and narrative files replace the minimal files of the same name. The root is
 * removed when the test that made it ends (test/temp.ts).
 */
export function projectWith(caseDir?: string): string {
  const root = tempDir('migreport-test-');
  const data = join(root, 'data');
  cpSync(join(FIXTURES, 'minimal'), data, { recursive: true });
  if (caseDir) {
    if (existsSync(join(caseDir, 'observations'))) rmSync(join(data, 'observations'), { recursive: true });
    clearTypeChanges(caseDir, data);
    cpSync(caseDir, data, { recursive: true });
  }
  return root;
}

/** A case may put a folder where the minimal project has a file (or the reverse): the old one goes first. */
function clearTypeChanges(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (!existsSync(dst)) continue;
    if (lstatSync(src).isDirectory() !== lstatSync(dst).isDirectory()) rmSync(dst, { recursive: true });
    else if (lstatSync(src).isDirectory()) clearTypeChanges(src, dst);
  }
}
