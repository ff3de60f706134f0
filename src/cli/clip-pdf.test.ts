import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipToJson, clipToMarkdown } from './clip-page';
import { clipPdf } from './clip-pdf';
import { DEFAULT_PACK, readPack } from './load-pack';
import { readPdfFile } from './read-pdf';

const DEMO = resolve(__dirname, '../../e2e/pages/pdf/demo.pdf');

describe('clipPdf', () => {
  it('clips a PDF with its pages, hash, size and mentions on their pages', async () => {
    const pdf = await readPdfFile(DEMO);
    const clip = clipPdf(
      pdf,
      DEMO,
      'https://example.org/demo.pdf',
      readPack(DEFAULT_PACK).cards,
      '2025-01-01T00:00:00.000Z',
    );
    const bytes = new Uint8Array(readFileSync(DEMO));
    expect(clip.pdf).toMatchObject({ pages: 4, bytes: bytes.byteLength });
    expect(clip.pdf?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(clip.title).toMatch(/China bets on AI token futures/);
    for (const m of clip.mentions) {
      expect(clip.text.slice(m.start, m.end)).toBe(m.exact);
      const page = m.page!;
      expect(m.start).toBeGreaterThanOrEqual(clip.pdf!.pageStarts[page - 1]!);
      expect(m.start).toBeLessThan(clip.pdf!.pageStarts[page] ?? Number.POSITIVE_INFINITY);
    }
    expect(new Set(clip.mentions.map((m) => m.page)).size).toBeGreaterThan(1);
    expect(clipToMarkdown(clip)).toMatch(/## Page 1[\s\S]*## Page 4/);
    const item = clipToJson(clip).first.items[0] as { target: { selector: unknown[] } };
    expect(item.target.selector[2]).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: `page=${clip.mentions[0]!.page}`,
    });
  });

  it('refuses a damaged, a textless and an encrypted PDF with their messages', async () => {
    const at = (name: string) => resolve(__dirname, `../../e2e/pages/pdf/${name}`);
    await expect(readPdfFile(at('damaged.pdf'))).rejects.toThrow(/damaged or is not a PDF/);
    await expect(readPdfFile(at('no-text.pdf'))).rejects.toThrow(/has no text/);
    await expect(readPdfFile(at('encrypted.pdf'))).rejects.toThrow(/protected by a password/);
    await expect(readPdfFile(at('encrypted.pdf'), 'dossier')).resolves.toMatchObject({ info: { pages: 4 } });
  });
});
