#!/usr/bin/env node
// Entry point of `npm run bench`: runs the TypeScript benchmark directly (tsx). It first bundles the
// CLI as `npm install` does (scripts/bundle.mjs), so the builds it times are the ones users run,
// not the slower from-sources fallback that edited sources would otherwise trigger.
import { register } from 'tsx/esm/api';

await import('../scripts/bundle.mjs');
register();
const { main } = await import('../bench/index.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`bench: ${e?.message ?? e}\n`);
  process.exitCode = 1;
}
