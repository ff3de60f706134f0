import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type CustodyEntry, canonicalJson, nextEntry, sha256Hex } from '../model/custody';
import { buildBundle, CUSTODY, MANIFEST, SIGNATURE } from './bundle';
import { signerOf } from './signing';
import { verifyBundle } from './verify';

const AT = '2026-12-07T10:00:00.000Z';
const snapshot = strToU8('MIME-Version: 1.0\r\n\r\n<html>the page</html>');
const screenshot = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

async function log(): Promise<CustodyEntry[]> {
  const entries: CustodyEntry[] = [];
  const add = async (event: CustodyEntry['event'], item: string, detail: Record<string, string>) => {
    entries.push(
      await nextEntry(entries.at(-1) ?? null, {
        caseId: 'c1',
        user: 'ana',
        device: 'laptop',
        event,
        item,
        detail,
        at: AT,
      }),
    );
  };
  await add('created', 'c1', {});
  await add('captured', 'cap1', {
    'snapshot.mhtml': await sha256Hex(snapshot),
    'screenshot.png': await sha256Hex(screenshot),
  });
  await add('viewed', 'cap1', {});
  await add('exported', 'c1', {});
  return entries;
}

async function bundle(signed: boolean): Promise<Uint8Array> {
  const capture = {
    captureId: 'cap1',
    files: [
      { name: 'snapshot.mhtml', sha256: await sha256Hex(snapshot) },
      { name: 'screenshot.png', sha256: await sha256Hex(screenshot) },
    ],
  };
  const files = new Map<string, Uint8Array>([
    ['evidence/cap1/snapshot.mhtml', snapshot],
    ['evidence/cap1/screenshot.png', screenshot],
    ['evidence/cap1/capture.json', strToU8(JSON.stringify(capture))],
    ['notes/A page.md', strToU8('# A page\n')],
  ]);
  const pair = (await crypto.subtle.generateKey('Ed25519', false, ['sign', 'verify'])) as CryptoKeyPair;
  return buildBundle({
    caseId: 'c1',
    caseName: 'Case one',
    created: AT,
    user: 'ana',
    device: 'laptop',
    generator: 'Dossier test',
    files,
    custody: await log(),
    ...(signed ? { signer: await signerOf(pair) } : {}),
  });
}

function edit(zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  change(files);
  return zipSync(files);
}

describe('verifyBundle', () => {
  it('holds for a bundle as made, signed or not', async () => {
    for (const signed of [true, false]) {
      const report = await verifyBundle(await bundle(signed));
      expect(report.problems).toEqual([]);
      expect(report.holds.join('\n')).toMatch(signed ? /signed by the Ed25519 key/ : /not signed/);
      expect(report.holds.join('\n')).toContain('5 of 5 listed files match');
      expect(report.holds.join('\n')).toContain('custody.jsonl: 4 entries in 1 chain');
    }
  });

  it('names the file when one byte of any file changes', async () => {
    const zip = await bundle(true);
    for (const path of Object.keys(unzipSync(zip))) {
      if (path === MANIFEST) continue;
      const changed = edit(zip, (files) => {
        const bytes = (files[path] as Uint8Array).slice();
        const at = Math.floor(bytes.length / 2);
        bytes[at] = (bytes[at] as number) ^ 0x01;
        files[path] = bytes;
      });
      const { problems } = await verifyBundle(changed);
      expect(problems.length, path).toBeGreaterThan(0);
      expect(problems[0], path).toContain(path);
    }
  });

  it('names the entry when a log entry is removed from the middle or the end', async () => {
    const zip = await bundle(false);
    const remove = (line: number) =>
      edit(zip, (files) => {
        const lines = strFromU8(files[CUSTODY] as Uint8Array).split('\n');
        lines.splice(line, 1);
        files[CUSTODY] = strToU8(lines.join('\n'));
        fixListing(files, CUSTODY);
      });
    const middle = await verifyBundle(remove(1));
    expect(middle.problems.join('\n')).toContain('the chain of ana on laptop, entry 3: entry 2 is missing');
    const last = await verifyBundle(remove(3));
    expect(last.problems.join('\n')).toContain('the chain of ana on laptop has 3 entries; manifest.json says 4');
  });

  it('names a custody entry changed in place, and a capture whose file no longer matches its captured entry', async () => {
    const zip = await bundle(false);
    const changed = edit(zip, (files) => {
      const lines = strFromU8(files[CUSTODY] as Uint8Array).split('\n');
      const entry = JSON.parse(lines[2] as string) as CustodyEntry;
      lines[2] = canonicalJson({ ...entry, at: '2026-12-08T00:00:00.000Z' });
      files[CUSTODY] = strToU8(lines.join('\n'));
      fixListing(files, CUSTODY);
      files['evidence/cap1/screenshot.png'] = Uint8Array.from([9, 9, 9]);
      fixListing(files, 'evidence/cap1/screenshot.png');
    });
    const { problems } = await verifyBundle(changed);
    expect(problems.join('\n')).toContain('entry 4: entry 4 does not follow entry 3');
    expect(problems.join('\n')).toContain(
      'evidence/cap1/screenshot.png: differs from the SHA-256 the custody log recorded when it was captured (entry 2 of ana on laptop)',
    );
  });

  it('refuses a manifest changed after signing, and a signature removed', async () => {
    const zip = await bundle(true);
    const changed = edit(zip, (files) => {
      files['notes/A page.md'] = strToU8('# A page, rewritten\n');
      fixListing(files, 'notes/A page.md');
    });
    const { problems } = await verifyBundle(changed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^manifest\.sig: the signature does not match manifest\.json/);
    const unsigned = await verifyBundle(edit(zip, (files) => delete files[SIGNATURE]));
    expect(unsigned.problems).toEqual(['manifest.json names a signing key but manifest.sig is missing']);
  });

  it('names a file present but not listed, and one listed but missing', async () => {
    const zip = await bundle(false);
    const extra = await verifyBundle(edit(zip, (files) => (files['notes/extra.md'] = strToU8('added later'))));
    expect(extra.problems).toEqual(['notes/extra.md: in the bundle but not listed in manifest.json']);
    const missing = await verifyBundle(edit(zip, (files) => delete files['notes/A page.md']));
    expect(missing.problems).toEqual(['notes/A page.md: listed in manifest.json but missing from the bundle']);
  });

  it('says what is wrong with what is not a bundle', async () => {
    expect((await verifyBundle(strToU8('not a zip'))).problems[0]).toMatch(/not a readable ZIP file/);
    const noManifest = await verifyBundle(edit(await bundle(false), (files) => delete files[MANIFEST]));
    expect(noManifest.problems).toEqual(['manifest.json is missing: nothing can be checked']);
  });
});

/** Rewrites a file's line in an unsigned manifest, as someone hiding a change would. */
function fixListing(files: Record<string, Uint8Array>, path: string): void {
  const manifest = JSON.parse(strFromU8(files[MANIFEST] as Uint8Array));
  const bytes = files[path] as Uint8Array;
  const hash = createHash('sha256').update(bytes).digest('hex');
  manifest.files = manifest.files.map((file: { path: string }) =>
    file.path === path ? { path, bytes: bytes.length, sha256: hash } : file,
  );
  files[MANIFEST] = strToU8(JSON.stringify(manifest));
}
