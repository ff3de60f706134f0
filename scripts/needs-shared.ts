/**
 * Tests that need `../shared` beside the project (the corpus, its pack): there they run. Without it a developer's
 * run skips them with a warning, and the summary counts them as skipped; under `CI=true` they run and fail, so
 * that a run that checked nothing cannot pass.
 */

/** Whether this run is a CI run (`CI=true` or `CI=1`). */
export function isCI(): boolean {
  return /^(?:true|1)$/i.test(process.env.CI ?? '');
}

/** Whether a test that needs `../shared` skips: only when it is missing and this is no CI run (then with a warning). */
export function skipWithoutShared(present: boolean, what: string): boolean {
  if (present || isCI()) return false;
  console.warn(`${what}: skipped, ../shared is not beside the project (under CI=true this fails)`);
  return true;
}

/** The message a test that needs `../shared` fails with when it is missing (under CI). */
export function missingShared(what: string): string {
  return `${what} needs ../shared beside the project (the shared corpus); it is missing, and under CI=true that fails`;
}
