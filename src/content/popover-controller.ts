import { sendToBackground } from '../messaging/client';
import type { Card } from '../model/card';
import { mountPopover, type PopoverHandle } from '../ui/popover/mount';
import type { Annotator } from './annotator';
import { ensureHost, isOurs } from './host';
import { type Painted, paintFocus } from './paint';

const HIDE_DELAY_MS = 300;
const FRAME_MS = 16;

/** Shows a card's popover for a mention: on hover without moving focus, from the keyboard with focus inside. */
export interface PopoverController {
  /** Moves to the next or previous mention in the page, opens its card and puts focus in it. */
  step(direction: 'next' | 'previous'): boolean;
  /** Closes the popover (and gives focus back when the keyboard had moved it). */
  hide(): void;
}

/**
 * Shows the card popover when the pointer rests on a mention. Pointer moves are read once per frame; the host
 * element and the popover are only created on the first need.
 */
export function watchPopover(
  doc: Document,
  annotator: Annotator,
  signal: AbortSignal,
  isAlive: () => boolean,
): PopoverController {
  let popover: PopoverHandle | null = null;
  let shown: Painted | null = null;
  let hideTimer = 0;
  let frame = 0;
  let last: PointerEvent | null = null;
  /** Where focus was before the keyboard moved it into the popover, to give it back on Escape. */
  let returnFocus: Element | null = null;
  const cards = new Map<string, Card>();
  /** The joined teams' names, asked once a minute at most (the popover offers to share with each). */
  let teams: { names: string[]; at: number } = { names: [], at: -Infinity };
  const loadTeams = (item: Painted, summaryId: string) => {
    if (performance.now() - teams.at < 60_000) return;
    teams = { names: teams.names, at: performance.now() };
    void sendToBackground('teams.names', {}).then((result) => {
      if (!result.ok) return;
      teams = { names: result.value, at: teams.at };
      if (shown === item) render(item, cards.get(summaryId) ?? null, null, false);
    });
  };

  const hide = () => {
    window.clearTimeout(hideTimer);
    hideTimer = 0;
    const hadFocus = popover?.hasFocus() ?? false;
    popover?.hide();
    shown = null;
    paintFocus(null);
    if (hadFocus || returnFocus) {
      const target = returnFocus;
      returnFocus = null;
      if (target instanceof HTMLElement && target.isConnected && target !== doc.body) target.focus();
      else (doc.activeElement as HTMLElement | null)?.blur?.();
    }
  };

  const act = (run: () => Promise<{ ok: boolean; error?: string }>, item: Painted, summaryId: string) => {
    void run().then((result) => {
      if (!result.ok && shown === item) render(item, cards.get(summaryId) ?? null, `Failed: ${result.error}`, false);
    });
  };

  const render = (item: Painted, card: Card | null, status: string | null, focus: boolean) => {
    const summary = annotator.cards.get(item.mention.cardId);
    if (!summary || shown !== item) return;
    const host = ensureHost(doc);
    popover ??= mountPopover(host.root);
    const same = annotator.ordered(summary.id);
    popover.update(
      {
        summary,
        card,
        mention: item.mention,
        count: same.length,
        position: same.indexOf(item) + 1,
        status,
        onOpenPanel: () => act(() => sendToBackground('panel.open', { cardId: summary.id }), item, summary.id),
        onIgnore: () => act(() => sendToBackground('card.ignore', { cardId: summary.id }), item, summary.id),
        onSiteOff: () => act(() => sendToBackground('site.set', { enabled: false }), item, summary.id),
        onPause: () => act(() => sendToBackground('pause.set', { paused: true }), item, summary.id),
        onStep: (direction) => step(direction, item),
        teams: teams.names,
        onShare: (team) =>
          void sendToBackground('card.share', { cardId: summary.id, team }).then((result) => {
            if (shown !== item) return;
            const said = result.ok ? `Shared with ${team}.` : `Failed: ${result.error}`;
            render(item, cards.get(summary.id) ?? null, said, false);
          }),
      },
      item.range,
      focus,
    );
  };

  const show = (item: Painted, focus: boolean) => {
    window.clearTimeout(hideTimer);
    hideTimer = 0;
    if (shown === item && !focus) return;
    shown = item;
    const id = item.mention.cardId;
    render(item, cards.get(id) ?? null, null, focus);
    loadTeams(item, id);
    // Always ask: the card may have been edited since, and it wakes a stopped service worker.
    void sendToBackground('card.get', { id }).then((result) => {
      if (result.ok) {
        cards.set(id, result.value);
        render(item, result.value, null, false);
      } else if (!cards.has(id)) {
        render(item, null, result.error, false);
      }
    });
  };

  const step = (direction: 'next' | 'previous', from: Painted | null = shown): boolean => {
    const all = annotator.ordered();
    if (all.length === 0) return false;
    const at = from ? all.indexOf(from) : -1;
    const index =
      at < 0
        ? direction === 'next'
          ? 0
          : all.length - 1
        : (at + (direction === 'next' ? 1 : -1) + all.length) % all.length;
    const target = all[index]!;
    if (!popover?.hasFocus() && !returnFocus) returnFocus = doc.activeElement;
    target.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    paintFocus(target.range);
    show(target, true);
    return true;
  };

  const onFrame = () => {
    frame = 0;
    const event = last;
    if (!event || !isAlive()) return;
    // Events from inside our closed shadow root reach the document retargeted to the host element.
    if (shown && event.target instanceof Node && isOurs(event.target)) {
      window.clearTimeout(hideTimer);
      hideTimer = 0;
      return;
    }
    const hit = annotator.hitTest(event.clientX, event.clientY);
    const fresh = hit !== null && shown !== hit;
    if (hit) {
      show(hit, false);
      // Bench builds time each hover to the popover rendered (painted in this frame): from when our handler got
      // the pointer event, and from when the browser stamped it (its own input delivery included).
      if (__BENCH__ && fresh) {
        const end = performance.now();
        performance.measure('hover → popover', { start: receivedAt, end });
        performance.measure('input → popover', { start: event.timeStamp, end });
      }
      // Off every mention (and off our popover): it hides after a short delay.
    } else if (shown && !hideTimer && !popover?.hasFocus()) hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  };

  // Pointer moves arrive aligned to frames: the first one of a frame is handled at once, so the popover is
  // painted in the same frame; any further one in that frame waits for the next.
  let handledAt = -Infinity;
  let receivedAt = 0;
  doc.addEventListener(
    'pointermove',
    (event) => {
      last = event;
      if (__BENCH__) receivedAt = performance.now();
      if (frame) return;
      const now = performance.now();
      if (now - handledAt >= FRAME_MS) {
        handledAt = now;
        onFrame();
      } else frame = requestAnimationFrame(onFrame);
    },
    { passive: true, capture: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && shown) hide();
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    hide();
    if (frame) cancelAnimationFrame(frame);
  });
  return { step: (direction) => step(direction), hide };
}
