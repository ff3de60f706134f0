import * as v from 'valibot';

/*
 * A case's custody log: every event on a case's items, appended, never edited. Each device of each user keeps
 * its own chain (entries replicate between teammates, so one global chain would fork); each entry carries the
 * SHA-256 of the one before it in its chain, so an entry removed or edited anywhere but at the end breaks the
 * chain, and a bundle's manifest (which counts every chain's entries and names its last hash) covers the end.
 *
 * The hash is over the entry's canonical JSON (keys sorted, no spaces), the same in the extension, the CLI
 * and any reader of an exported bundle.
 */

/** What happened to an item of a case. */
export type CustodyEvent =
  | 'created'
  | 'captured'
  | 'viewed'
  | 'annotated'
  | 'edited'
  | 'exported'
  | 'shared'
  | 'deleted'
  | 'closed'
  | 'reopened';

export const CUSTODY_EVENTS: readonly CustodyEvent[] = [
  'created',
  'captured',
  'viewed',
  'annotated',
  'edited',
  'exported',
  'shared',
  'deleted',
  'closed',
  'reopened',
];

/** One entry of a custody log. */
export interface CustodyEntry {
  /** The case's id (`case:<id>`'s `<id>`). */
  caseId: string;
  /** The entry's place in its (user, device) chain, from 1. */
  seq: number;
  /** When it happened, ISO 8601 in UTC (`…Z`). */
  at: string;
  /** Who did it, and on which device (the team's user and device names; `local` for an unshared case). */
  user: string;
  device: string;
  event: CustodyEvent;
  /** What it happened to: a clip's, an annotation's or a capture's id, or the case's own id. */
  item: string;
  /** Plain facts about it (for a capture, each file's name and SHA-256). Strings only, so it hashes one way. */
  detail: Record<string, string>;
  /** The SHA-256 (lower-case hex) of the previous entry of this chain; GENESIS for the first. */
  prev: string;
}

/** The `prev` of a chain's first entry. */
export const GENESIS = '0'.repeat(64);

/** A value's JSON with every object's keys sorted and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`canonicalJson: ${typeof value} has no JSON form`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** The lower-case hex SHA-256 of bytes or of a string's UTF-8. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The entry's hash: the SHA-256 of its canonical JSON. */
export function entryHash(entry: CustodyEntry): Promise<string> {
  return sha256Hex(canonicalJson(entry));
}

/** The entry that follows `previous` in its chain (or starts one when `previous` is null). */
export async function nextEntry(
  previous: CustodyEntry | null,
  fields: Omit<CustodyEntry, 'seq' | 'prev' | 'at'> & { at?: string },
): Promise<CustodyEntry> {
  if (
    previous &&
    (previous.user !== fields.user || previous.device !== fields.device || previous.caseId !== fields.caseId)
  ) {
    throw new Error('nextEntry: the previous entry is from another chain');
  }
  return {
    ...fields,
    at: fields.at ?? new Date().toISOString(),
    seq: previous ? previous.seq + 1 : 1,
    prev: previous ? await entryHash(previous) : GENESIS,
  };
}

/** The store id of an entry: ends with its author, as every authored team document's id does. */
export function custodyDocId(entry: Pick<CustodyEntry, 'caseId' | 'device' | 'seq' | 'user'>): string {
  return `custody:${entry.caseId}:${entry.device}:${String(entry.seq).padStart(8, '0')}:${entry.user}`;
}

/** One chain's key. */
export function chainKey(entry: Pick<CustodyEntry, 'caseId' | 'user' | 'device'>): string {
  return `${entry.caseId}\u0000${entry.user}\u0000${entry.device}`;
}

/** What a chain ends with: how many entries and the last one's hash (a bundle's manifest lists these). */
export interface ChainHead {
  caseId: string;
  user: string;
  device: string;
  entries: number;
  last: string;
}

/** A break in a chain, naming the entry. */
export interface ChainProblem {
  caseId: string;
  user: string;
  device: string;
  seq: number;
  problem: string;
}

/**
 * Checks every chain in `entries` (any order): each chain's entries numbered 1..n with no gap or repeat, each
 * `prev` the hash of the entry before. Returns every problem found (none when the log holds) and each chain's head.
 */
export async function verifyChains(
  entries: readonly CustodyEntry[],
): Promise<{ problems: ChainProblem[]; heads: ChainHead[] }> {
  const chains = new Map<string, CustodyEntry[]>();
  for (const entry of entries) {
    const key = chainKey(entry);
    const chain = chains.get(key) ?? [];
    chain.push(entry);
    chains.set(key, chain);
  }
  const problems: ChainProblem[] = [];
  const heads: ChainHead[] = [];
  for (const chain of chains.values()) {
    chain.sort((a, b) => a.seq - b.seq);
    let previous: CustodyEntry | null = null;
    let previousHash = GENESIS;
    for (const entry of chain) {
      const at = { caseId: entry.caseId, user: entry.user, device: entry.device, seq: entry.seq };
      const expectedSeq = previous ? previous.seq + 1 : 1;
      if (entry.seq !== expectedSeq) {
        problems.push({
          ...at,
          problem:
            previous && entry.seq === previous.seq
              ? `entry ${entry.seq} appears twice`
              : `entry ${expectedSeq}${entry.seq > expectedSeq + 1 ? `–${entry.seq - 1}` : ''} is missing`,
        });
      }
      if (entry.prev !== previousHash) {
        problems.push({
          ...at,
          problem: previous
            ? `entry ${entry.seq} does not follow entry ${previous.seq} (its previous hash differs: one of them was changed, or an entry between them removed)`
            : `entry ${entry.seq} does not start the chain (its previous hash is not the genesis hash)`,
        });
      }
      previous = entry;
      previousHash = await entryHash(entry);
    }
    const first = chain[0] as CustodyEntry;
    heads.push({
      caseId: first.caseId,
      user: first.user,
      device: first.device,
      entries: chain.length,
      last: previousHash,
    });
  }
  return { problems, heads };
}

const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 hexadecimal digits'));
/** A user's or a device's name as an entry names it: no `:` (the entry's id is cut at them). */
const chainName = v.pipe(v.string(), v.regex(/^[^:\s]{1,100}$/, 'must be a name without spaces or colons'));

/** Most facts an entry's `detail` holds, and the longest one. */
export const MAX_CUSTODY_DETAILS = 64;
export const MAX_CUSTODY_DETAIL = 2000;

/** An entry, checked whole: a stored document's content, a teammate's entry, a bundle's log. */
export const CustodyEntrySchema = v.strictObject({
  caseId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be 16 hexadecimal digits')),
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  at: v.pipe(v.string(), v.isoTimestamp('must be an ISO time'), v.endsWith('Z', 'must be in UTC')),
  user: chainName,
  device: chainName,
  event: v.picklist(CUSTODY_EVENTS),
  item: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  detail: v.pipe(
    v.record(v.pipe(v.string(), v.maxLength(100)), v.pipe(v.string(), v.maxLength(MAX_CUSTODY_DETAIL))),
    v.check(
      (detail) => Object.keys(detail).length <= MAX_CUSTODY_DETAILS,
      `must hold at most ${MAX_CUSTODY_DETAILS} facts`,
    ),
  ),
  prev: hex64,
});
