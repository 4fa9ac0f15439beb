#!/usr/bin/env node
// Entry point: runs the TypeScript sources directly (tsx), so there is no build step to remember.
import { register } from 'tsx/esm/api';

register();
// Chromium first, for a PDF build: its start-up then overlaps loading the rest of the program.
const { prestartFor, discardPrestarted } = await import('../src/publish/prestart.ts');
prestartFor(process.argv.slice(2));
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
await discardPrestarted();
