import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { panelToBackground } from '../../messaging/protocol';
import { normaliseTags } from '../../model/clip';

const update = panelToBackground['clip.update'];
const clipId = '0123456789abcdef';

describe('clip.update', () => {
  it('accepts tags and a note, trimming the tags', () => {
    const parsed = v.parse(update, { clipId, tags: [' china ', 'chips'], note: 'Follow it.' });
    expect(parsed.tags).toEqual(['china', 'chips']);
  });

  it('refuses empty or long tags, too many tags, a long note, a bad id, anything else', () => {
    const bad = [
      { clipId, tags: ['  '], note: '' },
      { clipId, tags: ['x'.repeat(65)], note: '' },
      { clipId, tags: Array.from({ length: 33 }, (_, i) => `t${i}`), note: '' },
      { clipId, tags: [], note: 'x'.repeat(10_001) },
      { clipId: '../x', tags: [], note: '' },
      { clipId, tags: [], note: '', html: '<script>' },
      { clipId, tags: 'a,b', note: '' },
    ];
    for (const payload of bad) expect(v.is(update, payload), JSON.stringify(payload).slice(0, 60)).toBe(false);
  });

  it('tags are deduplicated whatever their case, the first spelling kept', () => {
    expect(normaliseTags(' China , chips,china,,  export   controls ')).toEqual(['China', 'chips', 'export controls']);
    expect(normaliseTags(['a,b', 'B', 'c'])).toEqual(['a', 'b', 'c']);
    expect(normaliseTags(Array.from({ length: 40 }, (_, i) => `t${i}`))).toHaveLength(32);
    expect(normaliseTags(['x'.repeat(100)])[0]).toHaveLength(64);
  });
});

describe('page.brief and clip.save', () => {
  it('take a tab, and clip.save an optional brief flag; nothing else', () => {
    expect(v.is(panelToBackground['page.brief'], { tabId: 3 })).toBe(true);
    expect(v.is(panelToBackground['clip.save'], { tabId: 3 })).toBe(true);
    expect(v.parse(panelToBackground['clip.save'], { tabId: 3, brief: true })).toEqual({ tabId: 3, brief: true });
    const bad: Array<[keyof typeof panelToBackground, unknown]> = [
      ['page.brief', { tabId: -1 }],
      ['page.brief', { tabId: 3, text: 'x' }],
      ['clip.save', { tabId: 3, brief: 'yes' }],
      ['clip.save', { tabId: 3, brief: true, html: '<p>' }],
    ];
    for (const [type, payload] of bad)
      expect(v.is(panelToBackground[type], payload), JSON.stringify(payload)).toBe(false);
  });
});
