import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { missingShared, skipWithoutShared } from '../../scripts/needs-shared';
import { canonicalUrl, withoutTracking } from '../clip/canonical';
import { entitiesOf } from '../clip/markdown';
import { PackSchema } from '../model/pack';
import defaultPack from '../packs/default-pack.json';
import { clipHtml, clipToJson, clipToMarkdown } from './clip-page';

const cards = v.parse(PackSchema, defaultPack).cards;
const CLIPPED = '2026-12-01T12:00:00.000Z';
const fixtures = fileURLToPath(new URL('../../e2e/fixtures/', import.meta.url));
const corpus = fileURLToPath(new URL('../../../shared/corpus/dev/', import.meta.url));

describe('clipping a saved page', () => {
  const pages = existsSync(corpus) ? readdirSync(corpus) : [];
  it.skipIf(skipWithoutShared(pages.length > 0, 'the corpus clipping tests'))('has the corpus pages to clip', () => {
    expect(pages.length, missingShared('Clipping the corpus pages')).toBeGreaterThan(0);
  });
  it.each(pages)(
    'keeps the title, byline and site Readability gives on the corpus page %s',
    (name) => {
      const meta = JSON.parse(readFileSync(`${corpus}${name}/meta.json`, 'utf8'));
      const html = readFileSync(`${corpus}${name}/source.html`, 'utf8');
      const clip = clipHtml(html, `https://example.org/${name}`, cards, CLIPPED);
      expect({ title: clip.title, byline: clip.byline }).toEqual({ title: meta.title, byline: meta.byline });
      expect(clip.siteName).toBe(meta.siteName ?? null);
      expect(clip.text.length).toBeGreaterThan(200);
    },
    30_000,
  );

  it('stores nothing executable from a hostile article', () => {
    const html = readFileSync(`${fixtures}clip/hostile-article.html`, 'utf8');
    const clip = clipHtml(html, 'https://news.example/world/gpu-rentals?fbclid=x', cards, CLIPPED);
    expect(clip.html).not.toMatch(/<script|<iframe|<form|\son[a-z]+=|javascript:|xlink:href/i);
    expect(clip.html).toContain('Officials in Japan are examining');
    expect(clip.html).toContain('href="https://news.example/filing"');
    const markdown = clipToMarkdown(clip);
    expect(markdown).not.toMatch(/javascript:|<script|onerror|onbegin/i);
    expect(clip.canonicalUrl).toBe('https://news.example/world/gpu-rentals?id=7');
    expect(entitiesOf(clip)).toEqual(expect.arrayContaining(['Japan', 'Nvidia', 'China', 'Taiwan']));
  });

  /** Compares an export with its golden file (`UPDATE_GOLDEN=1 npx vitest run src/cli` writes them anew). */
  const golden = (name: string, text: string) => {
    const path = `${fixtures}golden/${name}`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  };
  const demo = () => {
    const html = readFileSync(fileURLToPath(new URL('../../demo/index.html', import.meta.url)), 'utf8');
    const clip = clipHtml(
      html,
      'https://ledger.example/2025/05/14/china-ai-token-futures?utm_medium=email',
      cards,
      CLIPPED,
    );
    return { ...clip, tags: ['china', 'chips'], note: 'Follow the customs inquiry.' };
  };

  it('exports the demo article as the golden Markdown note', () => {
    golden('demo.md', clipToMarkdown(demo()));
  });

  it('exports the demo clip as the golden JSON-LD file, its mentions W3C annotations on the clip’s text', () => {
    const clip = demo();
    const json = clipToJson(clip);
    golden('demo.jsonld', `${JSON.stringify(json, null, 2)}\n`);
    const [record] = json['dossier:clips'];
    expect(json.first.items).toHaveLength(clip.mentions.length);
    for (const item of json.first.items) {
      const [quote, position] = item.target.selector;
      expect(record?.text.slice(position.start, position.end)).toBe(quote.exact);
    }
  });

  const guardian = existsSync(`${corpus}guardian-1`);
  it.skipIf(skipWithoutShared(guardian, 'the golden Markdown note'))(
    'exports a corpus article as its golden Markdown note',
    () => {
      expect(guardian, missingShared('The golden Markdown note')).toBe(true);
      const html = readFileSync(`${corpus}guardian-1/source.html`, 'utf8');
      golden('guardian-1.md', clipToMarkdown(clipHtml(html, 'https://example.org/guardian-1', cards, CLIPPED)));
    },
  );
});

describe('canonical URLs', () => {
  it('drops fragments and tracking parameters, keeps the others', () => {
    expect(withoutTracking('https://a.example/x?utm_source=t&id=3&fbclid=9#p2')).toBe('https://a.example/x?id=3');
  });
  it('prefers the page’s canonical link when it is http(s)', () => {
    const doc = (html: string) =>
      new JSDOM(`<!doctype html><html><head>${html}</head><body></body></html>`).window.document;
    expect(canonicalUrl(doc('<link rel="canonical" href="/story">'), 'https://a.example/s?utm_campaign=x')).toBe(
      'https://a.example/story',
    );
    expect(canonicalUrl(doc('<link rel="canonical" href="javascript:alert(1)">'), 'https://a.example/s#x')).toBe(
      'https://a.example/s',
    );
  });
});
