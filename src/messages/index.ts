// The catalogue of every user-facing message, one file per stage; each entry is a function
// returning { code, message, hint } so wording lives here and nowhere else.
export * as cliMessages from './cli.ts';
export * as loadMessages from './load.ts';
export * as checkMessages from './check.ts';
export * as auditMessages from './audit.ts';
export * as narrateMessages from './narrate.ts';
export * as renderMessages from './render.ts';
export * as publishMessages from './publish.ts';
export * as previewMessages from './preview.ts';
