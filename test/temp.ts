// Temporary folders for tests, removed however the tests end, so test runs do not pile folders up in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aroundAll, onTestFinished, TestRunner } from 'vitest';

const untilFileEnds = new Set<string>();
// Registered while the test file imports this module, so it wraps the whole file: the folders go after its
// last test and its own afterAll hooks, even if a test or one of those hooks failed.
aroundAll(async (runFile) => {
  try {
    await runFile();
  } finally {
    for (const dir of untilFileEnds) removeTemp(dir);
    untilFileEnds.clear();
  }
});

/**
 * A new empty folder in the system's temporary directory, `<prefix>XXXXXX`. Made inside a test, it is
 * removed when that test finishes, passed or failed; made anywhere else (the top level of the file, a
 * describe block, a beforeAll hook), after the file's last test. `until: 'file'` keeps one made inside a
 * test until then too: for a folder that later tests reuse.
 */
export function tempDir(prefix: string, until: 'test' | 'file' = TestRunner.getCurrentTest() ? 'test' : 'file'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (until === 'test') onTestFinished(() => removeTemp(dir));
  else untilFileEnds.add(dir);
  return dir;
}

/** Removes a temporary folder or file now; nothing happens if it is already gone. */
export function removeTemp(path: string): void {
  rmSync(path, { recursive: true, force: true, maxRetries: 3 });
}
