import { anchor } from '../anchor/quote';
import { collectText } from './collect-text';
import { rangeOf } from './paint';

/** The highlight registry key of a watch signal's evidence sentence (neutral: the page can list it). */
export const EVIDENCE_KEY = 'ann-evidence';

/**
 * Paints a watch signal's evidence sentence and scrolls to it; false when the page no longer has it. The
 * sentence is found as an annotation's quote is (exactly, or with a few errors if the page changed since).
 */
export function revealEvidence(doc: Document, sentence: string, exclude: Node | null): boolean {
  const page = collectText(doc.body ?? doc.documentElement, exclude);
  const found = anchor(page.text, [
    { type: 'TextQuoteSelector', exact: sentence, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: 0, end: 0 },
  ]);
  const range = found && rangeOf(page, found);
  if (!range) return false;
  CSS.highlights.set(EVIDENCE_KEY, new Highlight(range));
  // Instant: a page that is not the focused one (the side panel is) may not animate a smooth scroll.
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
  return true;
}

/** Removes the painted evidence (teardown, or the page moved on). */
export function clearEvidence(): void {
  CSS.highlights.delete(EVIDENCE_KEY);
}
