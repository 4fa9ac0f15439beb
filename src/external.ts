// import() of a package that is left out of the bundle (Vega-Lite, Puppeteer), loaded on demand.
//
// The bundle runs as a node:vm script (bin/migreport.js, for V8's code cache), and on Node 20 a vm
// script cannot call import() without --experimental-vm-modules. The bin's wrapper therefore hands
// the bundle an importer of its own as `__migreport_import`; from the sources, and in tests, there is
// none and the literal import() in `fallback` runs, which also gives the module its type.
declare const __migreport_import: ((specifier: string) => Promise<unknown>) | undefined;

export function importPackage<T>(specifier: string, fallback: () => Promise<T>): Promise<T> {
  return typeof __migreport_import === 'function' ? (__migreport_import(specifier) as Promise<T>) : fallback();
}
