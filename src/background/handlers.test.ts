import { beforeAll, describe, expect, it } from 'vitest';
import { contentToBackground, panelToBackground } from '../messaging/protocol';
import type { Sender } from '../messaging/router';
import type { Library } from './library';

/*
 * Content scripts run inside pages a stranger controls: from them the background accepts only the annotator's
 * own messages and a short allow-list of user actions, never a message that creates, edits or deletes cards
 * and packs, or reads and replaces the user's data.
 */

const EXTENSION = 'chrome-extension://dossier-test/';
const calls: string[] = [];
/** A library that records every call: a refused message must not reach it. */
const library = new Proxy({} as Library, {
  get: (_target, name) => () => {
    calls.push(String(name));
    return Promise.resolve([]);
  },
});

let dispatch: (message: unknown, sender: Sender) => Promise<{ ok: boolean; error?: string }>;

beforeAll(async () => {
  Object.assign(globalThis, {
    chrome: {
      runtime: {
        id: 'dossier-test',
        getURL: (path: string) => `${EXTENSION}${path}`,
        sendMessage: async () => undefined,
      },
      storage: { session: { get: async () => ({}), set: async () => undefined, remove: async () => undefined } },
      tabs: { query: async () => [], get: async () => ({ id: 1, url: 'https://news.example/' }) },
      action: { setBadgeText: async () => undefined, setTitle: async () => undefined, setIcon: async () => undefined },
    },
  });
  // The background's modules open the store when loaded: on PouchDB's in-memory adapter here.
  const { memoryDb } = await import('../store/memory-db');
  // The site settings' store, on an in-memory database too.
  const { sites } = await import('./page/sites');
  Object.assign((sites as unknown as { store: object }).store, { db: memoryDb() });
  const { createDispatcher } = await import('./handlers');
  dispatch = createDispatcher(library) as typeof dispatch;
});

const page: Sender = {
  id: 'dossier-test',
  tab: { id: 1, url: 'https://news.example/' },
  frameId: 0,
  url: 'https://news.example/',
};
const panel: Sender = { id: 'dossier-test', url: `${EXTENSION}src/ui/side-panel/index.html` };

/** The user actions a page's content script may send, besides the annotator's own messages. */
const CONTENT_ALLOWED = [
  'page.match',
  // Matching in the page: the dictionary to match with, and what was found with it.
  'page.dictionary',
  'page.found',
  'page.record',
  'card.get',
  'panel.open',
  'site.status',
  'site.set',
  'pause.set',
  'card.ignore',
  'annotations.page',
  'annotation.save',
  'annotation.delete',
  'annotations.changed',
  // A mention's popover: the joined teams' names, and sharing the card the page shows (checked below).
  'teams.names',
  'card.share',
];

describe('messages from content scripts', () => {
  it('the content script map holds only the allow-list', () => {
    expect(Object.keys(contentToBackground).sort()).toEqual([...CONTENT_ALLOWED].sort());
  });

  const panelOnly = Object.keys(panelToBackground).filter((type) => !CONTENT_ALLOWED.includes(type));
  it.each(panelOnly)('%s from a page is refused and reaches nothing', async (type) => {
    calls.length = 0;
    const answer = await dispatch({ type, payload: {} }, page);
    expect(answer).toEqual({ ok: false, error: `Unknown message type: ${type}` });
    expect(calls).toEqual([]);
  });

  it('a page shares from its popover only a card it shows', async () => {
    calls.length = 0;
    const answer = await dispatch({ type: 'card.share', payload: { cardId: 'nvidia', team: 'research' } }, page);
    expect(answer).toEqual({ ok: false, error: 'Only a card this page mentions can be shared from it.' });
    expect(calls).toEqual([]);
  });

  it('a card edit with a valid payload from a page is refused too', async () => {
    calls.length = 0;
    const card = { id: 'x', name: 'X', kind: 'company' };
    expect(await dispatch({ type: 'card.save', payload: { card, create: true } }, page)).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'data.wipe', payload: { confirm: true } }, page)).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'pack.import', payload: { fileName: 'a.json', text: '{}' } }, page)).toMatchObject({
      ok: false,
    });
    expect(calls).toEqual([]);
  });

  it('a page reads and writes the annotations of its own origin only', async () => {
    const annotation = {
      id: 'urn:uuid:0b6c2d54-6f0e-4a57-9d0e-1f2a3b4c5d6e',
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      body: [],
      target: {
        source: 'https://bank.example/statement',
        selector: [
          { type: 'TextQuoteSelector', exact: 'balance', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 7 },
        ],
      },
    };
    const refused = { ok: false, error: 'A page may only read and write its own annotations.' };
    expect(await dispatch({ type: 'annotation.save', payload: { annotation } }, page)).toEqual(refused);
    expect(
      await dispatch({ type: 'annotations.page', payload: { source: 'https://bank.example/statement' } }, page),
    ).toEqual(refused);
    expect(
      await dispatch(
        { type: 'annotation.delete', payload: { source: annotation.target.source, id: annotation.id } },
        page,
      ),
    ).toEqual(refused);
    // Its own origin passes the check (the store behind it is not opened in this test).
    const own = { ...annotation, target: { ...annotation.target, source: 'https://news.example/story' } };
    expect(await dispatch({ type: 'annotation.save', payload: { annotation: own } }, page)).not.toEqual(refused);
    expect(await dispatch({ type: 'annotations.page', payload: { source: own.target.source } }, page)).not.toEqual(
      refused,
    );
  });

  it('a page on a site Dossier is off on gets no dictionary to match with', async () => {
    expect(
      await dispatch({ type: 'site.enable', payload: { site: 'news.example', enabled: false } }, panel),
    ).toMatchObject({ ok: true });
    calls.length = 0;
    expect(await dispatch({ type: 'page.dictionary', payload: {} }, page)).toEqual({ ok: true, value: null });
    expect(calls).toEqual([]);
    await dispatch({ type: 'site.enable', payload: { site: 'news.example', enabled: true } }, panel);
    calls.length = 0;
    await dispatch({ type: 'page.dictionary', payload: {} }, page);
    expect(calls).toEqual(['pageDictionary']);
  });

  it('another extension is refused whatever it asks', async () => {
    calls.length = 0;
    const stranger: Sender = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };
    expect(await dispatch({ type: 'cards.list', payload: {} }, stranger)).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'page.match', payload: { text: 'x', url: '', title: '' } }, stranger)).toMatchObject({
      ok: false,
    });
    expect(calls).toEqual([]);
  });

  it('the same message from an extension page reaches the library', async () => {
    calls.length = 0;
    expect(await dispatch({ type: 'cards.list', payload: {} }, panel)).toMatchObject({ ok: true });
    expect(calls).toContain('listCards');
  });
});
