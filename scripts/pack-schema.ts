import { toJsonSchema } from '@valibot/to-json-schema';
import { PackSchema } from '../src/model/pack';

/** The published JSON Schema of the pack format, as committed in schemas/pack.schema.json. */
export function packJsonSchema(): string {
  const schema = toJsonSchema(PackSchema, { errorMode: 'ignore' });
  return `${JSON.stringify({ ...schema, title: 'Dossier card pack' }, null, 2)}\n`;
}
