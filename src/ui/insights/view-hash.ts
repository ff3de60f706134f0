/** The insight page's three views. */
export type InsightView = 'network' | 'map' | 'timeline';

/** What the page's address says: the view, and the card the timeline (or the detail pane) shows. */
export interface HashState {
  view: InsightView;
  card: string | null;
}

/** Reads `#network`, `#map`, `#timeline?card=china`. */
export function readHash(hash: string): HashState {
  const [name = '', query = ''] = hash.replace(/^#/, '').split('?');
  const view: InsightView = name === 'map' || name === 'timeline' ? name : 'network';
  return { view, card: new URLSearchParams(query).get('card') };
}

/** The address of a view (and card). */
export function writeHash({ view, card }: HashState): string {
  return card ? `#${view}?card=${encodeURIComponent(card)}` : `#${view}`;
}
