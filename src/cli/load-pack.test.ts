import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffLists } from './list-diff';
import { loadPack } from './load-pack';

const dir = mkdtempSync(join(tmpdir(), 'dossier-load-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const card = (i: number, summary = 'Listed.') => ({ id: `p-${i}`, name: `Person ${i}`, kind: 'person', summary });
const head = { format: 'dossier-pack', formatVersion: 1, id: 'list', name: 'The list', version: '3.0.0' };

/** Writes a JSON pack with its cards first and its fields after them. */
function write(name: string, cards: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ cards, ...head }));
  return path;
}

describe('packs read as streams by the command line', () => {
  it('reads a JSON pack whose fields come after its cards, with its own id, name and version', async () => {
    const pack = await loadPack(write('list.json', [card(1), card(2)]));
    expect(pack).toMatchObject({ id: 'list', name: 'The list', version: '3.0.0', description: '' });
    expect(pack.cards.map((c) => c.id)).toEqual(['p-1', 'p-2']);
  });

  it('names the file and the card of the first problem', async () => {
    const path = write('bad.json', [card(1), { ...card(2), kind: 'Not A Kind' }]);
    await expect(loadPack(path)).rejects.toThrow(`${path}: cards[1].kind: must be a lower-case word`);
    await expect(loadPack(join(dir, 'list.txt'))).rejects.toThrow('only .json and .csv files can be read as packs');
  });

  it('says what a new version of a JSON list changes', async () => {
    const old = write('old.json', [card(1), card(2), card(3)]);
    const next = write('new.json', [card(2, 'Amended.'), card(3), card(4)]);
    expect(await diffLists(old, next)).toEqual({ added: 1, changed: 1, removed: 1, unchanged: 1 });
  });
});
