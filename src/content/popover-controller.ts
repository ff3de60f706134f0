import { sendToBackground } from '../messaging/client';
import type { Card } from '../model/card';
import { mountPopover, type PopoverHandle } from '../ui/popover/mount';
import { POPOVER_CSS } from '../ui/popover/popover.css';
import type { Annotator } from './annotator';
import { currentHost, ensureHost } from './host';
import { type Painted, paintFocus } from './paint';

const HIDE_DELAY_MS = 300;

/** Keyboard access to the mentions: what the next/previous-mention commands call. */
export interface MentionNavigator {
  /** Moves to the next or previous mention, shows its card and puts focus inside it; false when there is none. */
  step(direction: 'next' | 'previous'): boolean;
}

/**
 * Shows the card popover when the pointer rests on a mention, or when the keyboard moves to one. Pointer moves
 * are read once per frame; the host element and the popover are only created on first need.
 */
export function watchHover(
  doc: Document,
  annotator: Annotator,
  signal: AbortSignal,
  isAlive: () => boolean,
): MentionNavigator {
  let popover: PopoverHandle | null = null;
  let position = -1;
  let returnFocus: HTMLElement | null = null;
  let shown: Painted | null = null;
  let hideTimer = 0;
  let frame = 0;
  let last: PointerEvent | null = null;
  const cards = new Map<string, Card>();

  const hide = () => {
    window.clearTimeout(hideTimer);
    hideTimer = 0;
    popover?.hide();
    shown = null;
    paintFocus(null);
    // Focus goes back where it was before the keyboard opened the card.
    returnFocus?.focus({ preventScroll: true });
    returnFocus = null;
  };

  const show = (item: Painted) => {
    window.clearTimeout(hideTimer);
    hideTimer = 0;
    if (shown === item) return;
    shown = item;
    const summary = annotator.current.cards.get(item.mention.cardId);
    if (!summary) return;
    const host = ensureHost(doc, POPOVER_CSS);
    popover ??= mountPopover(host.root);
    const render = (card: Card | null, status: string | null = null) => {
      if (shown !== item || !popover) return;
      popover.update(
        {
          summary,
          card,
          mention: item.mention,
          count: annotator.current.counts.get(summary.id) ?? 1,
          status,
          onStep: (direction) => stepper.step(direction),
          onTurnOffSite: () => {
            void sendToBackground('site.set', { enabled: false }).then((result) => {
              if (result.ok) hide();
              else render(cards.get(summary.id) ?? null, `Could not turn Dossier off here: ${result.error}`);
            });
          },
          onOpenPanel: () => {
            void sendToBackground('panel.open', { cardId: summary.id }).then((result) => {
              if (!result.ok) render(cards.get(summary.id) ?? null, `Could not open the side panel: ${result.error}`);
            });
          },
        },
        item.range,
      );
    };
    render(cards.get(summary.id) ?? null);
    // Always ask: the card may have been edited since, and it wakes a stopped service worker.
    void sendToBackground('card.get', { id: summary.id }).then((result) => {
      if (result.ok) {
        cards.set(summary.id, result.value);
        render(result.value);
      } else if (!cards.has(summary.id)) {
        render(null, result.error);
      }
    });
  };

  const onFrame = () => {
    frame = 0;
    const event = last;
    if (!event) return;
    if (!isAlive()) return;
    // Events from inside our closed shadow root reach the document retargeted to the host element.
    if (popover && !popover.element.hidden && event.target === currentHost()) {
      window.clearTimeout(hideTimer);
      hideTimer = 0;
      return;
    }
    const hit = annotator.current.hitTest(event.clientX, event.clientY);
    if (hit) show(hit);
    else if (shown && !hideTimer) hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      last = event;
      if (!frame) frame = requestAnimationFrame(onFrame);
    },
    { passive: true, capture: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && shown) {
        event.stopPropagation();
        hide();
      }
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    hide();
    if (frame) cancelAnimationFrame(frame);
  });

  const stepper: MentionNavigator = {
    step(direction) {
      const painted = annotator.current.painted;
      if (painted.length === 0 || !isAlive()) return false;
      position =
        direction === 'next' ? (position + 1) % painted.length : (position - 1 + painted.length) % painted.length;
      const item = painted[position]!;
      item.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      paintFocus(item.range);
      const active = doc.activeElement;
      if (!returnFocus && active instanceof HTMLElement && active !== currentHost()) returnFocus = active;
      show(item);
      popover?.focus();
      return true;
    },
  };
  return stepper;
}
