// Decides from the raw command line whether Chromium can be started before the program loads:
// only for `build` whose --format includes pdf (the default does). Kept tiny, as it runs first.
import { statSync } from 'node:fs';
import { discardPrestarted, prestartBrowser } from './browser.ts';
import { outputFolderProblem } from './write.ts';

/** `build`, `build --format pdf`, `build --format=html,pdf` → true; `build --format html`, `text` → false. */
export function buildWantsPdf(args: string[]): boolean {
  if (args[0] !== 'build' || args.includes('--help') || args.includes('-h')) return false;
  let format = 'html,pdf';
  args.forEach((arg, i) => {
    if (arg === '--format' && args[i + 1] !== undefined) format = args[i + 1];
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
  });
  return format.split(',').some((f) => f.trim().toLowerCase() === 'pdf');
}

/** The value of --name or --name=value on the raw command line, else the default. */
function optionOf(args: string[], name: string, fallback: string): string {
  let value = fallback;
  args.forEach((arg, i) => {
    if (arg === `--${name}` && args[i + 1] !== undefined) value = args[i + 1];
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
  });
  return value;
}

/**
 * Starts Chromium now if the command will print a PDF; a failed start is reported by the build.
 * Not when the build is doomed from the start (no data folder, an output folder that cannot be made):
 * the build then fails at once with its one-line error and no browser was started for nothing.
 */
export function prestartFor(args: string[]): void {
  if (!buildWantsPdf(args)) return;
  try {
    if (!statSync(optionOf(args, 'data', 'data')).isDirectory()) return;
  } catch {
    return;
  }
  if (outputFolderProblem(optionOf(args, 'out', 'output'))) return;
  prestartBrowser();
}

export { discardPrestarted };
