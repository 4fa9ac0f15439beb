// `migreport preview`: serves a live preview of the draft until Ctrl-C.
import path from 'node:path';
import { defaultKind } from '../kinds/load.ts';
import { UserError } from '../errors.ts';
import { cliMessages, previewMessages } from '../messages/index.ts';
import { projectPaths } from '../pipeline.ts';
import { draftRenderer, watchedFolders, type DraftStages } from '../preview/draft.ts';
import { startPreview } from '../preview/server.ts';
import { LOCALES } from '../narrate/index.ts';

type Options = Record<string, string | boolean | undefined>;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface PreviewRun {
  /** Stops the preview when aborted; by default SIGINT or SIGTERM. */
  stop?: AbortSignal;
  /** Project root; default the current folder. */
  root?: string;
  stages?: Partial<DraftStages>;
}

export async function preview(opts: Options, io: Io, run: PreviewRun = {}): Promise<number> {
  const port = portOf(opts.port);
  const host = typeof opts.host === 'string' && opts.host !== '' ? opts.host : '127.0.0.1';
  const paths = projectPaths(run.root ?? process.cwd(), typeof opts.data === 'string' ? opts.data : 'data');
  const draft = draftRenderer(
    paths,
    {
      period: typeof opts.period === 'string' ? opts.period : undefined,
      template: typeof opts.template === 'string' ? opts.template : defaultKind(),
      lang: typeof opts.lang === 'string' ? opts.lang : 'en',
    },
    run.stages,
  );
  try {
    const server = await startPreview({
      host,
      port,
      watch: watchedFolders(paths),
      render: draft.render,
      printPdf: draft.printPdf,
      outDir: path.join(paths.root, 'output', '.preview'),
      log: io.err,
      languages: { langs: Object.keys(LOCALES), current: draft.lang, select: draft.select },
    });
    io.out(previewMessages.listening(server.url));
    if (!/^(127\.|::1$|localhost$)/.test(host)) io.err(previewMessages.exposedHost(host));
    await stopped(run.stop);
    await server.close();
    return 0;
  } finally {
    await draft.close();
  }
}

function portOf(value: Options[string]): number {
  const text = typeof value === 'string' ? value : '4173';
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UserError(cliMessages.badOptionValue('port', text, 'a port number from 0 to 65535 (0 picks a free one)'));
  return port;
}

function stopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal) {
      if (signal.aborted) return resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
