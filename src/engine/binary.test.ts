import { describe, expect, it } from 'vitest';
import { BinaryDictionaryError, fromBinary, toBinary } from './binary';
import { compileDictionary } from './compile';
import { scan } from './scan';
import type { DictionaryEntry } from './types';

const entries: DictionaryEntry[] = [
  { id: 'us', name: 'United States', aliases: ['U.S.', 'US'], topic: false, kind: 'country' },
  { id: 'obama', name: 'Barack Obama', aliases: ['Obama'], topic: false, kind: 'person' },
  { id: 'sanctions', name: 'Economic sanctions', aliases: ['sanctions'], topic: true },
  { id: 'fruit', name: 'Apple', aliases: [], topic: false, context: { require: ['iPhone'], exclude: [] } },
  { id: 'assad', name: 'AL-ASSAD, Bashar', aliases: ['Башар Асад', 'بشار الأسد'], topic: false, kind: 'person' },
  { id: 'mo', name: 'MOHAMMED, Ali', aliases: [], topic: false, kind: 'person' },
];
const text =
  'Barack Obama said the U.S. sanctioned Nvida; Obama and Apple iPhone. Bashar al-Assad (Башар Асад) met ' +
  'Muhammad Ali and بشار الأسد.';
const dict = compileDictionary(entries);

/** The parts copied into buffers of their own, as IndexedDB gives them back. */
const stored = () => {
  const { header, parts } = toBinary(dict);
  return { header, parts: parts.map((p) => p.slice()) };
};

describe('toBinary / fromBinary', () => {
  it('round-trips to a dictionary that scans the same', () => {
    const found = scan(dict, text);
    expect(found.map((m) => m.id)).toEqual(expect.arrayContaining(['obama', 'us', 'fruit', 'assad', 'mo']));
    expect(scan(fromBinary(stored()), text)).toEqual(found);
  });

  it('views the parts without copying them', () => {
    const { header, parts } = stored();
    const loaded = fromBinary({ header, parts });
    expect(parts.some((p) => p.buffer === loaded.table.buffer)).toBe(true);
    expect(parts.some((p) => p.buffer === loaded.edges.buffer)).toBe(true);
  });

  it('loads parts that do not start at an aligned offset', () => {
    const { header, parts } = stored();
    const shifted = parts.map((p) => {
      const at = new Uint8Array(p.byteLength + 1);
      at.set(p, 1);
      return at.subarray(1);
    });
    expect(scan(fromBinary({ header, parts: shifted }), text)).toEqual(scan(dict, text));
  });

  it('refuses a damaged part, naming it', () => {
    const { header, parts } = stored();
    const edges = parts[12]!;
    edges[edges.length >> 1]! ^= 0x10;
    expect(() => fromBinary({ header, parts })).toThrow(BinaryDictionaryError);
    expect(() => fromBinary({ header, parts })).toThrow('stored dictionary refused: part edges is damaged');
  });

  it('refuses a part cut short or missing', () => {
    const { header, parts } = stored();
    expect(() => fromBinary({ header, parts: parts.map((p, i) => (i === 8 ? p.subarray(4) : p)) })).toThrow(
      /part table has \d+ bytes, expected \d+/,
    );
    expect(() => fromBinary({ header, parts: parts.slice(1) })).toThrow('17 parts, expected 18');
  });

  it('refuses another version or format, and a header that is not JSON', () => {
    const { header, parts } = stored();
    const older = JSON.stringify({ ...JSON.parse(header), version: 0 });
    expect(() => fromBinary({ header: older, parts })).toThrow('written in version 0, this is version 1');
    expect(() => fromBinary({ header: '{"format":"x"}', parts })).toThrow('not a compiled dictionary');
    expect(() => fromBinary({ header: header.slice(0, 20), parts })).toThrow('its header is not JSON');
  });
});
