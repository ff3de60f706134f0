/** A serialisable outcome passed across contexts instead of a thrown error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result with a message a user can read. */
export function err<T = never>(error: string): Result<T> {
  return { ok: false, error };
}
