// Bundles the TypeScript sources into dist/ at install time (npm's `prepare`), so the CLI starts
// without transpiling ~100 modules through tsx. bin/migreport.js uses the bundle only while it is
// newer than every file under src/, and the sources otherwise: there is no step to remember.
// Code splitting keeps `import()` lazy, so a command loads only the packages it needs (an HTML build
// never loads Puppeteer, a load without XLSX never loads exceljs). The packages every build needs
// (Vega with its ~55 small ES packages, Handlebars, yaml, the parts of date-fns we use) are bundled
// in: resolving and loading them one by one cost ~250 ms of each start, as one file ~70 ms. The
// packages loaded only on demand (exceljs, Puppeteer, Vega-Lite on a cache miss) stay external.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

try {
  const { build } = await import('esbuild');
  rmSync(`${root}/dist`, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts', 'src/publish/prestart.ts'],
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['exceljs', 'puppeteer-core', 'vega-lite', 'tsx', 'tsx/*', 'esbuild'],
    // Bundled CommonJS code (vega-canvas probes for the optional `canvas` package) needs `require`.
    banner: { js: "import { createRequire as __migreportRequire } from 'node:module'; const require = __migreportRequire(import.meta.url);" },
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
} catch (e) {
  // The sources still run through tsx; only start-up is slower.
  console.warn(`migreport: could not bundle the CLI (${e?.message ?? e}); it will run from the sources.`);
}
