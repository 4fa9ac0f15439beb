// Golden files: a missing or different golden fails and writes `<name>-changed` beside it; UPDATE_GOLDEN=1 writes
// (or overwrites) the golden instead — read the diff before committing it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(dir: string, name: string, content: string): void {
  const file = join(dir, name);
  const changed = `${file}-changed`;
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, content);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(file)) {
    writeFileSync(changed, content);
    expect.fail(`no golden ${name}: read ${name}-changed, then run with UPDATE_GOLDEN=1`);
  }
  if (readFileSync(file, 'utf8') !== content) {
    writeFileSync(changed, content);
    expect.fail(`${name} differs from its golden; the new output is in ${name}-changed (diff them; UPDATE_GOLDEN=1 accepts it)`);
  }
  rmSync(changed, { force: true });
}
