import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  decodePackFile,
  parseImportedPack,
  parsePackCsv,
  parsePackFile,
  parsePackJson,
  serialisePackCsv,
  serialisePackJson,
} from './pack-io';

const csv = `name,aliases,kind,summary,tags
China,PRC|People's Republic of China|中国,country,"Large country; ""quoted"", with commas.",asia|geopolitics
Export controls,export control,topic,Limits on exports.,geopolitics
`;

describe('parsePackCsv', () => {
  it('reads cards with split aliases and tags and slug ids', () => {
    const r = parsePackCsv(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.cards.map((c) => c.id)).toEqual(['china', 'export-controls']);
    expect(r.value.cards[0]!.aliases).toEqual(['PRC', "People's Republic of China", '中国']);
    expect(r.value.cards[0]!.summary).toBe('Large country; "quoted", with commas.');
    expect(r.value.cards[1]!.tags).toEqual(['geopolitics']);
  });
  it('makes ids unique within the pack', () => {
    const r = parsePackCsv('name,aliases,kind,summary,tags\nMay,,person,,\nMay!,,month,,\n');
    expect(r.ok && r.value.cards.map((c) => c.id)).toEqual(['may', 'may-2']);
  });
  it('refuses the whole file on a bad row, naming the row and the field', () => {
    const r = parsePackCsv(`${csv}Bad,,Not A Kind,,\n`);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^row 4 \(Bad\), field kind: /) });
    expect(parsePackCsv(`${csv},,country,,\n`)).toEqual({
      ok: false,
      error: expect.stringMatching(/row 4, field name/),
    });
    expect(parsePackCsv(`${csv}Too,few\n`)).toEqual({
      ok: false,
      error: expect.stringMatching(/row 4: expected 5 fields/),
    });
  });
  it('refuses another header', () => {
    expect(parsePackCsv('name,kind\nChina,country\n')).toEqual({ ok: false, error: expect.stringMatching(/^row 1: /) });
  });
  it('round-trips through CSV', () => {
    const r = parsePackCsv(csv);
    if (!r.ok) throw new Error(r.error);
    expect(parsePackCsv(serialisePackCsv(r.value))).toEqual(r);
  });
});

describe('parsePackJson', () => {
  it('round-trips through JSON', () => {
    const r = parsePackCsv(csv);
    if (!r.ok) throw new Error(r.error);
    expect(parsePackJson(serialisePackJson(r.value))).toEqual(r);
  });
  it('names the path and reason of a problem', () => {
    const r = parsePackCsv(csv);
    if (!r.ok) throw new Error(r.error);
    const bad = { ...r.value, cards: [r.value.cards[0], { ...r.value.cards[1], kind: 'Bad Kind' }] };
    expect(parsePackJson(JSON.stringify(bad))).toEqual({ ok: false, error: expect.stringMatching(/cards\.1\.kind: /) });
    const dup = { ...r.value, cards: [r.value.cards[0], r.value.cards[0]] };
    expect(parsePackJson(JSON.stringify(dup))).toEqual({
      ok: false,
      error: expect.stringMatching(/cards\.1\.id: "china" is also the id of cards\.0/),
    });
    expect(parsePackJson('{').ok).toBe(false);
  });
  it('chooses the format by file name', () => {
    expect(parsePackFile('my pack.csv', csv)).toMatchObject({ ok: true, value: { id: 'my-pack', name: 'my pack' } });
  });
});

describe('malformed pack files (e2e/fixtures/bad-packs)', () => {
  const dir = resolve(import.meta.dirname, '../../e2e/fixtures/bad-packs');
  const expected = JSON.parse(readFileSync(`${dir}.json`, 'utf8')) as Record<string, string>;

  it('has an expected message for every fixture, and at least 30 of them', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(30);
  });

  for (const [file, message] of Object.entries(expected)) {
    it(`refuses ${file}: ${message}`, () => {
      const text = decodePackFile(new Uint8Array(readFileSync(resolve(dir, file))));
      const result = text.ok ? parseImportedPack(file, text.value) : text;
      expect(result.ok ? 'imported' : result.error).toContain(message);
    });
  }
});

describe('decodePackFile', () => {
  it('drops a UTF-8 byte order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFFname,aliases,kind,summary,tags\nAcme,,company,x,\n');
    const text = decodePackFile(bytes);
    expect(text.ok && parsePackFile('p.csv', text.value).ok).toBe(true);
  });
});

describe('CSV export', () => {
  it('neutralises spreadsheet formulas and reads them back unchanged', () => {
    const r = parsePackCsv('name,aliases,kind,summary,tags\nAcme,,company,placeholder,\n');
    if (!r.ok) throw new Error(r.error);
    const summaries = ['=1+1', '+cmd', '-5% on the year', '@SUM(A1)', '\tTabbed', '\rReturn', "'quoted"];
    const pack = {
      ...r.value,
      cards: summaries.map((summary, i) => ({ ...r.value.cards[0]!, id: `a${i}`, name: `A${i}`, summary })),
    };
    const csvText = serialisePackCsv(pack);
    const cells = Papa.parse<string[]>(csvText)
      .data.slice(1, -1)
      .map((row) => row[3]!);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells[0]).toBe("'=1+1");
    const back = parsePackCsv(csvText);
    // Trimmed as every imported field is; the apostrophe that guarded a formula is gone again.
    expect(back.ok && back.value.cards.map((c) => c.summary)).toEqual(summaries.map((s) => s.trim()));
  });
});

describe('card limits on import', () => {
  const aliases = Array.from({ length: 900_000 }, (_, i) => `Alias ${i}`);

  it('refuses a JSON pack with a 900,000-alias card, naming the card and the limit', () => {
    const pack = {
      format: 'dossier-pack',
      formatVersion: 1,
      id: 'big',
      name: 'Big',
      version: '1.0.0',
      cards: [
        { id: 'fine', name: 'Fine', kind: 'topic' },
        { id: 'acme', name: 'Acme', kind: 'company', aliases },
      ],
    };
    expect(parsePackJson(JSON.stringify(pack))).toEqual({
      ok: false,
      error: 'invalid pack: cards.1.aliases: must hold at most 1,000 aliases',
    });
  });

  it('refuses a CSV row with 900,000 aliases, naming the row', () => {
    const text = `name,aliases,kind,summary,tags\nFine,,topic,,\nAcme,${aliases.join('|')},company,,\n`;
    expect(parsePackCsv(text)).toEqual({
      ok: false,
      error: 'row 3 (Acme), field aliases: must hold at most 1,000 aliases',
    });
  });

  it('refuses a CSV row over 256 KB (its tags), naming the row', () => {
    const tags = Array.from({ length: 5000 }, (_, i) => `tag number ${i} ${'x'.repeat(40)}`).join('|');
    expect(parsePackCsv(`name,aliases,kind,summary,tags\nAcme,,company,,${tags}\n`)).toEqual({
      ok: false,
      error: 'row 2 (Acme): a card must be at most 256 KB as UTF-8 JSON',
    });
  });
});
