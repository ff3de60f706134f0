import { describe, expect, it } from 'vitest';
import type { Card } from './card';
import { MAX_PACK_CARDS, MAX_PACK_NAMES } from './pack';
import { parsePackJson, serialisePackJson } from './pack-io';
import { JsonPackReader, type PackHeader, readJsonPackStream } from './pack-stream-json';
import type { Result } from './result';

const HEAD = { format: 'dossier-pack', formatVersion: 1, id: 'sanctions', name: 'Sanctions list', version: '2.3.4' };

/** A card of the list: names and aliases in several scripts, a summary with quotes, escapes and an emoji. */
const person = (i: number): Record<string, unknown> => ({
  id: `person-${i}`,
  name: `Person ${i}`,
  kind: 'person',
  aliases: [`P. ${i}`, `Персона ${i}`, `人物${i}`, `شخص ${i}`],
  summary: `Listed, "quoted" \\ back\nsecond line ${i} 🚢`,
  tags: ['sanctions'],
});

/** A JSON pack of `count` people, its fields in the order given; `card` replaces card `at` (0-based). */
function jsonPack(
  count: number,
  options: { cardsFirst?: boolean; head?: Record<string, unknown>; bad?: { at: number; card: unknown } } = {},
): string {
  const cards = Array.from({ length: count }, (_, i) => (options.bad?.at === i ? options.bad.card : person(i)));
  const head = options.head ?? HEAD;
  return JSON.stringify(options.cardsFirst ? { cards, ...head } : { ...head, cards }, null, 1);
}

/** The text as UTF-8 bytes cut into pieces of `size` bytes (cutting characters in two). */
async function* bytesOf(text: string, sizes: () => number): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; ) {
    const size = sizes();
    yield bytes.subarray(i, i + size);
    i += size;
  }
}

/** Piece sizes from 1 to `max` bytes, the same each run (a linear congruential generator). */
function randomSizes(max: number, seed = 7): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 1 + (state % max);
  };
}

async function readAll(text: string, sizes: () => number = () => 4096, signal?: AbortSignal) {
  const cards: Card[] = [];
  let calls = 0;
  const result: Result<PackHeader> = await readJsonPackStream(
    bytesOf(text, sizes),
    (piece) => {
      calls++;
      cards.push(...piece);
    },
    signal,
  );
  return { result, cards, calls, problem: result.ok ? null : result.error };
}

describe('readJsonPackStream', () => {
  it('reads the same cards and fields as the whole-file parser, however the bytes are cut', async () => {
    const text = jsonPack(300);
    const whole = parsePackJson(text);
    if (!whole.ok) throw new Error(whole.error);
    const { cards: wholeCards, ...header } = whole.value;
    for (const sizes of [() => 1, randomSizes(7), randomSizes(5000), () => 1 << 20]) {
      const { result, cards } = await readAll(text, sizes);
      expect(result).toEqual({ ok: true, value: header });
      expect(cards).toEqual(wholeCards);
    }
    // Cards arrive as the bytes do: many calls for small pieces.
    expect((await readAll(text, () => 1000)).calls).toBeGreaterThan(10);
  });

  it('reads the pack’s fields after its cards as before them', async () => {
    const text = jsonPack(120, { cardsFirst: true });
    expect(text.indexOf('"cards"')).toBeLessThan(text.indexOf('"format"'));
    const before = await readAll(jsonPack(120), randomSizes(300));
    const after = await readAll(text, randomSizes(300));
    expect(after.result).toEqual({ ok: true, value: { ...HEAD, description: '' } });
    expect(after.cards).toEqual(before.cards);
    expect(after.cards).toHaveLength(120);
  });

  it('reads a UTF-8 byte order mark, and an exported pack', async () => {
    const whole = parsePackJson(jsonPack(40));
    if (!whole.ok) throw new Error(whole.error);
    const exported = serialisePackJson({ ...whole.value, description: 'From the export.' });
    const { result, cards } = await readAll(`\uFEFF${exported}`, randomSizes(64));
    expect(result).toEqual({ ok: true, value: { ...HEAD, description: 'From the export.' } });
    expect(cards).toEqual(whole.value.cards);
  });

  it('names a bad card by its index and field, far into the file, and stops there', async () => {
    const bad = { ...person(2812), aliases: ['fine', 42] };
    const text = jsonPack(3000, { bad: { at: 2812, card: bad } });
    let read = 0;
    const result = await readJsonPackStream(bytesOf(text, randomSizes(9000)), (piece) => {
      read += piece.length;
    });
    expect(result).toEqual({ ok: false, error: 'cards[2812].aliases.1: must be text, not 42' });
    // Cards before the bad one were read; none after it.
    expect(read).toBeLessThanOrEqual(2812);
    expect(read).toBeGreaterThan(2000);
    const kind = await readAll(jsonPack(100, { bad: { at: 57, card: { ...person(57), kind: 'Not A Kind' } } }));
    expect(kind.problem).toMatch(/^cards\[57\]\.kind: must be a lower-case word/);
    const unknown = await readAll(jsonPack(10, { bad: { at: 3, card: { ...person(3), nickname: 'x' } } }));
    expect(unknown.problem).toBe('cards[3].nickname: "nickname" is not a field a Dossier pack has');
    // A string longer than the parser's 64 KB string buffer, cut anywhere, is read whole (and then refused).
    const long = jsonPack(10, { bad: { at: 2, card: { ...person(2), summary: `${'ж'.repeat(70_000)}!` } } });
    expect((await readAll(long, randomSizes(5000))).problem).toBe('cards[2].summary: must be at most 4000 characters');
    expect((await readAll(jsonPack(10, { bad: { at: 4, card: 'Person 4' } }))).problem).toBe(
      'cards[4]: must be an object, not "Person 4"',
    );
  });

  it('refuses a name or an id used twice, naming both cards', async () => {
    const sameName = jsonPack(100, { bad: { at: 70, card: { ...person(70), name: ' person  3 ' } } });
    expect((await readAll(sameName, randomSizes(333))).problem).toBe(
      'cards[70].name: "person  3" is also the name of cards[3]',
    );
    const sameId = jsonPack(100, { bad: { at: 80, card: { ...person(80), id: 'person-9' } } });
    expect((await readAll(sameId, randomSizes(333))).problem).toBe(
      'cards[80].id: "person-9" is also the id of cards[9]',
    );
  });

  it('refuses JSON that is broken or cut short, wherever it is cut', async () => {
    const text = jsonPack(20);
    expect((await readAll(text.replace('"tags": [', '"tags": [,'))).problem).toMatch(
      /^not valid JSON at byte \d+: unexpected/,
    );
    expect((await readAll(`${text} {}`)).problem).toMatch(/^not valid JSON at byte \d+: unexpected "\{"/);
    expect((await readAll(text.replace(/\]\s*\}\s*$/, ',]}'))).problem).toMatch(/^not valid JSON at byte \d+/);
    expect((await readAll(`${text}\n\n`)).problem).toBeNull();
    // Cut at every 97th byte (and mid-character): never read as a pack.
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut += 97) {
      const cutText = new TextDecoder().decode(bytes.subarray(0, cut));
      expect((await readAll(cutText, randomSizes(50))).problem, `cut at ${cut}`).toMatch(
        /^not valid JSON|ends inside a character/,
      );
    }
    expect((await readAll(text.slice(0, text.length - 2))).problem).toBe(
      'not valid JSON: the file ends before the pack does (is the file complete?)',
    );
  });

  it('checks the pack’s fields: format, version, id, name, and no field a pack does not have', async () => {
    const refused = async (head: Record<string, unknown>, cardsFirst = false) =>
      (await readAll(jsonPack(5, { head, cardsFirst }))).problem;
    expect(await refused({ ...HEAD, format: 'other-pack' })).toBe(
      'not a Dossier pack: "format" must be "dossier-pack"',
    );
    const { format: _format, ...noFormat } = HEAD;
    expect(await refused(noFormat)).toBe('not a Dossier pack: "format" must be "dossier-pack"');
    expect(await refused({ ...HEAD, formatVersion: 2 })).toBe(
      'the pack was made by a newer Dossier (format version 2; this one reads 1): update Dossier to import it',
    );
    expect(await refused({ ...HEAD, formatVersion: 0 })).toMatch(/^formatVersion: /);
    expect(await refused({ ...HEAD, id: 'Not A Slug' })).toBe('id: must be a lower-case slug');
    expect(await refused({ ...HEAD, version: 'v2' }, true)).toBe('version: must be a semantic version such as 1.0.0');
    expect(await refused({ ...HEAD, name: '   ' })).toMatch(/^name: /);
    const { name: _name, ...noName } = HEAD;
    expect(await refused(noName, true)).toBe('name: is missing');
    expect(await refused({ ...HEAD, owner: 'someone' })).toBe('"owner" is not a field a Dossier pack has');
    expect(await refused({ ...HEAD, owner: 'someone' }, true)).toBe('"owner" is not a field a Dossier pack has');
    const twice = `{"format":"dossier-pack","id":"a","id":"b",${jsonPack(3).slice(1)}`;
    expect((await readAll(twice)).problem).toBe('the field "id" is in the pack twice');
    expect((await readAll(`{${JSON.stringify(HEAD).slice(1, -1)},"cards":[]}`)).problem).toBe(
      'cards: the pack holds no cards',
    );
    expect((await readAll(JSON.stringify(HEAD))).problem).toBe('cards: is missing');
    expect((await readAll(JSON.stringify({ ...HEAD, cards: { a: person(1) } }))).problem).toBe(
      'cards: must be a list of cards, not an object',
    );
    expect((await readAll(JSON.stringify([HEAD]))).problem).toBe(
      'not a Dossier pack: the file must hold one JSON object with "format": "dossier-pack"',
    );
    expect((await readAll('"dossier-pack"')).problem).toMatch(/^not a Dossier pack/);
    expect((await readAll('')).problem).toBe('the file is empty');
  });

  it('refuses what is not UTF-8 text', async () => {
    const latin1 = async function* () {
      yield new TextEncoder().encode('{"format":"dossier-pack","name":"M');
      yield Uint8Array.of(0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x22, 0x7d);
    };
    expect(await readJsonPackStream(latin1(), () => {})).toMatchObject({ error: expect.stringMatching(/not UTF-8/) });
    const utf16 = async function* () {
      yield Uint8Array.of(0xff, 0xfe, 0x7b, 0x00);
    };
    expect(await readJsonPackStream(utf16(), () => {})).toMatchObject({ error: expect.stringMatching(/UTF-16/) });
    expect((await readAll('{"format":"dossier-pack\u0000"}')).problem).toBe('the file holds binary data, not text');
  });

  it('stops at the most cards and names a pack may hold, as they come', () => {
    const read = (limits: { cards: number; names: number }, count: number) => {
      const reader = new JsonPackReader(limits);
      let cards = 0;
      const pushed = reader.push(jsonPack(count));
      if (pushed.ok) cards += pushed.value.length;
      return { error: pushed.ok ? null : pushed.error, cards, read: reader.cards };
    };
    expect(read({ cards: 50, names: 1000 }, 51).error).toBe(
      'cards[50]: the pack holds more than 50 cards, the most one pack may hold',
    );
    expect(read({ cards: 50, names: 1000 }, 50).error).toBeNull();
    // Five names a card: the 201st name is on card 40.
    expect(read({ cards: 1000, names: 200 }, 100).error).toBe(
      'cards[40]: the pack holds more than 200 names and aliases, the most one pack may hold',
    );
    // Unless told, the limits are the pack's.
    expect(new JsonPackReader()).toMatchObject({ limits: { cards: MAX_PACK_CARDS, names: MAX_PACK_NAMES } });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    let read = 0;
    const result = await readJsonPackStream(
      bytesOf(jsonPack(2000), () => 2048),
      (piece) => {
        read += piece.length;
        if (read > 100) controller.abort();
      },
      controller.signal,
    );
    expect(result).toEqual({ ok: false, error: 'cancelled' });
    expect(read).toBeLessThan(2000);
  });
});
