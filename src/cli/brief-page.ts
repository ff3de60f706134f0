import { type BriefClip, buildBrief } from '../brief/build';
import type { Brief, FiredSignal } from '../model/brief';
import type { Card } from '../model/card';
import { clipHtml } from './clip-page';

/*
 * `npm run brief` for saved pages: the article as the extension reads it (the clip's extraction, on jsdom),
 * the engine's mentions of its text, and the brief the side panel shows for it.
 */

/** The brief of a saved page's HTML. */
export function briefHtml(
  html: string,
  url: string,
  cards: readonly Card[],
  signals: readonly FiredSignal[] = [],
  clips: readonly BriefClip[] = [],
): Brief {
  const clip = clipHtml(html, url, cards, new Date(0).toISOString());
  return buildBrief({
    title: clip.title,
    url: clip.canonicalUrl,
    text: clip.text,
    mentions: clip.mentions,
    cards,
    signals,
    clips,
  });
}
