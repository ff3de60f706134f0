/**
 * Where the command-line tools (sync-server, team:setup, team:devices) take passwords from: never their
 * arguments, which every user of the machine sees in the process list. A server admin comes from
 * DOSSIER_COUCH_ADMIN (`user:pass`) or a file given with `--admin-file`; users' passwords from a file given with
 * `--passwords-file`, one `name:password` a line. Such a file must be its owner's only (mode 0600 or stricter).
 */
import { readFileSync, statSync } from 'node:fs';
import { type Credentials, type Person, parseCredentials } from './setup';

/** The environment variable that may hold the server admin as `user:pass`. */
export const ADMIN_ENV = 'DOSSIER_COUCH_ADMIN';

/** Reads a secrets file; refuses one that other users of the machine may read. */
function readSecretFile(file: string): string {
  const mode = statSync(file).mode;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by other users: chmod 600 it first.`);
  }
  return readFileSync(file, 'utf8');
}

/** Refuses a password given on the command line (`--admin user:pass`, `--members alice:pass`). */
export function refuseArgumentSecrets(values: { admin?: unknown }): void {
  if (values.admin !== undefined) {
    throw new Error(
      `--admin is gone (a password on a command line shows in the process list): set ${ADMIN_ENV}=user:pass, or give --admin-file FILE.`,
    );
  }
}

/** The server admin from `--admin-file` or DOSSIER_COUCH_ADMIN; null when neither is given. */
export function adminFrom(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Credentials | null {
  if (file !== undefined) return parseCredentials(readSecretFile(file).trim());
  const value = env[ADMIN_ENV];
  return value ? parseCredentials(value) : null;
}

/** The passwords of a `--passwords-file`: `name:password` a line (blank lines and `#` comments skipped). */
export function passwordsFrom(file: string | undefined): Map<string, string> {
  const passwords = new Map<string, string>();
  if (file === undefined) return passwords;
  for (const [i, raw] of readSecretFile(file).split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`${file}, line ${i + 1}: write name:password.`);
    passwords.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return passwords;
}

/** A comma-separated list of user names, each with its password from `passwords` if it has one there. */
export function peopleFrom(list: string | undefined, passwords: ReadonlyMap<string, string>): Person[] {
  return (list ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((name) => {
      if (name.includes(':')) {
        throw new Error(
          `${name.slice(0, name.indexOf(':'))}: no passwords on the command line; put name:password lines in a file given with --passwords-file.`,
        );
      }
      const password = passwords.get(name);
      return password === undefined ? { name } : { name, password };
    });
}
