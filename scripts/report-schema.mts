// Writes templates/report.schema.json from src/kinds/schema.ts (see src/kinds/json-schema.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchema } from '../src/kinds/json-schema.ts';

const out = fileURLToPath(new URL('../templates/report.schema.json', import.meta.url));
writeFileSync(out, reportJsonSchema());
console.log(`wrote ${out}`);
