// What bin/migreport.js needs from the program, as one module: the bundle (scripts/bundle.mjs) is
// built from this file, and the bin reaches the sources through it too when they are newer.
export { main } from './cli.ts';
export { prestartFor, discardPrestarted } from './publish/prestart.ts';
export { pruneCached, writeCached } from './compile-cache.ts';
export { ownProcessSignals } from './publish/interrupt.ts';
