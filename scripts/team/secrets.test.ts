import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminFrom, passwordsFrom, peopleFrom, refuseArgumentSecrets } from './secrets';

const dir = mkdtempSync(join(tmpdir(), 'dossier-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `text` with `mode`. */
function file(name: string, text: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

describe('secrets of the command-line tools', () => {
  it('refuses a password as an argument', () => {
    expect(() => refuseArgumentSecrets({ admin: 'admin:secret' })).toThrow(/--admin is gone/);
    expect(() => refuseArgumentSecrets({})).not.toThrow();
    expect(() => peopleFrom('alice:secret,bob', new Map())).toThrow(/alice: no passwords on the command line/);
  });

  it('takes the admin from the environment or an owner-only file', () => {
    expect(adminFrom(undefined, { DOSSIER_COUCH_ADMIN: 'admin:se:cret' })).toEqual({
      name: 'admin',
      password: 'se:cret',
    });
    expect(adminFrom(undefined, {})).toBeNull();
    expect(adminFrom(file('admin', 'root:pw\n', 0o600), {})).toEqual({ name: 'root', password: 'pw' });
    expect(() => adminFrom(file('admin-open', 'root:pw\n', 0o644), {})).toThrow(/readable by other users/);
  });

  it("reads users' passwords from an owner-only file, one name:password a line", () => {
    const passwords = passwordsFrom(file('people', '# team\nalice:a-long-one\n\nbob:b:c\n', 0o600));
    expect(peopleFrom('alice, bob,carol', passwords)).toEqual([
      { name: 'alice', password: 'a-long-one' },
      { name: 'bob', password: 'b:c' },
      { name: 'carol' },
    ]);
    expect(() => passwordsFrom(file('people-open', 'alice:x\n', 0o640))).toThrow(/chmod 600/);
    expect(() => passwordsFrom(file('people-bad', 'alice\n', 0o600))).toThrow(/line 1: write name:password/);
  });
});
