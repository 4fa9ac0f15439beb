// The public API of migreport, listed explicitly: the stages as plain functions, and their types.
export { loadProject } from './load/index.ts';
export { audit, type Finding } from './check/audit.ts';
export { computeDerived, partnerTotal } from './derive.ts';
export { computeFacts, buildReportModel, narrate, localeFor } from './narrate/index.ts';
export { renderChart, renderCharts, type ChartInput, type RenderedChart } from './charts/index.ts';
export { renderHtml } from './render/index.ts';
export { startBrowser, discardBrowser, type BrowserHandle } from './publish/browser.ts';
export { printPdf, printPdfDetailed, type PrintOptions } from './publish/pdf.ts';
export { writeOutputs, writeAtomic } from './publish/write.ts';
export { loadAndAudit, renderReport, projectPaths, type ReportRequest, type RenderedReport } from './pipeline.ts';
export { startPreview } from './preview/server.ts';
export { UserError, UserErrors, formatError } from './errors.ts';
export { parsePeriod, previousPeriod, sameLastYear } from './period.ts';
export { select, one, periodsOf } from './query.ts';
export type * from './model.ts';
export type * from './report-model.ts';
export { main } from './cli.ts';
