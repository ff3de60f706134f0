/**
 * `npm run bench`: runs every `bench:*` script of package.json in turn. Each prints its figures as ratios
 * against baselines measured in the same run (see bench/README.md).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const scripts = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
let failures = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync('npm', ['run', '-s', name], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failures++;
}
if (benches.length === 0) console.log('No benchmarks yet.');
process.exit(failures ? 1 : 0);
