import { readFileSync } from 'node:fs';
import { verifyBundle } from '../evidence/verify';

/*
 * `npm run verify -- case.zip`: checks a case's bundle (every file's hash and size, the custody log's chains, the
 * signature) and prints what holds and what does not. Exit code 0 only when everything holds; 1 when something
 * does not; 2 when the file cannot be read.
 */

async function main(args: readonly string[]): Promise<number> {
  const file = args.find((arg) => arg !== '--');
  if (!file || args.includes('--help')) {
    console.error('Usage: npm run verify -- <case.zip>');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const report = await verifyBundle(bytes);
  for (const line of report.holds) console.log(`✓ ${line}`);
  for (const line of report.problems) console.log(`✗ ${line}`);
  console.log(
    report.problems.length === 0
      ? `${file}: the bundle holds.`
      : `${file}: the bundle does NOT hold (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}).`,
  );
  return report.problems.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
