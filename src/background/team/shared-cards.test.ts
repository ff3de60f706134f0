import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Card } from '../../model/card';
import type { TeamConfig } from '../../model/team';
import { toCard } from '../../store/card-docs';
import type { Database } from '../../store/db';
import { memoryDb } from '../../store/memory-db';
import type { Library } from '../library';
import type { TeamCardDoc } from './conflicts';
import { readCard, saveCard, unshareCard } from './shared-cards';

/*
 * Where a shared card is read and saved: a teammate's card and a card the user shared are the team's copy,
 * the user's own card with the same id as a teammate's stays theirs. The team's database is an in-memory one;
 * the library (the private store) a small fake.
 */

const teams: TeamConfig[] = [];
const databases = new Map<string, Database>();
vi.mock('./teams', () => ({ configs: async () => teams }));
vi.mock('../../store/db', async (original) => ({
  ...(await original<typeof import('../../store/db')>()),
  openDatabase: (name: string) => {
    const db = databases.get(name) ?? memoryDb();
    databases.set(name, db);
    return db;
  },
}));

const card = (id: string, summary: string): Card => ({
  id,
  name: id.toUpperCase(),
  kind: 'company',
  aliases: [],
  summary,
  signals: [],
  implications: [],
  tags: [],
  related: [],
  sources: [],
  notes: '',
});

/** The private store, as far as shared cards need it. */
function fakeLibrary(own: Card[]) {
  const cards = new Map(own.map((c) => [c.id, c]));
  return {
    cards,
    invalidate: vi.fn(),
    ownCard: async (id: string) => cards.get(id) ?? null,
    getCard: async (id: string) => {
      const found = cards.get(id);
      if (!found) throw new Error(`No card with id ${id}`);
      return found;
    },
    saveCard: async (input: unknown) => {
      cards.set((input as Card).id, input as Card);
      return input as Card;
    },
  };
}
const asLibrary = (fake: ReturnType<typeof fakeLibrary>) => fake as unknown as Library;

/** Puts a card into the team's database as `by` shared it. */
async function shared(value: Card, by: string): Promise<void> {
  const { id, ...fields } = value;
  await team().put({
    _id: `card:${id}`,
    type: 'card',
    schema: 2,
    cardId: id,
    pack: 'team:research',
    edited: false,
    trashed: null,
    updated: null,
    ...fields,
    createdBy: by,
    updatedBy: by,
  } as never);
}
const team = () => databases.get('dossier-team-research') as Database;
const teamDoc = async (id: string) => (await team().get(`card:${id}`, { conflicts: true })) as TeamCardDoc;

beforeEach(() => {
  teams.splice(0, teams.length, { team: 'research', url: 'https://couch.example', user: 'bob', joined: '' });
  databases.set('dossier-team-research', memoryDb());
});
afterEach(async () => {
  await Promise.all([...databases.values()].map((db) => db.destroy()));
  databases.clear();
});

describe('a teammate’s card', () => {
  it('is read from the team, and an edit is saved there by the user, its author kept', async () => {
    await shared(card('tsmc', 'Foundry.'), 'alice');
    const library = fakeLibrary([]);
    expect((await readCard(asLibrary(library), 'tsmc')).summary).toBe('Foundry.');
    await saveCard(asLibrary(library), card('tsmc', 'Foundry in Hsinchu.'), false);
    expect(await teamDoc('tsmc')).toMatchObject({
      summary: 'Foundry in Hsinchu.',
      createdBy: 'alice',
      updatedBy: 'bob',
      pack: 'team:research',
    });
    expect((await teamDoc('tsmc'))._rev).toMatch(/^2-/);
    expect(library.cards.size).toBe(0);
    expect(library.invalidate).toHaveBeenCalled();
  });

  it('never replaces the user’s own card of the same id: reading and saving stay with their own', async () => {
    await shared(card('tsmc', 'Alice’s.'), 'alice');
    const library = fakeLibrary([card('tsmc', 'Bob’s own.')]);
    expect((await readCard(asLibrary(library), 'tsmc')).summary).toBe('Bob’s own.');
    await saveCard(asLibrary(library), card('tsmc', 'Bob’s own, edited.'), false);
    expect(library.cards.get('tsmc')?.summary).toBe('Bob’s own, edited.');
    expect(await teamDoc('tsmc')).toMatchObject({ summary: 'Alice’s.', updatedBy: 'alice' });
  });
});

describe('a card the user shared', () => {
  it('is the team’s copy: read and saved there, their own left underneath', async () => {
    await shared(card('tsmc', 'As Alice edited it.'), 'bob');
    const library = fakeLibrary([card('tsmc', 'As Bob shared it.')]);
    expect((await readCard(asLibrary(library), 'tsmc')).summary).toBe('As Alice edited it.');
    await saveCard(asLibrary(library), card('tsmc', 'Bob again.'), false);
    expect(await teamDoc('tsmc')).toMatchObject({ summary: 'Bob again.', createdBy: 'bob', updatedBy: 'bob' });
    expect(library.cards.get('tsmc')?.summary).toBe('As Bob shared it.');
  });

  it('removed from the team, is deleted there and stays in their cards with the team’s last version', async () => {
    await shared(card('tsmc', 'Last team version.'), 'bob');
    const library = fakeLibrary([card('tsmc', 'As Bob shared it.')]);
    await unshareCard(asLibrary(library), 'research', 'tsmc');
    await expect(team().get('card:tsmc')).rejects.toMatchObject({ status: 404 });
    expect(library.cards.get('tsmc')?.summary).toBe('Last team version.');
    await expect(unshareCard(asLibrary(library), 'research', 'tsmc')).rejects.toThrow('not shared in research');
  });
});

describe('removing a card from a team', () => {
  it('deletes a teammate’s card for everyone, the user included', async () => {
    await shared(card('tsmc', 'Foundry.'), 'alice');
    const library = fakeLibrary([]);
    await unshareCard(asLibrary(library), 'research', 'tsmc');
    await expect(readCard(asLibrary(library), 'tsmc')).rejects.toThrow('No card with id tsmc');
    expect(library.cards.size).toBe(0);
  });

  it('is refused while versions are in conflict, and in a team the browser is not in', async () => {
    await shared(card('tsmc', 'Foundry.'), 'alice');
    const library = fakeLibrary([]);
    const first = await teamDoc('tsmc');
    // Edited here, and concurrently by a teammate (arriving by replication).
    await team().put({ ...first, summary: 'Mine.' } as never);
    const { _rev, ...fields } = first;
    await team().bulkDocs(
      [
        { ...fields, _rev: '2-ffff', summary: 'Theirs.', _revisions: { start: 2, ids: ['ffff', _rev?.slice(2)] } },
      ] as never,
      { new_edits: false },
    );
    expect((await teamDoc('tsmc'))._conflicts).toHaveLength(1);
    await expect(unshareCard(asLibrary(library), 'research', 'tsmc')).rejects.toThrow('resolve them');
    expect(toCard(await teamDoc('tsmc'))).not.toBeNull();
    await expect(unshareCard(asLibrary(library), 'other', 'tsmc')).rejects.toThrow('not in the team other');
  });
});

describe('a new card', () => {
  it('is made in the user’s own cards, whatever the teams hold', async () => {
    await shared(card('tsmc', 'Team’s.'), 'bob');
    const library = fakeLibrary([]);
    await saveCard(asLibrary(library), card('tsmc', 'New.'), true);
    expect(library.cards.get('tsmc')?.summary).toBe('New.');
    expect((await teamDoc('tsmc')).summary).toBe('Team’s.');
  });
});
