import { strToU8, type Zippable, zipSync } from 'fflate';
import * as v from 'valibot';
import { type ChainHead, type CustodyEntry, canonicalJson, sha256Hex, verifyChains } from '../model/custody';
import { type Signer, toBase64 } from './signing';

/*
 * A case's bundle: one ZIP holding its files (snapshots, screenshots, notes, JSON-LD), its custody log
 * (custody.jsonl, one entry a line in canonical JSON) and manifest.json, which lists every other file with its
 * size and SHA-256 and every custody chain's head (entries and last hash, so a removed last entry shows too).
 * With a signer, manifest.sig holds the Ed25519 signature (base64) of the manifest's canonical JSON.
 */

/** The bundle format's name and version (manifest.json's `format`). */
export const BUNDLE_FORMAT = 'dossier-case-bundle/1';
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const CUSTODY = 'custody.jsonl';

const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const text = v.pipe(v.string(), v.maxLength(4096));

/** manifest.json's shape. */
export const ManifestSchema = v.strictObject({
  format: v.literal(BUNDLE_FORMAT),
  caseId: text,
  caseName: text,
  created: text,
  createdBy: v.strictObject({ user: text, device: text }),
  generator: text,
  files: v.array(
    v.strictObject({
      path: text,
      bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
      sha256: hex64,
    }),
  ),
  chains: v.array(
    v.strictObject({
      caseId: text,
      user: text,
      device: text,
      entries: v.pipe(v.number(), v.integer(), v.minValue(0)),
      last: hex64,
    }),
  ),
  signature: v.optional(v.strictObject({ algorithm: v.literal('Ed25519'), publicKey: text })),
});

/** A bundle's manifest. */
export type BundleManifest = v.InferOutput<typeof ManifestSchema>;

/** What goes into a bundle. */
export interface BundleInput {
  caseId: string;
  caseName: string;
  /** When the bundle was made (ISO, UTC); also every ZIP entry's time. */
  created: string;
  user: string;
  device: string;
  /** Dossier and its version (`Dossier 0.1.0`). */
  generator: string;
  /** Every file but the manifest, the signature and the custody log, by path in the bundle. */
  files: ReadonlyMap<string, Uint8Array>;
  custody: readonly CustodyEntry[];
  signer?: Signer;
}

/** The custody log's text: one entry a line, canonical JSON, each chain in order. */
export function custodyLines(entries: readonly CustodyEntry[]): string {
  const sorted = [...entries].sort(
    (a, b) =>
      a.user.localeCompare(b.user) ||
      a.device.localeCompare(b.device) ||
      a.seq - b.seq ||
      a.caseId.localeCompare(b.caseId),
  );
  return sorted.map((entry) => `${canonicalJson(entry)}\n`).join('');
}

/** The manifest of a bundle's files and log (signed later, if at all). */
export async function bundleManifest(
  input: BundleInput,
): Promise<{ manifest: BundleManifest; files: Map<string, Uint8Array> }> {
  const files = new Map(input.files);
  for (const reserved of [MANIFEST, SIGNATURE, CUSTODY]) {
    if (files.has(reserved)) throw new Error(`${reserved} is the bundle's own file: no other may take its name`);
  }
  files.set(CUSTODY, strToU8(custodyLines(input.custody)));
  // A log that does not hold is exported as it is: the manifest names its heads, and a check names its breaks.
  const { heads } = await verifyChains(input.custody);
  const listed = await Promise.all(
    [...files].map(async ([path, bytes]) => ({ path, bytes: bytes.length, sha256: await sha256Hex(bytes) })),
  );
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    caseId: input.caseId,
    caseName: input.caseName,
    created: input.created,
    createdBy: { user: input.user, device: input.device },
    generator: input.generator,
    files: listed.sort((a, b) => a.path.localeCompare(b.path)),
    chains: heads.sort(compareHeads),
    ...(input.signer
      ? { signature: { algorithm: 'Ed25519' as const, publicKey: toBase64(input.signer.publicKey) } }
      : {}),
  };
  return { manifest, files };
}

/** A case's bundle as a ZIP file's bytes. */
export async function buildBundle(input: BundleInput): Promise<Uint8Array> {
  const { manifest, files } = await bundleManifest(input);
  const mtime = new Date(input.created);
  const entries: Zippable = {};
  entries[MANIFEST] = [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }];
  if (input.signer) {
    const signature = await input.signer.sign(strToU8(canonicalJson(manifest)));
    entries[SIGNATURE] = [strToU8(`${toBase64(signature)}\n`), { mtime }];
  }
  for (const [path, bytes] of files) entries[path] = [bytes, { mtime }];
  return zipSync(entries, { level: 6 });
}

function compareHeads(a: ChainHead, b: ChainHead): number {
  return a.caseId.localeCompare(b.caseId) || a.user.localeCompare(b.user) || a.device.localeCompare(b.device);
}
