import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { clipHtml } from '../../../cli/clip-page';
import type { ClipMention } from '../../../model/clip';
import { PackSchema } from '../../../model/pack';
import defaultPack from '../../../packs/default-pack.json';
import { readerHtml } from './reader-html';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const win = window as unknown as Window;
const render = (html: string, mentions: ClipMention[] = [], images = false) => {
  const out = readerHtml(html, mentions, { window: win, images });
  const root = window.document.createElement('div');
  root.innerHTML = out.html;
  return { ...out, root };
};
const mention = (text: string, exact: string, cardId: string, from = 0): ClipMention => {
  const start = text.indexOf(exact, from);
  const end = start + exact.length;
  return {
    cardId,
    name: exact,
    exact,
    start,
    end,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
  };
};

describe('the reader view’s HTML', () => {
  it('renders nothing executable from the hostile article', () => {
    const source = readFileSync(new URL('../../../../e2e/fixtures/clip/hostile-article.html', import.meta.url), 'utf8');
    const cards = v.parse(PackSchema, defaultPack).cards;
    const clip = clipHtml(source, 'https://news.example/world/gpu-rentals', cards, '2026-12-01T12:00:00.000Z');
    for (const html of [clip.html, source]) {
      const { root, html: out } = render(html);
      expect(root.querySelectorAll('script, iframe, form, input, svg, style, object, embed, link, meta')).toHaveLength(
        0,
      );
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          expect(attribute, element.outerHTML).not.toMatch(/^on|^style$|^xlink:|^formaction$/i);
          expect(element.getAttribute(attribute), attribute).not.toMatch(/javascript:/i);
        }
      }
      expect(out).not.toMatch(/javascript:|<script|onerror|onbegin|alert\(/i);
    }
  });

  it('keeps every remote URL waiting until images are asked for', () => {
    const html =
      '<p>Text <img src="https://img.example/a.jpg" srcset="https://img.example/a2.jpg 2x" alt="A"></p>' +
      '<picture><source srcset="https://img.example/b.webp"><img src="https://img.example/b.jpg" alt="B"></picture>' +
      '<video poster="https://img.example/p.jpg" src="https://img.example/v.mp4"></video>' +
      '<table background="https://img.example/t.png"><tr><td>x</td></tr></table>' +
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"><img data-remote-src="javascript:alert(1)" alt="spoof">';
    const hidden = render(html);
    expect(hidden.root.querySelectorAll('[src]:not([src^="data:"]), [srcset], [poster], [background]')).toHaveLength(0);
    expect(hidden.remote).toBe(7);
    expect(hidden.root.querySelector('img[alt="A"]')!.getAttribute('data-remote-src')).toBe(
      'https://img.example/a.jpg',
    );
    expect(hidden.root.querySelector('img[alt="inline"]')!.getAttribute('src')).toMatch(/^data:image\/png/);
    expect(hidden.root.querySelector('img[alt="spoof"]')!.getAttributeNames()).not.toContain('data-remote-src');

    const shown = render(html, [], true);
    expect(shown.remote).toBe(0);
    expect(shown.root.querySelector('img[alt="A"]')!.getAttribute('src')).toBe('https://img.example/a.jpg');
    expect(shown.root.querySelector('source')!.getAttribute('srcset')).toBe('https://img.example/b.webp');
    expect(shown.root.querySelector('img[alt="A"]')!.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('opens links in a new tab and drops the page’s classes, ids and data', () => {
    const { root } = render(
      '<p class="btn" id="clip-search" data-card="x"><a href="https://a.example/" target="_self">a</a> <a href="ftp://x/">b</a></p>',
    );
    const [a, b] = root.querySelectorAll('a');
    expect(a!.getAttribute('target')).toBe('_blank');
    expect(a!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(b!.hasAttribute('href')).toBe(false);
    expect(root.querySelector('p')!.getAttributeNames()).toEqual([]);
  });

  it('wraps each mention in a link to its card, found by its quote', () => {
    const text = 'Officials in Japan are examining whether Nvidia chips reached China. Japan said little.';
    const html =
      '<h2>Title</h2><p>Officials in <b>Japan</b> are examining whether Nvidia chips reached <a href="https://x.example/">China</a>. Japan said little.</p>';
    const mentions = [
      mention(text, 'Japan', 'japan'),
      mention(text, 'Nvidia', 'nvidia'),
      mention(text, 'China', 'china'),
      mention(text, 'Japan', 'japan', 20),
      mention(text, 'Taiwan', 'taiwan'),
    ];
    // Offsets drift: the stored text has no heading.
    const { root, painted } = render(html, mentions);
    expect(painted).toBe(4);
    const wrapped = [...root.querySelectorAll('.mention')].map((m) => [
      m.localName,
      m.textContent,
      m.getAttribute('data-card'),
    ]);
    expect(wrapped).toEqual([
      ['a', 'Japan', 'japan'],
      ['a', 'Nvidia', 'nvidia'],
      ['mark', 'China', 'china'],
      ['a', 'Japan', 'japan'],
    ]);
    expect(root.querySelector('b > a.mention')).not.toBeNull();
    expect(root.textContent).toBe(`Title${text}`);
  });
});
