#!/usr/bin/env node
// Entry point of `npm run bench`: runs the TypeScript benchmark directly (tsx), like bin/migreport.js.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/index.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`bench: ${e?.message ?? e}\n`);
  process.exitCode = 1;
}
