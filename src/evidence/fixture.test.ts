import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from './verify';

/* The example bundle the e2e suite made from the demo page (e2e/fixtures/evidence/), checked as a reader would. */

const bundle = new Uint8Array(readFileSync(resolve(__dirname, '../../e2e/fixtures/evidence/demo-case.zip')));

describe('the committed example bundle', () => {
  it('holds: every file, the custody chain, the capture against its captured entry, the signature', async () => {
    const report = await verifyBundle(bundle);
    expect(report.problems).toEqual([]);
    const holds = report.holds.join('\n');
    expect(holds).toMatch(/manifest\.sig: manifest\.json is signed by the Ed25519 key [0-9a-f:]{39}/);
    expect(holds).toMatch(/custody\.jsonl: \d+ entries in 1 chain/);
    expect(holds).toMatch(/evidence\/[0-9a-f-]{36}\/: 2 captured files match the hashes recorded when captured/);
    const files = unzipSync(bundle);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as { files: Array<{ path: string }> };
    expect(manifest.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['case.json', 'clips.jsonld', 'custody.jsonl', 'notes/index.md']),
    );
    expect(Object.keys(files).some((name) => name.endsWith('/snapshot.mhtml'))).toBe(true);
  });

  it('fails on one changed byte of its snapshot, naming the file', async () => {
    const files = unzipSync(bundle);
    const name = Object.keys(files).find((path) => path.endsWith('/snapshot.mhtml')) as string;
    const bytes = (files[name] as Uint8Array).slice();
    bytes[1000] = (bytes[1000] as number) ^ 0x01;
    files[name] = bytes;
    const { problems } = await verifyBundle(zipSync(files));
    expect(problems[0]).toMatch(new RegExp(`^${name.replace(/[.]/g, '\\.')}: changed`));
  });
});
