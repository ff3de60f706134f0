import { describe, expect, it } from 'vitest';
import { compileDictionary } from './compile';
import { scan } from './scan';
import { loadDictionary, serializeDictionary } from './serialise';

describe('serializeDictionary / loadDictionary', () => {
  it('round-trips through JSON to a dictionary that scans the same', () => {
    const dict = compileDictionary([
      { id: 'us', name: 'United States', aliases: ['U.S.', 'US'], topic: false, kind: 'country' },
      { id: 'nvidia', name: 'Nvidia', aliases: [], topic: false },
      { id: 'obama', name: 'Barack Obama', aliases: ['Obama'], topic: false, kind: 'person' },
      { id: 'sanctions', name: 'Economic sanctions', aliases: ['sanctions'], topic: true },
      { id: 'fruit', name: 'Apple', aliases: [], topic: false, context: { require: ['iPhone'], exclude: [] } },
    ]);
    const text = 'Barack Obama said the U.S. sanctioned Nvida; Obama and Apple iPhone.';
    const json = serializeDictionary(dict);
    expect(typeof JSON.parse(json)).toBe('object');
    expect(scan(loadDictionary(json), text)).toEqual(scan(dict, text));
  });
  it('refuses another format', () => {
    expect(() => loadDictionary('{"format":"x"}')).toThrow();
  });
});
