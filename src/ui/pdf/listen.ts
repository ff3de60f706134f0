import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { type Answers, backgroundToContent } from '../../messaging/protocol';
import type { OwnHighlights } from './highlights';
import type { PdfMentions } from './mentions';

/** What the reader answers with: its document as a clip's article, and its file handed over. */
export interface ReaderParts {
  mentions: PdfMentions;
  own: OwnHighlights;
  article: () => Promise<Answers['pdf.article']>;
  file: () => Promise<Answers['pdf.file']>;
}

const failed = (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) });
const answer = <T>(work: Promise<T>) => work.then((value) => ({ ok: true, value }), failed);

/**
 * The background's requests to the reader's tab, as to any page (keyboard commands, the side panel's Show, its
 * list of highlights and notes), and the reader's own (a clip's article, the file to keep with it).
 */
export function listen({ mentions, own, article, file }: ReaderParts): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    // The background alone: a tab's content script (or another of Dossier's tabs) broadcasting is not heard.
    if (sender.tab || sender.id !== browser.runtime.id) return undefined;
    const m = message as { type?: unknown; payload?: unknown };
    switch (m?.type) {
      case 'page.annotate':
        return own.highlightSelection(document.getSelection()).then((problem) => ({
          ok: true,
          value: { found: problem === null },
        }));
      case 'pdf.article':
        return answer(article());
      case 'pdf.file':
        return answer(file());
      case 'page.refresh':
        // The site rules changed: the pages are matched again (or cleared, Dossier being off here now).
        return answer(mentions.refresh().then(() => ({ mentions: mentions.mentions.length })));
      case 'page.annotations':
        return Promise.resolve({ ok: true, value: own.list() });
      case 'page.annotations.refresh':
        return answer(own.reload().then(() => own.list()));
      case 'page.annotation.reveal': {
        const parsed = v.safeParse(backgroundToContent['page.annotation.reveal'], m.payload);
        if (!parsed.success) return undefined;
        return answer(own.reveal(parsed.output.id).then((found) => ({ found })));
      }
      case 'page.step': {
        const parsed = v.safeParse(backgroundToContent['page.step'], m.payload);
        if (!parsed.success) return undefined;
        return answer(mentions.step(parsed.output.direction).then((found) => ({ found })));
      }
      case 'page.reveal': {
        const parsed = v.safeParse(backgroundToContent['page.reveal'], m.payload);
        if (!parsed.success) return undefined;
        const { cardId, index } = parsed.output;
        return answer(mentions.revealCard(cardId, index ?? 0).then((found) => ({ found })));
      }
      default:
        return undefined;
    }
  });
}
