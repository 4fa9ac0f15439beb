// Bundles the TypeScript sources into one CommonJS file, dist/migreport.cjs, at install time (npm's
// `prepare`), so the CLI starts without transpiling ~100 modules through tsx. bin/migreport.js uses
// the bundle only while it is newer than every file under src/, and the sources otherwise: there is
// no step to remember.
//
// Why CommonJS and one file: the bin compiles it with node:vm and V8's code cache (the bytecode of
// every function a build ran, kept on disk), which Node 20 offers only for scripts, not ES modules.
// With the cache, loading the ~2 MB bundle takes ~25 ms instead of ~45, and the build after it skips
// compiling the Vega, Handlebars and narrate functions it calls: ~100 ms of a ~450 ms HTML build.
// The external packages are imported through an importer the bin hands in (src/external.ts).
//
// The packages every build needs (Vega with its ~55 small ES packages, Handlebars, yaml, the parts
// of date-fns we use) are bundled in: resolving and loading them one by one cost ~250 ms of each
// start. The packages loaded only on demand (exceljs, Puppeteer, Vega-Lite on a cache miss) stay
// external and are imported when needed.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Both bundles: one CommonJS file for Node 20, run by the bin through node:vm (see above).
const common = { absWorkingDir: root, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' };
let build;
try {
  ({ build } = await import('esbuild'));
} catch (e) {
  // The sources still run through tsx and Puppeteer loads as installed; only start-up is slower.
  console.warn(`migreport: esbuild is not available (${e?.message ?? e}); the CLI will run from the sources.`);
}

if (build) {
  try {
    rmSync(`${root}/dist`, { recursive: true, force: true });
    await build({
      ...common,
      entryPoints: { migreport: 'src/program.ts' },
      outdir: 'dist',
      outExtension: { '.js': '.cjs' },
      external: ['exceljs', 'jszip', 'puppeteer-core', 'vega-lite', 'tsx', 'tsx/*', 'esbuild'],
      // The sources find their package through import.meta.url, which CommonJS lacks: the bin's
      // wrapper passes __filename, and this turns it into the URL.
      define: { 'import.meta.url': '__migreport_import_meta_url' },
      banner: { js: "const __migreport_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
      // vega-canvas probes for the optional `canvas` package with a top-level await, which CommonJS
      // cannot hold. We never draw on a canvas (text widths come from src/charts/text-width.ts), so
      // the bundle gets a stand-in that reports no canvas, as vega-canvas does when `canvas` is absent.
      alias: { 'vega-canvas': './scripts/vega-canvas-none.js' },
    });
  } catch (e) {
    // The sources still run through tsx; only start-up is slower.
    console.warn(`migreport: could not bundle the CLI (${e?.message ?? e}); it will run from the sources.`);
  }

  // Puppeteer too, by itself (only a PDF build loads it): as ~300 ES modules it costs a PDF build
  // ~170 ms of loading, as one CommonJS file with the code cache ~50 ms. The bin hands it to the
  // program's import('puppeteer-core') while it is newer than the installed package.
  try {
    await build({
      ...common,
      stdin: { contents: "module.exports = require('puppeteer-core');", resolveDir: root, sourcefile: 'puppeteer-entry.cjs', loader: 'js' },
      outfile: 'dist/puppeteer.cjs',
    });
  } catch (e) {
    // import('puppeteer-core') then loads the installed package as it is.
    console.warn(`migreport: could not bundle Puppeteer (${e?.message ?? e}); PDF builds will load it as installed.`);
  }
}
