// Decides from the raw command line whether Chromium can be started before the program loads:
// only for `build` whose --format includes pdf (the default does). Kept tiny, as it runs first.
import { discardPrestarted, prestartBrowser } from './browser.ts';

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

/** Starts Chromium now if the command will print a PDF; a failed start is reported by the build. */
export function prestartFor(args: string[]): void {
  if (buildWantsPdf(args)) prestartBrowser();
}

export { discardPrestarted };
