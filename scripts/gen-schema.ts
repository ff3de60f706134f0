import { writeFileSync } from 'node:fs';
import { packJsonSchema } from './pack-schema';

const target = new URL('../schemas/pack.schema.json', import.meta.url);
writeFileSync(target, packJsonSchema());
console.log(`wrote ${target.pathname.replace(/^.*\/(schemas\/)/, '$1')}`);
