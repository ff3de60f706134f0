import { describe, expect, it } from 'vitest';
import { hitIdOf, type SignalHitRecord } from '../model/signal-hit';
import { exportAll, parseBackup } from './backup';
import { memoryDb } from './memory-db';
import { SignalHitStore } from './signal-hits';

const hit = (url: string, signal: string, time: string, evidence = 'Nvidia chips were rented.'): SignalHitRecord => ({
  hitId: hitIdOf(url, 'nvidia', signal),
  url,
  title: 'A story',
  time,
  cardId: 'nvidia',
  cardName: 'Nvidia',
  signal,
  terms: ['Nvidia', 'rented'],
  evidence,
});

describe('SignalHitStore', () => {
  it('keeps one hit per page and signal, updated when it fires again, and says which are new', async () => {
    const store = new SignalHitStore(memoryDb());
    const first = hit('https://a.example/s', 'rentals', '2026-01-01T00:00:00.000Z');
    expect(await store.record([first])).toEqual([first]);
    const again = hit('https://a.example/s#part', 'rentals', '2026-01-02T00:00:00.000Z', 'Customs opened a probe.');
    const other = hit('https://a.example/s', 'audits', '2026-01-02T00:00:00.000Z');
    expect(await store.record([again, other])).toEqual([other]);
    const listed = await store.list();
    expect(listed).toHaveLength(2);
    expect(await store.get(first.hitId)).toMatchObject({ evidence: 'Customs opened a probe.', time: again.time });
  });

  it('drops the oldest hits past its cap', async () => {
    const store = new SignalHitStore(memoryDb(), 3);
    for (let day = 1; day <= 5; day++) {
      await store.record([hit(`https://a.example/${day}`, 'rentals', `2026-01-0${day}T00:00:00.000Z`)]);
    }
    expect((await store.list()).map((h) => h.url)).toEqual([
      'https://a.example/5',
      'https://a.example/4',
      'https://a.example/3',
    ]);
  });

  it('removes a hit', async () => {
    const store = new SignalHitStore(memoryDb());
    const one = hit('https://a.example/s', 'rentals', '2026-01-01T00:00:00.000Z');
    await store.record([one]);
    expect(await store.remove(one.hitId)).toBe(true);
    expect(await store.list()).toEqual([]);
    expect(await store.remove(one.hitId)).toBe(false);
  });

  it('travels in a backup, which a restore accepts', async () => {
    const db = memoryDb();
    await new SignalHitStore(db).record([hit('https://a.example/s', 'rentals', '2026-01-01T00:00:00.000Z')]);
    const docs = parseBackup(await exportAll(db));
    expect(docs.filter((d) => d.type === 'signal-hit')).toHaveLength(1);
    const broken = (await exportAll(db)).replace('"evidence"', '"evidences"');
    expect(() => parseBackup(broken)).toThrowError(
      /^docs\.\d+ \(signal-hit sighit:[0-9a-f]{16}\): evidence: is missing; nothing was restored\.$/,
    );
  });
});
