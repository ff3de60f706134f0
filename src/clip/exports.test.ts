import { strFromU8, unzipSync } from 'fflate';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Annotation, AnnotationSchema } from '../model/annotation';
import type { Clip } from '../model/clip';
import { clipsCollection } from './collection';
import { safeStem, uniqueNames } from './file-names';
import { clipNote, entitiesOf } from './markdown';
import { clipFiles, clipsZip, INDEX_FILE } from './zip';

const text = 'Officials in Japan are examining whether Nvidia chips reached China. Japan said little.';
const at = (exact: string, from = 0) => {
  const start = text.indexOf(exact, from);
  return {
    exact,
    start,
    end: start + exact.length,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + exact.length, start + exact.length + 32),
  };
};

function clip(title: string, extra: Partial<Clip> = {}): Clip {
  return {
    clipId: '0123456789abcdef',
    url: 'https://news.example/world/gpu?utm_source=x',
    canonicalUrl: 'https://news.example/world/gpu',
    title,
    byline: 'Ana Example',
    siteName: 'News Example',
    published: '2026-11-30T08:00:00Z',
    excerpt: 'Officials in Japan…',
    lang: 'en',
    html: '<p>Officials in <b>Japan</b> are examining whether Nvidia chips reached China. Japan said little.</p><img src="https://news.example/chip.jpg" alt="A chip">',
    text,
    clipped: '2026-12-01T12:00:00.000Z',
    updated: '2026-12-02T12:00:00.000Z',
    tags: ['chips', 'export controls'],
    note: 'Follow the customs inquiry.\nSecond line.',
    mentions: [
      { cardId: 'japan', name: 'Japan', ...at('Japan') },
      { cardId: 'nvidia', name: 'Nvidia', ...at('Nvidia') },
      { cardId: 'china', name: 'China', ...at('China') },
      { cardId: 'japan', name: 'Japan', ...at('Japan', 20) },
    ],
    ...extra,
  };
}

const highlight: Annotation = {
  id: 'urn:uuid:3f2a8c1e-5b7d-4e9a-8c21-0d6f4b3a9e17',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-12-01T13:00:00.000Z',
  modified: '2026-12-01T13:00:00.000Z',
  body: [{ type: 'TextualBody', value: 'Check this.', format: 'text/plain', purpose: 'commenting' }],
  target: {
    source: 'https://news.example/world/gpu',
    selector: [
      { type: 'TextQuoteSelector', exact: 'reached China', prefix: 'chips ', suffix: '.' },
      { type: 'TextPositionSelector', start: 10, end: 23 },
    ],
  },
};

describe('a clip as Markdown', () => {
  it('carries the user’s tags and note and the cards as wikilinks, most mentioned first', () => {
    const note = clipNote(clip('Customs officers question GPU rental deals'));
    const front = parse(note.split('---\n')[1]!) as Record<string, unknown>;
    expect(front).toMatchObject({
      title: 'Customs officers question GPU rental deals',
      source: 'https://news.example/world/gpu',
      author: 'Ana Example',
      clipped: '2026-12-01T12:00:00.000Z',
      tags: ['chips', 'export controls'],
      entities: ['[[Japan]]', '[[China]]', '[[Nvidia]]'],
    });
    expect(note).toContain('> [!note]\n> Follow the customs inquiry.\n> Second line.');
    expect(note).toContain('Officials in **Japan** are examining');
    expect(entitiesOf(clip('x'))).toEqual(['Japan', 'China', 'Nvidia']);
    expect(note).not.toContain('Brief');
  });

  it('carries the brief of a clip made with it, after the note and before the article', () => {
    const brief = {
      title: 'Customs officers question GPU rental deals',
      url: 'https://news.example/world/gpu',
      summary: ['Officials in Japan are examining whether Nvidia chips reached China.'],
      entities: [{ cardId: 'japan', name: 'Japan', kind: 'country', count: 2 }],
      topics: [],
      implications: [{ text: 'Scrutiny *rises*.', cards: [{ cardId: 'japan', name: 'Japan' }] }],
      signals: [],
      related: { cards: [], clips: [] },
      mentions: 2,
    };
    const note = clipNote(clip('Customs officers question GPU rental deals', { brief }));
    const at = (s: string) => note.indexOf(s);
    expect(at('> [!note]')).toBeLessThan(at('## Brief: Customs officers'));
    expect(at('### Summary\n\n> Officials in Japan are examining')).toBeGreaterThan(at('## Brief:'));
    expect(note).toContain('01. Scrutiny \\*rises\\*. ([[Japan]])');
    expect(note).toContain('### Signals that fired\n\nNone fired on this page.');
    expect(at('## Article')).toBeGreaterThan(at('### Related intelligence'));
    expect(at('Officials in **Japan** are examining')).toBeGreaterThan(at('## Article'));
  });
});

describe('links in a clip’s Markdown', () => {
  it('keep an http, https or mailto target, and turn any other into its text', () => {
    const html = [
      '<p><a href="https://news.example/b" title="More">More</a>',
      '<a href="mailto:desk@news.example">desk</a>',
      '<a href="javascript:alert(1)">Trap one</a>',
      '<a href=" javascript:alert(1)">Trap two</a>',
      '<a href="java&#9;script:alert(1)">Trap three</a>',
      '<a href="data:text/html,x">Trap four</a>',
      '<a href="/relative">Relative</a></p>',
    ].join(' ');
    const note = clipNote(clip('Links', { html }));
    expect(note).toContain('[More](https://news.example/b "More")');
    expect(note).toContain('[desk](mailto:desk@news.example)');
    expect(note).toMatch(/Trap one Trap two Trap three Trap four Relative/);
    expect(note).not.toMatch(/javascript|data:|\(\/relative\)/i);
  });
});

describe('all clips as a W3C AnnotationCollection', () => {
  const collection = JSON.parse(
    JSON.stringify(clipsCollection([clip('One')], [highlight], '2026-12-03T00:00:00.000Z')),
  );

  it('has the JSON-LD shape of an AnnotationCollection with its first page embedded', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(5);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.items).toHaveLength(collection.total);
    const ids = collection.first.items.map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of collection.first.items) {
      expect(item.type).toBe('Annotation');
      expect(item.id).toMatch(/^(urn:|https?:)/);
      expect(['identifying', 'linking', 'highlighting', 'commenting']).toContain(item.motivation);
      expect(item.target.source).toBe('https://news.example/world/gpu');
      expect(item.target.selector.map((s: { type: string }) => s.type)).toEqual([
        'TextQuoteSelector',
        'TextPositionSelector',
      ]);
    }
  });

  it('makes each mention an annotation naming its card, whose selectors find the quote in the clip’s text', () => {
    const [first] = collection.first.items;
    expect(first).toMatchObject({
      motivation: 'identifying',
      body: { type: 'TextualBody', purpose: 'identifying', value: 'Japan', id: 'urn:x-dossier:card:japan' },
    });
    const record = collection['dossier:clips'][0];
    for (const item of collection.first.items.slice(0, 4)) {
      const [quote, position] = item.target.selector;
      expect(record.text.slice(position.start, position.end)).toBe(quote.exact);
      expect(record.text.slice(0, position.start).endsWith(quote.prefix)).toBe(true);
    }
  });

  it('keeps the user’s own annotations as they are, valid on re-import', () => {
    const own = collection.first.items.at(-1);
    expect(own).toEqual(highlight);
    expect(v.is(AnnotationSchema, own)).toBe(true);
  });

  it('holds each clip’s metadata and text in dossier:clips', () => {
    expect(collection['dossier:clips']).toEqual([
      expect.objectContaining({
        id: 'urn:x-dossier:clip:0123456789abcdef',
        type: 'dossier:Clip',
        source: 'https://news.example/world/gpu',
        title: 'One',
        byline: 'Ana Example',
        site: 'News Example',
        published: '2026-11-30T08:00:00Z',
        clipped: '2026-12-01T12:00:00.000Z',
        tags: ['chips', 'export controls'],
        note: 'Follow the customs inquiry.\nSecond line.',
        excerpt: 'Officials in Japan…',
        text,
        mentions: 4,
      }),
    ]);
    expect(collection['dossier:clips'][0]).not.toHaveProperty('brief');
  });

  it('holds the brief of a clip made with it', () => {
    const brief = {
      title: 'One',
      url: 'https://news.example/world/gpu',
      summary: [],
      entities: [],
      topics: [],
      implications: [],
      signals: [],
      related: { cards: [], clips: [] },
      mentions: 0,
    };
    const withBrief = clipsCollection([clip('One', { brief })], [], '2026-12-03T00:00:00.000Z');
    expect(withBrief['dossier:clips'][0]?.brief).toEqual(brief);
  });
});

describe('file names', () => {
  it('makes unsafe titles safe', () => {
    expect(safeStem('../../etc/passwd')).toBe('etc passwd');
    expect(safeStem('a/b\\c:d*e?f"g<h>i|j#k^l[m]n')).toBe('a b c d e f g h i j k l m n');
    expect(safeStem('  .hidden. ')).toBe('hidden');
    expect(safeStem('CON')).toBe('CON_');
    expect(safeStem('com1.txt')).toBe('com1.txt_');
    expect(safeStem('line\nbreak\u0000null\u202e')).toBe('line break null\u202e');
    expect(safeStem('...')).toBe('clip');
    expect(safeStem('')).toBe('clip');
    expect([...safeStem('x'.repeat(500))]).toHaveLength(80);
    expect(safeStem('Ünïcödé — titles stay')).toBe('Ünïcödé — titles stay');
  });

  it('gives each title a unique name, whatever its case', () => {
    const name = uniqueNames('md', ['index.md']);
    expect(['Story', 'story', 'STORY', 'a/b', 'a:b', 'Index', 'index'].map(name)).toEqual([
      'Story.md',
      'story (2).md',
      'STORY (3).md',
      'a b.md',
      'a b (2).md',
      'Index (2).md',
      'index (3).md',
    ]);
  });
});

describe('all clips as a ZIP of Markdown notes', () => {
  it('round-trips through unzip with safe, unique names and an index', () => {
    const clips = [
      clip('Same title', { clipId: 'a'.repeat(16) }),
      clip('Same title', { clipId: 'b'.repeat(16) }),
      clip('../../evil/../path:name?.md', { clipId: 'c'.repeat(16) }),
      clip('Index', { clipId: 'd'.repeat(16) }),
    ];
    const files = unzipSync(clipsZip(clips));
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      ['Index (2).md', 'Same title (2).md', 'Same title.md', 'evil .. path name .md.md', INDEX_FILE].sort(),
    );
    for (const name of names) {
      expect(name).not.toMatch(/[/\\:?*"<>|]|^\./);
    }
    const expected = clipFiles(clips);
    for (const name of names) expect(strFromU8(files[name]!)).toBe(expected.get(name));
    expect(strFromU8(files['Same title (2).md']!)).toContain('title: Same title');
    const index = strFromU8(files[INDEX_FILE]!);
    expect(index).toContain('- [Same title](<Same title (2).md>) · News Example · 2026-12-01');
    expect(index).toContain('(<evil .. path name .md.md>)');
  });
});
