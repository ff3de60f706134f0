import type { Article, Clip, ClipMention } from '../model/clip';
import type { Result } from '../model/result';
import { ClipStore } from '../store/clips';
import type { Library } from './library';

/*
 * Clipping a tab's page: the clipper script is injected into its top frame only now (Readability and
 * DOMPurify stay out of every page until a user clips one), reads the article from a clone of the page and
 * sanitises it there; the background finds the mentions in the article's text and stores the clip.
 */

const CONTEXT = 32;
const clips = new ClipStore();

/** The clips of the store. */
export function clipStore(): ClipStore {
  return clips;
}

/** Clips the page of a tab. */
export async function clipTab(library: Library, tabId: number): Promise<Clip> {
  let injected: chrome.scripting.InjectionResult<unknown>[];
  try {
    injected = await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['clipper.js'] });
  } catch {
    throw new Error('Dossier cannot read this page (browser pages, the Web Store and PDFs cannot be clipped).');
  }
  const answer = injected[0]?.result as Result<Article> | undefined;
  if (!answer) throw new Error('The page did not answer; reload it and clip again.');
  if (!answer.ok) throw new Error(answer.error);
  const article = answer.value;
  const { mentions, cards } = await library.match(article.text);
  const names = new Map(cards.map((c) => [c.id, c.name]));
  const found: ClipMention[] = mentions.map((m) => ({
    cardId: m.cardId,
    name: names.get(m.cardId) ?? m.cardId,
    exact: m.quote,
    prefix: article.text.slice(Math.max(0, m.start - CONTEXT), m.start),
    suffix: article.text.slice(m.end, m.end + CONTEXT),
    start: m.start,
    end: m.end,
  }));
  return clips.save(article, found);
}
