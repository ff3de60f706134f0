import { describe, expect, it } from 'vitest';
import type { Brief } from '../model/brief';
import { briefMarkdown, escapeMarkdown } from './markdown';

const BRIEF: Brief = {
  title: 'Chips *via* Japan',
  url: 'https://news.example/a (b)',
  summary: ['Nvidia chips reached China.', '# Not a heading <script>alert(1)</script>'],
  entities: [{ cardId: 'nvidia', name: 'Nvidia', kind: 'company', count: 3 }],
  topics: [{ cardId: 'gpu', name: 'GPU smuggling', kind: 'topic', count: 1 }],
  implications: [
    {
      text: 'Supply may [tighten](javascript:x)',
      cards: [
        { cardId: 'nvidia', name: 'Nvidia' },
        { cardId: 'odd', name: 'A|B#C' },
      ],
    },
  ],
  signals: [{ cardId: 'nvidia', name: 'Nvidia', signal: 'Enforcement updates', evidence: 'Customs seized _chips_.' }],
  related: {
    cards: [{ cardId: 'taiwan', name: 'Taiwan', score: 3, relatedTo: ['Nvidia'], clips: 1 }],
    clips: [
      {
        clipId: '0123456789abcdef',
        title: 'Earlier [story]',
        url: 'https://x.example/s',
        clipped: '2026-01-02T03:04:05Z',
        shared: ['Nvidia'],
      },
    ],
  },
  mentions: 4,
};

describe('escapeMarkdown', () => {
  it('escapes what Markdown reads as markup, and a block marker at the start', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e) <i> `f` | ~g~ \\ !')).toBe(
      'a \\*b\\* \\_c\\_ \\[d\\](e) \\<i\\> \\`f\\` \\| \\~g\\~ \\\\ \\!',
    );
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });
});

describe('briefMarkdown', () => {
  it('renders every section in the seed brief’s order, the page’s and cards’ text escaped', () => {
    expect(briefMarkdown(BRIEF)).toBe(
      [
        '# Brief: Chips \\*via\\* Japan',
        '',
        'Source: [https://news.example/a (b)](<https://news.example/a%20(b)>)',
        '',
        '## Summary',
        '',
        '> Nvidia chips reached China.',
        '>',
        '> \\# Not a heading \\<script\\>alert(1)\\</script\\>',
        '',
        '## Entities',
        '',
        '- [[Nvidia]] (3)',
        '',
        '## Topics & keywords',
        '',
        '- [[GPU smuggling]] (1)',
        '',
        '## Implications',
        '',
        '01. Supply may \\[tighten\\](javascript:x) ([[Nvidia]], [[A B C]])',
        '',
        '## Signals that fired',
        '',
        '- [[Nvidia]]: Enforcement updates',
        '  > Customs seized \\_chips\\_.',
        '',
        '## Related intelligence',
        '',
        '- [[Taiwan]]: related to Nvidia; mentioned with them in 1 clip (score 3)',
        '- Clip [Earlier \\[story\\]](<https://x.example/s>), 2026-01-02: shares Nvidia',
        '',
      ].join('\n'),
    );
  });

  it('says when a section is empty, and nests under a clip’s note at a lower level', () => {
    const empty: Brief = {
      ...BRIEF,
      url: 'file:///saved/page.html',
      summary: [],
      entities: [],
      topics: [],
      implications: [],
      signals: [],
      related: { cards: [], clips: [] },
    };
    const md = briefMarkdown(empty, 2);
    expect(md).toContain('## Brief: Chips');
    expect(md).toContain('### Signals that fired\n\nNone fired on this page.');
    expect(md).toContain('Nothing related yet.');
    expect(md).not.toContain('Source:');
  });
});
