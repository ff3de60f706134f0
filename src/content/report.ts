import { sendToBackground } from '../messaging/client';
import type { Annotator } from './annotator';

/** How long the page's mentions must stay unchanged before the background hears of them. */
const REPORT_DELAY_MS = 500;

/**
 * Tells the background which mentions are painted after the page changed, so the side panel and the toolbar
 * count follow a live page; several changes in a row make one report.
 */
export function reportMentions(doc: Document): (annotator: Annotator) => void {
  let timer = 0;
  return (annotator) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const ordered = annotator.ordered();
      const mentions = ordered.map((p, i) => ({ ...p.mention, start: i, end: i }));
      const ids = new Set(mentions.map((m) => m.cardId));
      const cards = [...annotator.cards.values()].filter((c) => ids.has(c.id));
      void sendToBackground('page.record', {
        url: doc.location?.href ?? '',
        title: doc.title,
        mentions,
        cards,
      });
    }, REPORT_DELAY_MS);
  };
}
