// Writes templates/report.schema.json and the reference part of docs/report-kinds.md from src/kinds/schema.ts
// (see src/kinds/json-schema.ts and src/kinds/reference.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchema } from '../src/kinds/json-schema.ts';
import { withReference } from '../src/kinds/reference.ts';

const out = fileURLToPath(new URL('../templates/report.schema.json', import.meta.url));
writeFileSync(out, reportJsonSchema());
console.log(`wrote ${out}`);
const doc = fileURLToPath(new URL('../docs/report-kinds.md', import.meta.url));
writeFileSync(doc, withReference(readFileSync(doc, 'utf8')));
console.log(`wrote the reference of ${doc}`);
