/**
 * `npm test`: every check in order, stopping at the first failure: format, lint, types, unit tests, build,
 * e2e. Ends with one summary line, `N passed, N failed, N skipped`, counting the unit and e2e tests (a skipped
 * or to-do test is counted, never hidden).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const unitReport = resolve(root, 'test-results/unit.json');
const e2eReport = resolve(root, 'test-results/e2e.json');

const steps: Array<[string, string[]]> = [
  ['format', ['biome', 'format', '.']],
  ['lint', ['biome', 'lint', '.']],
  ['types', ['npm', 'run', '-s', 'typecheck']],
  ['unit', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`]],
  ['build', ['vite', 'build', '--logLevel', 'warn']],
  ['e2e', ['playwright', 'test']],
];

let passed = 0;
let failed = 0;
let skipped = 0;

function count(step: string): void {
  if (step === 'unit' && existsSync(unitReport)) {
    const report = JSON.parse(readFileSync(unitReport, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  if (step === 'e2e' && existsSync(e2eReport)) {
    const report = JSON.parse(readFileSync(e2eReport, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  }
}

function summary(): string {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

rmSync(resolve(root, 'test-results'), { recursive: true, force: true });
for (const [name, [command, ...args]] of steps) {
  console.log(`\n── ${name} ──`);
  const bin = command === 'npm' ? 'npm' : resolve(root, 'node_modules/.bin', command!);
  const run = spawnSync(bin, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  count(name);
  if (run.status !== 0) {
    console.log(`\n${name} failed.`);
    if (failed === 0) failed = 1;
    console.log(summary());
    process.exit(run.status ?? 1);
  }
}
console.log(`\n${summary()}`);
