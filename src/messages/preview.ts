// User-facing messages of the preview stage.
import type { Message } from '../errors.ts';

export type { Message };

export const portInUse = (host: string, port: number): Message => ({
  code: 'preview/port-in-use',
  message: `port ${port} on ${host} is already in use`,
  hint: 'stop the other server, or pick another port with --port (0 picks a free one)',
});

export const cannotListen = (host: string, port: number, reason: string): Message => ({
  code: 'preview/cannot-listen',
  message: `cannot listen on ${host}:${port}: ${reason}`,
  hint: 'check --host (an address of this machine, e.g. 127.0.0.1) and --port',
});

export const nothingToWatch = (folders: string[]): Message => ({
  code: 'preview/nothing-to-watch',
  message: `none of the folders to watch exists: ${folders.join(', ')}`,
  hint: 'run the preview from the project folder, or give the data folder with --data',
});

export const outputOutsideProject = (outDir: string): Message => ({
  code: 'preview/output-outside-project',
  message: `the preview output folder ${outDir} is not inside output/`,
  hint: 'the preview writes only under output/',
});

export const noPdf = (): Message => ({
  code: 'preview/no-pdf',
  message: 'this preview cannot print a PDF',
  hint: 'run "migreport build --format pdf" instead',
});

export const pdfFailed = (reason: string): Message => ({
  code: 'preview/pdf-failed',
  message: `the PDF of the draft could not be printed: ${reason}`,
  hint: 'check the overlay for errors in the draft, then try again',
});

export const noGoodRender = (): Message => ({
  code: 'preview/no-good-render',
  message: 'the draft has not rendered yet',
  hint: 'fix the error shown in the overlay; the page reloads by itself',
});

export const unexpectedRenderFailure = (reason: string): Message => ({
  code: 'preview/unexpected',
  message: `unexpected error while rendering: ${reason}`,
  hint: 'this is a bug in migreport; the preview keeps running with the last good render',
});

export const moreErrors = (count: number): string => `(and ${count} more error${count === 1 ? '' : 's'})`;

export const exposedHost = (host: string): string =>
  `warning: the preview listens on ${host}, so other machines on the network can read the draft`;

export const listening = (url: string): string => `Preview of the draft at ${url} (Ctrl-C to stop)`;

export const unknownLanguage = (lang: string, langs: string[]): Message => ({
  code: 'preview/unknown-language',
  message: `the preview cannot show the draft in "${lang}"`,
  hint: `use one of: ${langs.join(', ')}`,
});
