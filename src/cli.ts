// The command line: parses arguments, runs a command, and is the only place errors are caught.
import { parseArgs } from 'node:util';
import { defaultKind, kindNames } from './kinds/load.ts';
import { UserError, formatError, isUserError, userErrorsOf } from './errors.ts';
import { cliMessages } from './messages/index.ts';
import { LABEL_LANGUAGES } from './render/labels.ts';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

type Options = Record<string, string | boolean | undefined>;

interface Command {
  summary: string;
  options: Record<string, { type: 'string' | 'boolean'; default?: string | boolean; help: string }>;
  run: (opts: Options, io: Io) => Promise<number>;
}

const common = {
  data: { type: 'string', default: 'data', help: 'data folder' },
  debug: { type: 'boolean', help: 'print stack traces of unexpected errors' },
  help: { type: 'boolean', help: 'show this help' },
} as const;
/** The default kind for the help text (a broken templates folder is reported when a command runs, not here). */
function defaultKindOrNone(): string {
  try {
    return defaultKind();
  } catch {
    return 'none';
  }
}

const reportOptions = {
  period: { type: 'string', help: 'report period, e.g. 2023-Q4 (default: the latest the data support)' },
  // The kinds are listed when help is printed (reading templates/ at every start would cost each build).
  template: { type: 'string', help: 'report kind, a folder of templates/ with its report.yaml: $KINDS' },
  lang: { type: 'string', default: 'en', help: 'language: $LANGS' },
} as const;

/** build takes lists: every combination of the kinds, periods and languages is an edition (src/commands/editions.ts). */
const editionOptions = {
  period: { type: 'string', help: 'report period, e.g. 2023-Q4, a comma-separated list, or all (every period each kind can be built for); default: the latest the data support' },
  template: { type: 'string', help: 'report kind, a comma-separated list, or all; a kind is a folder of templates/ with its report.yaml: $KINDS' },
  lang: { type: 'string', default: 'en', help: 'language: $LANGS; a comma-separated list, or all' },
} as const;

const commands: Record<string, Command> = {
  build: {
    summary: 'build the report as HTML and PDF',
    options: {
      ...common,
      ...editionOptions,
      format: { type: 'string', default: 'html,pdf', help: 'comma-separated: html, pdf' },
      out: { type: 'string', default: 'output', help: 'output folder' },
      strict: { type: 'boolean', help: 'treat audit findings as errors' },
    },
    run: async (opts, io) => (await import('./commands/build.ts')).build(opts, io),
  },
  validate: {
    summary: 'load and check the data; non-zero exit on errors',
    options: { ...common, strict: { type: 'boolean', help: 'treat audit findings as errors' } },
    run: async (opts, io) => (await import('./commands/validate.ts')).validate(opts, io),
  },
  text: {
    summary: 'print the generated sentences (or, with --json, the facts)',
    options: { ...common, ...reportOptions, json: { type: 'boolean', help: 'print facts as JSON' } },
    run: async (opts, io) => (await import('./commands/text.ts')).text(opts, io),
  },
  preview: {
    summary: 'serve a live preview of the report',
    options: {
      ...common,
      ...reportOptions,
      port: { type: 'string', default: '4173', help: 'port' },
      host: { type: 'string', default: '127.0.0.1', help: 'address to listen on' },
    },
    run: async (opts, io) => (await import('./commands/preview.ts')).preview(opts, io),
  },
};

function usage(): string {
  const lines = ['Usage: migreport <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run "migreport <command> --help" for its options.');
  return lines.join('\n');
}

function commandUsage(name: string, c: Command): string {
  const lines = [`Usage: migreport ${name} [options]`, '', c.summary, '', 'Options:'];
  for (const [opt, spec] of Object.entries(c.options)) {
    const flag = spec.type === 'string' ? `--${opt} VALUE` : `--${opt}`;
    const def = spec.default !== undefined ? ` (default: ${spec.default})` : '';
    const help = spec.help
      .replace('$KINDS', () => `${kindNames().join(', ')} (default: ${defaultKindOrNone()})`)
      .replace('$LANGS', () => LABEL_LANGUAGES.join(', '));
    lines.push(`  ${flag.padEnd(18)} ${help}${def}`);
  }
  return lines.join('\n');
}

function parse(name: string, c: Command, argv: string[]): Options {
  try {
    const { values } = parseArgs({ args: argv, options: c.options, strict: true, allowPositionals: false });
    return values as Options;
  } catch (e) {
    const text = (e as Error).message;
    const unknown = /Unknown option '--?([^']+)'/.exec(text);
    if (unknown) throw new UserError(cliMessages.unknownOption(unknown[1], name));
    const missing = /Option '--([^ ]+) <value>' argument missing/.exec(text) ?? /'--([^ ']+)'.*argument missing/.exec(text);
    if (missing) throw new UserError(cliMessages.missingOptionValue(missing[1]));
    throw new UserError({ code: 'cli/bad-arguments', message: text, hint: `run "migreport ${name} --help"` });
  }
}

/** Runs the CLI; returns the exit code: 0 ok, 1 user error, 2 unexpected failure. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  const debug = rest.includes('--debug');
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.out(usage());
      return name ? 0 : 1;
    }
    const command = commands[name];
    if (!command) throw new UserError(cliMessages.unknownCommand(name, Object.keys(commands)));
    const opts = parse(name, command, rest);
    if (opts.help) {
      io.out(commandUsage(name, command));
      return 0;
    }
    return await command.run(opts, io);
  } catch (e) {
    if (isUserError(e)) {
      for (const err of userErrorsOf(e)) io.err(formatError(err));
      return 1;
    }
    io.err(`unexpected error: ${(e as Error)?.message ?? String(e)}`);
    if (debug) io.err(String((e as Error)?.stack ?? e));
    else io.err('This is a bug in migreport; run again with --debug for the stack trace.');
    return 2;
  }
}
