// User-facing messages of the render stage.
import type { Message } from '../errors.ts';

export type { Message };

// --- templates (render stage) ---
export const templateMissingVariable = (name: string): Message => ({
  code: 'render/missing-variable',
  message: `the template uses "${name}", which the report does not provide`,
  hint: 'check the spelling against the report model (src/report-model.ts), or wrap optional parts in {{#if …}}',
});

export const templateSyntax = (detail: string): Message => ({
  code: 'render/template-syntax',
  message: `template syntax error: ${detail}`,
  hint: 'check that every {{#block}} has its {{/block}} and every {{ has its }}',
});

export const templateMissingPartial = (name: string): Message => ({
  code: 'render/missing-partial',
  message: `the template includes the partial "${name}", which does not exist`,
  hint: 'partials are the .hbs files in templates/partials/ and templates/<kind>/partials/',
});

export const templateNotFound = (kind: string, known: string[]): Message => ({
  code: 'render/unknown-template',
  message: `there is no report template "${kind}"`,
  hint: known.length ? `use one of: ${known.join(', ')}` : 'templates live in templates/<kind>/report.hbs',
});
