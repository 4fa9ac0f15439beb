// Stands in for vega-canvas in the bundle (see scripts/bundle.mjs): there is no canvas, exactly as
// vega-canvas reports when the optional `canvas` package is not installed.
export const domCanvas = () => null;
export const nodeCanvas = () => null;
export const canvas = () => null;
export const image = () => null;
