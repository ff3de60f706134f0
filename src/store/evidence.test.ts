import { describe, expect, it } from 'vitest';
import type { Evidence } from '../model/evidence';
import { EvidenceStore } from './evidence';
import { memoryDb } from './memory-db';

const evidence = (captureId: string, clipId: string, caseId?: string): Evidence => ({
  captureId,
  clipId,
  ...(caseId ? { caseId } : {}),
  url: 'https://a.example/story',
  title: 'A story',
  finalUrl: { available: true, value: 'https://a.example/story' },
  redirects: { available: false, reason: 'not observed' },
  httpDate: { available: false, reason: 'not observed' },
  status: { available: false, reason: 'not observed' },
  capturedAt: '2026-12-07T10:00:00.000Z',
  user: 'local',
  device: 'local',
  version: '0.1.0',
  userAgent: 'test',
  snapshot: 'mhtml',
  gaps: [],
  files: [{ name: 'snapshot.mhtml', type: 'multipart/related', bytes: 3, sha256: 'a'.repeat(64) }],
});
const files = new Map([['snapshot.mhtml', { type: 'multipart/related', bytes: Uint8Array.from([0, 255, 7]) }]]);

describe('EvidenceStore', () => {
  it('stores a capture with its files and gives the exact bytes back', async () => {
    const store = new EvidenceStore(memoryDb());
    await store.create(evidence('e1', 'clip1', 'case1'), files);
    expect(await store.get('e1')).toEqual(evidence('e1', 'clip1', 'case1'));
    const file = await store.file('e1', 'snapshot.mhtml');
    expect(Array.from(file.bytes)).toEqual([0, 255, 7]);
    expect(file.type).toBe('multipart/related');
    await expect(store.file('e1', 'other.png')).rejects.toThrow(/has no file other.png/);
  });

  it('never replaces a capture, and stores none whose files are not the ones it lists', async () => {
    const store = new EvidenceStore(memoryDb());
    await store.create(evidence('e1', 'clip1'), files);
    const changed = { ...evidence('e1', 'clip1'), title: 'Rewritten' };
    await expect(store.create(changed, files)).rejects.toThrow(/evidence is never replaced/);
    expect((await store.get('e1'))?.title).toBe('A story');
    await expect(store.create(evidence('e2', 'clip1'), new Map())).rejects.toThrow(/exactly the files/);
    expect(await store.get('e2')).toBeNull();
  });

  it('deletes captures only with their whole clip or case', async () => {
    const store = new EvidenceStore(memoryDb());
    await store.create(evidence('e1', 'clip1', 'case1'), files);
    await store.create(evidence('e2', 'clip2', 'case1'), files);
    await store.create(evidence('e3', 'clip3'), files);
    expect((await store.list({ caseId: 'case1' })).map((e) => e.captureId)).toEqual(['e1', 'e2']);
    expect(await store.removeForClip('clip3')).toBe(1);
    expect((await store.list()).map((e) => e.captureId)).toEqual(['e1', 'e2']);
    expect(await store.removeForCase('case1')).toBe(2);
    expect(await store.list()).toEqual([]);
  });
});
