import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from './pack-schema';

describe('schemas/pack.schema.json', () => {
  it('is what `npm run gen:schema` generates from PackSchema', () => {
    const committed = readFileSync(new URL('../schemas/pack.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(packJsonSchema());
  });
});
