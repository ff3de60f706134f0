import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { briefMarkdown } from '../brief/markdown';
import { NoArticleError } from '../clip/extract';
import { PackSchema } from '../model/pack';
import defaultPack from '../packs/default-pack.json';
import { briefHtml } from './brief-page';
import { clipHtml } from './clip-page';

const cards = v.parse(PackSchema, defaultPack).cards;
const root = fileURLToPath(new URL('../../', import.meta.url));
const demo = readFileSync(`${root}demo/index.html`, 'utf8');
/** The entities the seed brief names (shared/seed/README.md), as the default pack's cards call them. */
const SEED_ENTITIES = [
  'China',
  'Taiwan',
  'Japan',
  'United States',
  'Nvidia',
  'Alibaba',
  'MuleRun',
  'Tencent',
  'ByteDance',
  'Reuters',
  'Bloomberg',
];

describe('the brief of a saved page', () => {
  const brief = briefHtml(demo, 'http://127.0.0.1/demo/', cards);

  it('lists the seed’s entities and topics on the demo page, with counts', () => {
    expect(brief.entities.map((c) => c.name).sort()).toEqual([...SEED_ENTITIES].sort());
    expect(brief.topics.map((c) => c.name)).toEqual(expect.arrayContaining(['Export controls', 'GPU smuggling']));
    for (const c of [...brief.entities, ...brief.topics]) expect(c.count).toBeGreaterThan(0);
    expect(brief.mentions).toBe([...brief.entities, ...brief.topics].reduce((n, c) => n + c.count, 0));
  });

  it('summarises the demo article with its own sentences, each naming a tracked card', () => {
    expect(brief.summary.length).toBeGreaterThanOrEqual(2);
    expect(brief.summary.length).toBeLessThanOrEqual(4);
    const names = [...brief.entities, ...brief.topics].map((c) => c.name.toLowerCase());
    for (const sentence of brief.summary) {
      expect(demo.replace(/\s+/g, ' ')).toContain(sentence.slice(0, 40));
      expect(names.some((n) => sentence.toLowerCase().includes(n.split(' ')[0]!))).toBe(true);
    }
  });

  it('gives the implications of the cards involved, attributed, and the watch signals that fired', () => {
    expect(brief.implications.length).toBeGreaterThan(4);
    const china = cards.find((c) => c.id === 'china')!;
    expect(brief.implications[0]).toEqual({ text: china.implications[0], cards: [{ cardId: 'china', name: 'China' }] });
    // The demo page is the seed's story: Nvidia's enforcement signal fires, shown by a sentence of the page.
    const nvidia = cards.find((c) => c.id === 'nvidia')!;
    const fired = brief.signals.filter((s) => s.cardId === 'nvidia');
    expect(fired.length).toBeGreaterThan(0);
    for (const s of brief.signals) {
      expect(cards.find((c) => c.id === s.cardId)?.signals.map((x) => x.text)).toContain(s.signal);
      expect(demo.replace(/\s+/g, ' ')).toContain(s.evidence.slice(0, 40));
    }
    expect(nvidia.signals.map((x) => x.text)).toContain(fired[0]!.signal);
  });

  it('fires no watch signal on a page that does not tell the story', () => {
    const html =
      '<html><head><title>Markets</title></head><body><article><h1>Markets</h1><p>Nvidia shares rose on Tuesday as China and Japan reported trade figures in line with forecasts. Analysts expect little change next quarter.</p><p>The weather in Tokyo was mild and traders left early.</p></article></body></html>';
    expect(briefHtml(html, 'https://markets.example/', cards).signals).toEqual([]);
  });

  it('briefs a page with no article from its visible text', () => {
    // Readability finds no article in a page whose only text is its footer.
    const html = '<html><head><title>Wire</title></head><body><footer>Nvidia and China, live</footer></body></html>';
    expect(() => clipHtml(html, 'https://wire.example/', cards, '2026-12-01T00:00:00Z')).toThrow(NoArticleError);
    const brief = briefHtml(html, 'https://wire.example/', cards);
    expect(brief).toMatchObject({ title: 'Wire', url: 'https://wire.example/', mentions: 2 });
    expect(brief.entities.map((c) => c.name)).toEqual(['China', 'Nvidia']);
  });

  it('`npm run brief` prints the same brief as Markdown', () => {
    const printed = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/brief.ts', 'demo/index.html', '--url', 'http://127.0.0.1/demo/'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(printed).toBe(briefMarkdown(brief));
    for (const name of SEED_ENTITIES) expect(printed).toContain(`[[${name}]]`);
    expect(printed).toContain('## Signals that fired\n\n- [[');
    expect(printed).toContain('- [[Nvidia]]: ');
  }, 30_000);
});
