/**
 * `npm run bench`: runs every `bench:*` script of package.json in turn, each as a child process (its own
 * process group) with a time limit, and ends with a summary: each benchmark's outcome, wall time and the
 * targets it printed as missed. A benchmark prints its figures beside baselines measured in the same run, or as
 * absolutes beside their targets where no baseline does the same work (see bench/README.md).
 *
 * `BENCH_TIMEOUT_MIN` sets the limit per benchmark (15 minutes by default); `BENCH_ONLY=clip,team` runs some.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const scripts = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const only = process.env.BENCH_ONLY?.split(',').map((name) => `bench:${name.trim()}`);
const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:') && (!only || only.includes(name)));
const limitMs = Number(process.env.BENCH_TIMEOUT_MIN ?? 15) * 60_000;
if (!(limitMs > 0)) throw new Error('BENCH_TIMEOUT_MIN must be a positive number of minutes.');

interface Outcome {
  name: string;
  status: 'ok' | 'failed' | 'timed out';
  code: number | null;
  ms: number;
  missed: number;
}

/** Runs one benchmark; on its time limit, ends its whole process group (the browsers it started too). */
function run(name: string): Promise<Outcome> {
  const start = performance.now();
  return new Promise((done) => {
    const child = spawn('npm', ['run', '-s', name], {
      cwd: root,
      // A benchmark that runs another one when run alone (bench:watchlist runs bench:watchlist-import) leaves it
      // to this runner, which runs each once.
      env: { ...process.env, BENCH_RUN_ALL: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    let timedOut = false;
    const stopGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // The group is gone already.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`\n${name}: no end after ${limitMs / 60_000} minutes; stopping it`);
      stopGroup('SIGTERM');
      setTimeout(() => stopGroup('SIGKILL'), 10_000).unref();
    }, limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      // Whatever it left behind (a browser, a server) goes with it.
      stopGroup('SIGKILL');
      const status = timedOut ? 'timed out' : code === 0 ? 'ok' : 'failed';
      done({ name, status, code, ms: performance.now() - start, missed: output.split('MISSED').length - 1 });
    });
  });
}

const started = performance.now();
const outcomes: Outcome[] = [];
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  outcomes.push(await run(name));
}
if (benches.length === 0) console.log('No benchmarks to run.');

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
console.log(`\n=== summary: ${benches.length} benchmarks in ${minutes(performance.now() - started)} ===`);
for (const o of outcomes) {
  const detail = o.status === 'failed' ? ` (exit code ${o.code})` : '';
  const missed = o.missed ? `, ${o.missed} target${o.missed > 1 ? 's' : ''} missed` : '';
  console.log(`${o.name.padEnd(16)} ${o.status}${detail} in ${minutes(o.ms)}${missed}`);
}
const bad = outcomes.filter((o) => o.status !== 'ok').length;
console.log(bad ? `${bad} of ${outcomes.length} did not finish cleanly.` : 'All finished.');
process.exit(bad ? 1 : 0);
