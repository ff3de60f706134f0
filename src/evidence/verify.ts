import { strFromU8, strToU8, unzipSync } from 'fflate';
import * as v from 'valibot';
import { CUSTODY_EVENTS, type CustodyEntry, canonicalJson, sha256Hex, verifyChains } from '../model/custody';
import { CUSTODY, MANIFEST, ManifestSchema, SIGNATURE } from './bundle';
import { fingerprint, verifySignature } from './signing';

/*
 * Checks a case's bundle: every listed file's size and SHA-256, files present but not listed, the custody log's
 * chains against the heads the manifest names, each capture's files against the hashes its `captured` entry
 * recorded when it was made, and the signature where there is one. Says what holds and, for what does not, the
 * file or the entry.
 */

/** What a check found. */
export interface BundleReport {
  /** What holds, one line each. */
  holds: string[];
  /** What does not, one line each naming the file or the entry. */
  problems: string[];
}

const str = v.pipe(v.string(), v.maxLength(100_000));
const EntrySchema = v.strictObject({
  caseId: str,
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  at: str,
  user: str,
  device: str,
  event: v.picklist(CUSTODY_EVENTS),
  item: str,
  detail: v.record(v.string(), v.string()),
  prev: str,
});

/** Verifies a bundle's bytes. */
export async function verifyBundle(zip: Uint8Array): Promise<BundleReport> {
  const holds: string[] = [];
  const problems: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    return { holds, problems: [`the bundle is not a readable ZIP file (${(error as Error).message})`] };
  }
  for (const path of Object.keys(files)) if (path.endsWith('/')) delete files[path];
  const manifestBytes = files[MANIFEST];
  if (!manifestBytes) return { holds, problems: [`${MANIFEST} is missing: nothing can be checked`] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(manifestBytes));
  } catch (error) {
    return { holds, problems: [`${MANIFEST} is not JSON (${(error as Error).message})`] };
  }
  const checked = v.safeParse(ManifestSchema, parsed);
  if (!checked.success) {
    const issue = checked.issues[0];
    const where = issue.path?.map((step) => String(step.key)).join('.') ?? '';
    return { holds, problems: [`${MANIFEST} is not a bundle manifest (${where ? `${where}: ` : ''}${issue.message})`] };
  }
  const manifest = checked.output;

  // The signature first: with it, the manifest's list is the signer's.
  const signature = files[SIGNATURE];
  if (signature && !manifest.signature) problems.push(`${SIGNATURE} is present but ${MANIFEST} names no public key`);
  else if (!signature && manifest.signature)
    problems.push(`${MANIFEST} names a signing key but ${SIGNATURE} is missing`);
  else if (signature && manifest.signature) {
    let valid = false;
    try {
      valid = await verifySignature(
        manifest.signature.publicKey,
        strFromU8(signature),
        strToU8(canonicalJson(manifest)),
      );
    } catch (error) {
      problems.push(`${SIGNATURE}: the signature or the public key cannot be read (${(error as Error).message})`);
    }
    const print = await fingerprint(manifest.signature.publicKey).catch(() => '(unreadable key)');
    if (valid) holds.push(`${SIGNATURE}: ${MANIFEST} is signed by the Ed25519 key ${print}`);
    else if (problems.length === 0 || !problems.at(-1)?.startsWith(SIGNATURE)) {
      problems.push(
        `${SIGNATURE}: the signature does not match ${MANIFEST} (the manifest was changed after signing, or signed with another key than ${print})`,
      );
    }
  } else {
    holds.push(`${MANIFEST} is not signed (its list proves the files match it, not who made it)`);
  }

  // Every listed file, then every file nobody listed.
  const listed = new Set<string>();
  let matching = 0;
  for (const file of manifest.files) {
    if (listed.has(file.path)) {
      problems.push(`${file.path}: listed twice in ${MANIFEST}`);
      continue;
    }
    listed.add(file.path);
    const bytes = files[file.path];
    if (!bytes) {
      problems.push(`${file.path}: listed in ${MANIFEST} but missing from the bundle`);
      continue;
    }
    const sha256 = await sha256Hex(bytes);
    if (bytes.length !== file.bytes || sha256 !== file.sha256) {
      problems.push(
        `${file.path}: changed (${bytes.length} bytes, SHA-256 ${sha256}; the manifest lists ${file.bytes} bytes, SHA-256 ${file.sha256})`,
      );
      continue;
    }
    matching++;
  }
  if (matching > 0) holds.push(`${matching} of ${manifest.files.length} listed files match their size and SHA-256`);
  for (const path of Object.keys(files).sort()) {
    if (path !== MANIFEST && path !== SIGNATURE && !listed.has(path)) {
      problems.push(`${path}: in the bundle but not listed in ${MANIFEST}`);
    }
  }

  const entries = await checkCustody(files[CUSTODY], manifest.chains, holds, problems);
  await checkCaptures(files, entries, holds, problems);
  return { holds, problems };
}

type Head = v.InferOutput<typeof ManifestSchema>['chains'][number];

async function checkCustody(
  log: Uint8Array | undefined,
  heads: readonly Head[],
  holds: string[],
  problems: string[],
): Promise<CustodyEntry[]> {
  if (!log) {
    problems.push(`${CUSTODY}: missing (the custody log)`);
    return [];
  }
  const entries: CustodyEntry[] = [];
  strFromU8(log)
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push(`${CUSTODY} line ${index + 1}: not JSON`);
        return;
      }
      const entry = v.safeParse(EntrySchema, value);
      if (entry.success) entries.push(entry.output);
      else problems.push(`${CUSTODY} line ${index + 1}: not a custody entry (${entry.issues[0].message})`);
    });
  const found = await verifyChains(entries);
  const name = (chain: { user: string; device: string }) => `the chain of ${chain.user} on ${chain.device}`;
  for (const problem of found.problems) {
    problems.push(`${CUSTODY}: ${name(problem)}, entry ${problem.seq}: ${problem.problem}`);
  }
  const key = (head: { caseId: string; user: string; device: string }) =>
    `${head.caseId}\u0000${head.user}\u0000${head.device}`;
  const computed = new Map(found.heads.map((head) => [key(head), head]));
  const named = new Set<string>();
  for (const head of heads) {
    named.add(key(head));
    const actual = computed.get(key(head));
    if (!actual) {
      problems.push(
        `${CUSTODY}: ${name(head)} is in ${MANIFEST} (${head.entries} entries) but has no entries in the log`,
      );
    } else if (actual.entries !== head.entries) {
      problems.push(
        `${CUSTODY}: ${name(head)} has ${actual.entries} entries; ${MANIFEST} says ${head.entries} (entries were ${actual.entries < head.entries ? 'removed' : 'added'}; last entry now ${actual.entries})`,
      );
    } else if (actual.last !== head.last) {
      problems.push(
        `${CUSTODY}: ${name(head)}, entry ${head.entries} (the last): its hash differs from ${MANIFEST}'s (it was changed)`,
      );
    }
  }
  for (const head of found.heads) {
    if (!named.has(key(head))) problems.push(`${CUSTODY}: ${name(head)} is not named in ${MANIFEST}`);
  }
  if (
    found.problems.length === 0 &&
    entries.length > 0 &&
    heads.every(
      (head) => computed.get(key(head))?.last === head.last && computed.get(key(head))?.entries === head.entries,
    )
  ) {
    holds.push(
      `${CUSTODY}: ${entries.length} entries in ${found.heads.length} chain${found.heads.length === 1 ? '' : 's'}, each linked to the one before, ending where ${MANIFEST} says`,
    );
  }
  return entries;
}

const CaptureSchema = v.looseObject({
  captureId: str,
  files: v.array(v.looseObject({ name: str, sha256: str })),
});

/** Each capture's files against the hashes recorded when it was made (its capture.json and its `captured` entry). */
async function checkCaptures(
  files: Record<string, Uint8Array>,
  entries: readonly CustodyEntry[],
  holds: string[],
  problems: string[],
): Promise<void> {
  for (const path of Object.keys(files).sort()) {
    const match = /^evidence\/([^/]+)\/capture\.json$/.exec(path);
    if (!match) continue;
    const folder = `evidence/${match[1]}/`;
    let record: v.InferOutput<typeof CaptureSchema>;
    try {
      record = v.parse(CaptureSchema, JSON.parse(strFromU8(files[path] as Uint8Array)));
    } catch {
      problems.push(`${path}: not a capture record`);
      continue;
    }
    const captured = entries.find((entry) => entry.event === 'captured' && entry.item === record.captureId);
    let sound = true;
    for (const file of record.files) {
      const bytes = files[`${folder}${file.name}`];
      if (!bytes) {
        problems.push(`${folder}${file.name}: recorded by its capture but missing from the bundle`);
        sound = false;
        continue;
      }
      const sha256 = await sha256Hex(bytes);
      if (sha256 !== file.sha256) {
        problems.push(`${folder}${file.name}: differs from the SHA-256 its capture recorded (${file.sha256})`);
        sound = false;
      }
      const logged = captured?.detail[file.name];
      if (captured && logged !== sha256) {
        problems.push(
          `${folder}${file.name}: differs from the SHA-256 the custody log recorded when it was captured (entry ${captured.seq} of ${captured.user} on ${captured.device})`,
        );
        sound = false;
      }
    }
    if (!captured) {
      problems.push(`${path}: capture ${record.captureId} has no "captured" entry in ${CUSTODY}`);
      sound = false;
    }
    if (sound) holds.push(`${folder}: ${record.files.length} captured files match the hashes recorded when captured`);
  }
}
