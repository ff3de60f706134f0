import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The folders of src/ are runtime contexts and layers; this test is the rule that keeps them apart
 * (see STYLE.md). A folder may import only the folders listed for it.
 */
const ALLOWED: Record<string, readonly string[]> = {
  engine: [],
  model: [],
  messaging: ['model'],
  store: ['model'],
  background: ['engine', 'model', 'messaging', 'store', 'packs', 'clip', 'team', 'brief', 'pdf', 'evidence'],
  content: ['engine', 'model', 'messaging', 'ui', 'clip', 'anchor'],
  ui: ['model', 'messaging', 'clip', 'brief', 'pdf', 'anchor', 'evidence'],
  cli: ['engine', 'model', 'packs', 'clip', 'brief', 'pdf', 'evidence'],
  clip: ['model', 'brief'],
  brief: ['model'],
  anchor: ['model'],
  packs: ['model'],
  team: ['model'],
  test: [],
  pdf: [],
  evidence: ['model'],
};

const SRC = resolve(__dirname);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) found.push((match[1] ?? match[2] ?? match[3])!);
  return found;
}

describe('module boundaries', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const folder = relative(SRC, file).split(/[\\/]/)[0]!;
    if (!(folder in ALLOWED)) continue;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        if (folder === 'engine' && /^node:/.test(spec)) violations.push(`${relative(SRC, file)} imports ${spec}`);
        continue;
      }
      const target = relative(SRC, resolve(file, '..', spec)).split(/[\\/]/)[0]!;
      if (target === folder || target.startsWith('..')) continue;
      if (!ALLOWED[folder]!.includes(target)) violations.push(`${relative(SRC, file)} imports ${spec} (${target}/)`);
    }
  }

  it('every folder imports only what it may', () => {
    expect(violations).toEqual([]);
  });

  it('the rule itself catches a forbidden import', () => {
    expect(importsOf("import { x } from '../store/db';\nconst y = import('../ui/a');")).toEqual([
      '../store/db',
      '../ui/a',
    ]);
  });
});
