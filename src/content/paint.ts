import type { CardSummary, Mention } from '../model/mention';
import { locate, type PageText } from './collect-text';

/**
 * Highlight registry keys. The page can list them, so they say nothing about Dossier; the styles for them
 * come from the content script's stylesheet (highlights.css), which the page cannot see.
 */
export const HIGHLIGHT_KEYS = {
  entity: 'ann-entity',
  topic: 'ann-topic',
  fuzzy: 'ann-fuzzy',
  focus: 'ann-focus',
} as const;

/** A painted mention: the mention and the live range it covers. */
export interface Painted {
  mention: Mention;
  range: Range;
}

/** Which style a mention is painted in. */
function styleOf(mention: Mention, card: CardSummary | undefined): keyof typeof HIGHLIGHT_KEYS {
  if (mention.match === 'fuzzy') return 'fuzzy';
  return card?.topic ? 'topic' : 'entity';
}

/** Creates a range for each mention and registers them as highlights; returns what was painted. */
export function paint(page: PageText, mentions: readonly Mention[], cards: readonly CardSummary[]): Painted[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const groups = { entity: [] as Range[], topic: [] as Range[], fuzzy: [] as Range[] };
  const painted: Painted[] = [];
  const doc = page.nodes[0]?.ownerDocument ?? document;
  for (const mention of mentions) {
    const start = locate(page, mention.start, false);
    const end = locate(page, mention.end, true);
    if (!start || !end) continue;
    const range = doc.createRange();
    try {
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
    } catch {
      continue; // The page changed under us; the next scan catches up.
    }
    const style = styleOf(mention, byId.get(mention.cardId));
    if (style !== 'focus') groups[style].push(range);
    painted.push({ mention, range });
  }
  setHighlight(HIGHLIGHT_KEYS.entity, groups.entity);
  setHighlight(HIGHLIGHT_KEYS.topic, groups.topic);
  setHighlight(HIGHLIGHT_KEYS.fuzzy, groups.fuzzy);
  return painted;
}

function setHighlight(key: string, ranges: Range[]): void {
  if (ranges.length === 0) {
    CSS.highlights.delete(key);
    return;
  }
  CSS.highlights.set(key, new Highlight(...ranges));
}

/** Marks one range as the focused mention (keyboard navigation, a mention revealed from the side panel). */
export function paintFocus(range: Range | null): void {
  if (range) CSS.highlights.set(HIGHLIGHT_KEYS.focus, new Highlight(range));
  else CSS.highlights.delete(HIGHLIGHT_KEYS.focus);
}

/** Removes everything we painted. */
export function clearPaint(): void {
  for (const key of Object.values(HIGHLIGHT_KEYS)) CSS.highlights.delete(key);
}
