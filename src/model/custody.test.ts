import { describe, expect, it } from 'vitest';
import {
  type CustodyEntry,
  canonicalJson,
  custodyDocId,
  entryHash,
  GENESIS,
  nextEntry,
  sha256Hex,
  verifyChains,
} from './custody';

async function chain(user: string, device: string, count: number): Promise<CustodyEntry[]> {
  const entries: CustodyEntry[] = [];
  for (let index = 0; index < count; index++) {
    const previous = entries.at(-1) ?? null;
    entries.push(
      await nextEntry(previous, {
        caseId: 'c1',
        user,
        device,
        event: index === 0 ? 'created' : 'viewed',
        item: `clip:${index}`,
        detail: { note: `step ${index}` },
        at: `2026-12-07T10:00:0${index}.000Z`,
      }),
    );
  }
  return entries;
}

describe('custody log', () => {
  it('writes canonical JSON with sorted keys at every depth and no undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'x' }], c: null }, e: undefined })).toBe(
      '{"a":{"c":null,"d":[2,{"y":"x","z":1}]},"b":1}',
    );
  });

  it('hashes as the standard SHA-256 does', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('chains each entry to the one before it', async () => {
    const entries = await chain('alice', 'laptop', 3);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prev).toBe(GENESIS);
    expect(entries[1]?.prev).toBe(await entryHash(entries[0] as CustodyEntry));
    const { problems, heads } = await verifyChains(entries);
    expect(problems).toEqual([]);
    expect(heads).toEqual([
      { caseId: 'c1', user: 'alice', device: 'laptop', entries: 3, last: await entryHash(entries[2] as CustodyEntry) },
    ]);
  });

  it('keeps each device’s chain apart and names the entry a removal or an edit breaks', async () => {
    const alice = await chain('alice', 'laptop', 4);
    const bob = await chain('bob', 'phone', 2);
    expect((await verifyChains([...bob, ...alice].reverse())).problems).toEqual([]);

    const removed = [...alice.slice(0, 1), ...alice.slice(2), ...bob];
    expect((await verifyChains(removed)).problems).toEqual([
      expect.objectContaining({ user: 'alice', seq: 3, problem: 'entry 2 is missing' }),
      expect.objectContaining({ user: 'alice', seq: 3, problem: expect.stringContaining('does not follow entry 1') }),
    ]);

    const edited = alice.map((entry) => (entry.seq === 2 ? { ...entry, detail: { note: 'rewritten' } } : entry));
    expect((await verifyChains(edited)).problems).toEqual([
      expect.objectContaining({ seq: 3, problem: expect.stringContaining('does not follow entry 2') }),
    ]);
  });

  it('names an entry by case, device, place and author', () => {
    expect(custodyDocId({ caseId: 'c1', device: 'laptop', seq: 12, user: 'alice' })).toBe(
      'custody:c1:laptop:00000012:alice',
    );
  });

  it('refuses to continue another chain', async () => {
    const [first] = await chain('alice', 'laptop', 1);
    await expect(
      nextEntry(first as CustodyEntry, {
        caseId: 'c1',
        user: 'bob',
        device: 'laptop',
        event: 'viewed',
        item: 'x',
        detail: {},
      }),
    ).rejects.toThrow('another chain');
  });
});
