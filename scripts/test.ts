/**
 * `npm test`: every check in order, stopping at the first failure: format, lint, types, unit tests, build,
 * e2e in Chromium, then the Firefox build, its `web-ext lint` and its e2e suite in firefox-esr. Ends with one
 * summary line, `N passed, N failed, N skipped`, counting the unit tests and both browsers' e2e tests (a skipped
 * or to-do test is counted, never hidden).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const unitReport = resolve(root, 'test-results/unit.json');
const e2eReport = resolve(root, 'test-results/e2e.json');
const firefoxReport = resolve(root, 'test-results/e2e-firefox.json');

const steps: Array<[string, string[]]> = [
  ['format', ['biome', 'format', '.']],
  ['lint', ['biome', 'lint', '.']],
  ['types', ['npm', 'run', '-s', 'typecheck']],
  ['unit', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`]],
  ['build', ['vite', 'build', '--logLevel', 'warn']],
  ['e2e', ['playwright', 'test']],
  ['build:firefox', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn']],
  ['lint:firefox', ['web-ext', 'lint', '--source-dir', 'dist-firefox', '--output', 'text']],
  ['e2e:firefox', ['playwright', 'test', '--config', 'playwright.firefox.config.ts']],
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
  const report = step === 'e2e' ? e2eReport : step === 'e2e:firefox' ? firefoxReport : null;
  if (report && existsSync(report)) {
    const { stats } = JSON.parse(readFileSync(report, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
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
