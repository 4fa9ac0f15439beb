// The JSON Schema of a report kind's spec, from the same zod schema the loader validates with: written to
// templates/report.schema.json (`npm run schema`), which a test keeps in step and editors use to complete and check.
import { schemas, zod } from './schema.ts';

export function reportJsonSchema(): string {
  const schema = zod().toJSONSchema(schemas().kindSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return JSON.stringify({ ...schema, $id: 'https://migreport.local/report.schema.json', title: 'migreport report kind (templates/<kind>/report.yaml)' }, null, 2) + '\n';
}
