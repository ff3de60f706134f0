import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACK_FORMAT_VERSION } from '../model/pack';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'dossier-annotate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pack = (name: string, cards: object[]) => {
  const path = join(dir, name);
  const id = name.replace('.json', '');
  writeFileSync(
    path,
    JSON.stringify({
      format: 'dossier-pack',
      formatVersion: PACK_FORMAT_VERSION,
      id,
      name: id,
      version: '1.0.0',
      cards,
    }),
  );
  return path;
};

describe('npm run annotate with several packs', () => {
  it('matches the cards of every pack together, an id given twice kept from the first pack', () => {
    const page = join(dir, 'page.html');
    writeFileSync(page, '<html><body><p>Kestrel Dynamics met Harlow Mining in Oslo.</p></body></html>');
    const team = pack('team.json', [{ id: 'kestrel', name: 'Kestrel Dynamics', kind: 'company', summary: 'Drones.' }]);
    const list = pack('list.json', [
      { id: 'harlow', name: 'Harlow Mining', kind: 'company', summary: 'Listed.' },
      { id: 'kestrel', name: 'Oslo', kind: 'country', summary: 'The same id again.' },
    ]);
    const run = (...packs: string[]) =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/annotate.ts', page, ...packs.flatMap((p) => ['--pack', p]), '--format', 'table'],
        { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    const printed = run(team, list);
    expect(printed).toContain('Kestrel Dynamics');
    expect(printed).toContain('Harlow Mining');
    // The second "kestrel" (named Oslo) is left out: the first pack's card keeps the id.
    expect(printed).not.toMatch(/Oslo\s+Oslo/);
    expect(printed.trim().split('\n').at(-1)).toBe('2 mentions');
    expect(run(team).trim().split('\n').at(-1)).toBe('1 mentions');
  }, 60_000);
});
