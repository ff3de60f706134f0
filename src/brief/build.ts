import type {
  Brief,
  BriefCount,
  BriefImplication,
  BriefSignal,
  FiredSignal,
  RelatedCard,
  RelatedClip,
} from '../model/brief';
import { type Card, isTopic } from '../model/card';
import type { Clip } from '../model/clip';
import { type Sentence, sentences } from './sentences';

/*
 * The brief of a page, from what Dossier already knows of it: its text and the mentions the engine found
 * there, the cards, the signals that fired and the user's earlier clips. Pure and local: no DOM, no network.
 */

/** A mention as the engine reports it: the card and where, in the text's UTF-16 offsets. */
export interface BriefMention {
  cardId: string;
  start: number;
  end: number;
}

/** An earlier clip, as much of it as related intelligence needs. */
export type BriefClip = Pick<Clip, 'clipId' | 'title' | 'canonicalUrl' | 'clipped'> & {
  mentions: ReadonlyArray<{ cardId: string; name: string }>;
};

/** What a brief is built from. */
export interface BriefInput {
  title: string;
  /** The page's canonical URL (an earlier clip of the same page is not related intelligence). */
  url: string;
  /** The page's text, blocks on their own lines. */
  text: string;
  mentions: readonly BriefMention[];
  /** The cards mentioned and any others the user has (the names a card lists as related are looked up here). */
  cards: readonly Card[];
  signals: readonly FiredSignal[];
  clips: readonly BriefClip[];
}

/** How long a brief gets. */
export const BRIEF_LIMITS = {
  /** Sentences in the summary, and their characters all told. */
  summarySentences: 4,
  summaryChars: 900,
  /** A "sentence" longer than this is a list or a run of layout text, not a sentence to quote. */
  sentenceChars: 400,
  implications: 12,
  relatedCards: 8,
  relatedClips: 6,
};

/** The brief of a page. */
export function buildBrief(input: BriefInput): Brief {
  const byId = new Map(input.cards.map((c) => [c.id, c]));
  const mentions = input.mentions.filter((m) => byId.has(m.cardId));
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.cardId, (counts.get(m.cardId) ?? 0) + 1);
  const involved = [...counts]
    .map(([cardId, count]) => {
      const card = byId.get(cardId)!;
      return { cardId, name: card.name, kind: card.kind, count };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const topic = (c: BriefCount) => isTopic(byId.get(c.cardId)!);
  return {
    title: input.title.replace(/\s+/g, ' ').trim(),
    url: input.url,
    summary: summarise(input.text, mentions, input.title),
    entities: involved.filter((c) => !topic(c)),
    topics: involved.filter(topic),
    implications: implicationsOf(involved.map((c) => byId.get(c.cardId)!)),
    signals: signalsOf(input.signals, byId),
    related: relatedOf(input, involved, byId),
    mentions: mentions.length,
  };
}

/**
 * The sentences that carry the most mentions (then the most distinct cards, then the earliest), at most
 * `summarySentences` of them within `summaryChars`, in page order. The title repeated in the text is skipped.
 */
export function summarise(text: string, mentions: readonly BriefMention[], title = ''): string[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const heading = title.replace(/\s+/g, ' ').trim().toLowerCase();
  const scored: Array<{ sentence: Sentence; count: number; cards: number }> = [];
  let at = 0;
  // Only the lines that hold a mention are split into sentences.
  let next = 0;
  const holdsMention = (start: number, end: number) => {
    while (next < sorted.length && sorted[next]!.start < start) next++;
    return next < sorted.length && sorted[next]!.start < end;
  };
  for (const sentence of sentences(text, holdsMention)) {
    while (at < sorted.length && sorted[at]!.start < sentence.start) at++;
    const ids = new Set<string>();
    let count = 0;
    for (let i = at; i < sorted.length && sorted[i]!.start < sentence.end; i++) {
      count++;
      ids.add(sorted[i]!.cardId);
    }
    if (count === 0 || sentence.text.length > BRIEF_LIMITS.sentenceChars) continue;
    if (sentence.text.toLowerCase() === heading || sentence.text.split(' ').length < 4) continue;
    scored.push({ sentence, count, cards: ids.size });
  }
  scored.sort((a, b) => b.count - a.count || b.cards - a.cards || a.sentence.start - b.sentence.start);
  const chosen: Sentence[] = [];
  const seen = new Set<string>();
  let chars = 0;
  for (const { sentence } of scored) {
    if (chosen.length === BRIEF_LIMITS.summarySentences) break;
    if (seen.has(sentence.text) || chars + sentence.text.length > BRIEF_LIMITS.summaryChars) continue;
    seen.add(sentence.text);
    chosen.push(sentence);
    chars += sentence.text.length;
  }
  return chosen.sort((a, b) => a.start - b.start).map((s) => s.text);
}

/** A text's key for deduplication: letter case, spacing and a closing full stop aside. */
const key = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:!]+$/, '')
    .trim();

/**
 * The implications of the cards, each once with every card that carries it: the first of each card (most
 * mentioned card first), then the second of each, and so on, so that one card does not fill the brief.
 */
function implicationsOf(cards: readonly Card[]): BriefImplication[] {
  const found = new Map<string, BriefImplication>();
  const rounds = Math.max(0, ...cards.map((c) => c.implications.length));
  for (let round = 0; round < rounds; round++) {
    for (const card of cards) {
      const text = card.implications[round];
      if (text === undefined) continue;
      const k = key(text);
      if (!k) continue;
      const entry = found.get(k);
      if (entry) {
        if (!entry.cards.some((c) => c.cardId === card.id)) entry.cards.push({ cardId: card.id, name: card.name });
      } else found.set(k, { text: text.trim(), cards: [{ cardId: card.id, name: card.name }] });
    }
  }
  return [...found.values()].slice(0, BRIEF_LIMITS.implications);
}

/** The signals that fired, once each (card and signal), with their card's name. */
function signalsOf(signals: readonly FiredSignal[], byId: ReadonlyMap<string, Card>): BriefSignal[] {
  const seen = new Set<string>();
  const out: BriefSignal[] = [];
  for (const s of signals) {
    const k = `${s.cardId}\u0000${key(s.signal)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ...s, name: byId.get(s.cardId)?.name ?? s.cardId });
  }
  return out;
}

/**
 * Related intelligence. Cards the page does not mention, scored 2 for each of the page's cards that lists them
 * as related and 1 for each earlier clip that mentions them together with one of the page's cards (on a tie, a
 * card of the user's before a name no card has, then by name). Earlier clips
 * (not of this page) that mention the page's cards, scored by how many of them they mention, then the latest.
 */
function relatedOf(input: BriefInput, involved: readonly BriefCount[], byId: ReadonlyMap<string, Card>) {
  const onPage = new Set(involved.map((c) => c.cardId));
  const byName = new Map<string, Card>();
  for (const card of input.cards) {
    for (const name of [card.name, ...card.aliases]) {
      const k = name.toLowerCase();
      if (!byName.has(k)) byName.set(k, card);
    }
  }
  const cards = new Map<string, RelatedCard>();
  const entry = (cardId: string | null, name: string) => {
    const k = cardId ?? `name:${name.toLowerCase()}`;
    let found = cards.get(k);
    if (!found) {
      found = { cardId, name, score: 0, relatedTo: [], clips: 0 };
      cards.set(k, found);
    }
    return found;
  };
  for (const c of involved) {
    for (const name of byId.get(c.cardId)!.related) {
      const card = byName.get(name.toLowerCase());
      if (card && onPage.has(card.id)) continue;
      const related = entry(card?.id ?? null, card?.name ?? name);
      if (related.relatedTo.includes(c.name)) continue;
      related.relatedTo.push(c.name);
      related.score += 2;
    }
  }
  const clips: RelatedClip[] = [];
  for (const clip of input.clips) {
    if (clip.canonicalUrl === input.url) continue;
    const names = new Map(clip.mentions.map((m) => [m.cardId, m.name]));
    const shared = involved.filter((c) => names.has(c.cardId)).map((c) => c.name);
    if (shared.length === 0) continue;
    clips.push({ clipId: clip.clipId, title: clip.title, url: clip.canonicalUrl, clipped: clip.clipped, shared });
    for (const [id, name] of names) {
      if (onPage.has(id)) continue;
      const related = entry(id, byId.get(id)?.name ?? name);
      related.clips++;
      related.score++;
    }
  }
  return {
    cards: [...cards.values()]
      .sort(
        (a, b) =>
          b.score - a.score || Number(b.cardId !== null) - Number(a.cardId !== null) || a.name.localeCompare(b.name),
      )
      .slice(0, BRIEF_LIMITS.relatedCards),
    clips: clips
      .sort((a, b) => b.shared.length - a.shared.length || b.clipped.localeCompare(a.clipped))
      .slice(0, BRIEF_LIMITS.relatedClips),
  };
}
