import { describe, expect, it } from 'vitest';
import type { Card } from './card';
import { parsePackCsv, serialisePackCsv } from './pack-io';
import { bucketOf, LIST_BUCKETS, ListBuckets, readCsvPackStream, toBucket } from './pack-stream';

/** A CSV list of `count` people (quoted summaries with commas, newlines and non-Latin names among them). */
function csvList(count: number, bad?: { row: number; cells: string }): string {
  const lines = ['name,aliases,kind,summary,tags'];
  for (let i = 0; i < count; i++) {
    const row = i + 2;
    if (bad && row === bad.row) lines.push(bad.cells);
    else
      lines.push(`Person ${i},P. ${i}|Персона ${i}|人物${i},person,"Listed, ""quoted""\nsecond line ${i}",sanctions`);
  }
  return `${lines.join('\n')}\n`;
}

/** The text as UTF-8 bytes cut into pieces of `size` bytes (cutting characters in two). */
async function* bytesOf(text: string, size: number): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(text: string, size: number, signal?: AbortSignal) {
  const cards: Card[] = [];
  let calls = 0;
  const problem = await readCsvPackStream(
    bytesOf(text, size),
    (piece) => {
      calls++;
      cards.push(...piece);
    },
    signal,
  );
  return { problem, cards, calls };
}

describe('readCsvPackStream', () => {
  it('reads the same cards as the whole-file parser, however the bytes are cut', async () => {
    const text = csvList(500);
    const whole = parsePackCsv(text);
    if (!whole.ok) throw new Error(whole.error);
    for (const size of [7, 64, 1000, 1 << 20]) {
      const { problem, cards } = await readAll(text, size);
      expect(problem).toBeNull();
      expect(cards).toEqual(whole.value.cards);
    }
    // Pieces arrive as the text does: many calls for small pieces.
    expect((await readAll(text, 1000)).calls).toBeGreaterThan(10);
  });

  it('names the bad row and its field, far into the file, and stops there', async () => {
    const text = csvList(3000, { row: 2812, cells: 'Bad Person,,Not A Kind,,' });
    const seen: number[] = [];
    const problem = await readCsvPackStream(bytesOf(text, 4096), (piece) => {
      seen.push(piece.length);
    });
    expect(problem).toMatch(/^row 2812 \(Bad Person\), field kind: /);
    // Cards before the bad row were read; none after it.
    expect(seen.reduce((a, b) => a + b, 0)).toBeLessThan(2811);
    expect(await readAll(csvList(100, { row: 50, cells: 'Person 1,,person,,' }), 333)).toMatchObject({
      problem: 'row 50: the name "Person 1" is already used on row 3',
    });
    expect(await readAll(csvList(100, { row: 70, cells: 'Too,few' }), 333)).toMatchObject({
      problem: 'row 70: expected 5 fields, found 2',
    });
  });

  it('refuses what is not a UTF-8 CSV pack', async () => {
    const latin1 = async function* () {
      yield new TextEncoder().encode('name,aliases,kind,summary,tags\n');
      yield Uint8Array.of(
        0x4d,
        0xfc,
        0x6c,
        0x6c,
        0x65,
        0x72,
        0x2c,
        0x2c,
        0x70,
        0x65,
        0x72,
        0x73,
        0x6f,
        0x6e,
        0x2c,
        0x2c,
      );
    };
    expect(await readCsvPackStream(latin1(), () => {})).toMatch(/not UTF-8 text/);
    const utf16 = async function* () {
      yield Uint8Array.of(0xff, 0xfe, 0x6e, 0x00);
    };
    expect(await readCsvPackStream(utf16(), () => {})).toMatch(/UTF-16/);
    expect((await readAll('name,kind\nA,b\n', 100)).problem).toMatch(/^row 1: the header must be/);
    expect((await readAll('name,aliases,kind,summary,tags\n', 100)).problem).toBe('the file has a header but no cards');
    expect((await readAll('', 100)).problem).toBe('the file is empty');
    expect((await readAll(`${csvList(3)}"unclosed,,person,,\n`, 100)).problem).toMatch(/^row 5: /);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    let read = 0;
    const problem = await readCsvPackStream(
      bytesOf(csvList(2000), 2048),
      (piece) => {
        read += piece.length;
        if (read > 100) controller.abort();
      },
      controller.signal,
    );
    expect(problem).toBe('cancelled');
    expect(read).toBeLessThan(2000);
  });

  it('round-trips an exported pack', async () => {
    const whole = parsePackCsv(csvList(50));
    if (!whole.ok) throw new Error(whole.error);
    const { cards } = await readAll(serialisePackCsv(whole.value), 100);
    expect(cards).toEqual(whole.value.cards);
  });
});

describe('ListBuckets', () => {
  it('puts each id in one bucket, and a changed card changes only its bucket’s digest', () => {
    const whole = parsePackCsv(csvList(2000));
    if (!whole.ok) throw new Error(whole.error);
    const a = new ListBuckets();
    a.add(whole.value.cards);
    const b = new ListBuckets();
    const changed = whole.value.cards.map((c) => (c.id === 'person-7' ? { ...c, summary: 'changed' } : c));
    b.add(changed);
    expect(a.numbers().length).toBeGreaterThan(200);
    expect(a.numbers().every((n) => n >= 0 && n < LIST_BUCKETS)).toBe(true);
    const differ = a.numbers().filter((n) => a.digest(n) !== b.digest(n));
    expect(differ).toEqual([bucketOf('person-7')]);
    // The digest told without building the bucket is the stored form's, as the store makes it from the cards.
    for (const n of a.numbers().slice(0, 50)) {
      const stored = a.bucket(n);
      expect(a.digest(n)).toBe(stored.digest);
      const json = (JSON.parse(stored.cards) as unknown[]).map((c) => JSON.stringify(c));
      expect(
        toBucket(
          n,
          json.map((j) => (JSON.parse(j) as { id: string }).id),
          json,
        ),
      ).toEqual(stored);
      expect(a.size(n)).toBe(stored.cards.length - 1);
    }
    const cards = JSON.parse(a.bucket(bucketOf('person-7')).cards) as Array<Record<string, unknown>>;
    // Stored compact: empty fields are left out.
    expect(cards.find((c) => c.id === 'person-7')).not.toHaveProperty('notes');
  });
});
