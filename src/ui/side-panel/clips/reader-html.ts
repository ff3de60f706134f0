import createDOMPurify, { type DOMPurify } from 'dompurify';
import { locateQuotes } from '../../../clip/locate';
import type { ClipMention } from '../../../model/clip';
import { safeLink } from '../../../model/safe-url';

/*
 * The HTML of the reader view. A clip's HTML was sanitised when clipped; it is sanitised again here, stricter,
 * since it is about to be rendered in an extension page: HTML only (no SVG or MathML), no forms, frames, styles,
 * classes, ids or data attributes of the page, links only to http(s) and mail, opened in a new tab. Nothing
 * remote loads: every src, srcset, poster and background URL waits in a `data-remote-*` attribute until the
 * user asks for images. Then the mentions are wrapped, each a link to its card.
 */

/** Attributes that make the browser fetch a URL as soon as the element exists. */
const FETCHING = ['src', 'srcset', 'poster', 'background'] as const;
/** The attribute a fetching URL waits in while images are off. */
export const waiting = (attribute: string) => `data-remote-${attribute}`;

/** What the reader view renders. */
export interface ReaderHtml {
  html: string;
  /** How many URLs wait for "Show images" (0 when images are shown). */
  remote: number;
  /** How many mentions were found and wrapped. */
  painted: number;
}

let purifier: { purify: DOMPurify; window: Window } | null = null;
/** The settings of the call under way, read by the hooks (sanitising is synchronous). */
const current = { images: false, remote: 0 };

function purifierFor(window: Window): DOMPurify {
  if (purifier?.window === window) return purifier.purify;
  const purify = createDOMPurify(window as Window & typeof globalThis);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    for (const attribute of FETCHING) {
      const url = element.getAttribute(attribute);
      if (url === null) continue;
      element.removeAttribute(attribute);
      // Images embedded in the clip itself are not remote.
      if (current.images || (attribute !== 'srcset' && /^data:image\//i.test(url.trim()))) {
        element.setAttribute(attribute, url);
      } else {
        element.setAttribute(waiting(attribute), url);
        current.remote++;
      }
    }
    if (element.localName === 'a') {
      const href = element.getAttribute('href') ?? '';
      const safe = safeLink(href);
      if (safe) element.setAttribute('href', safe);
      else element.removeAttribute('href');
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
    if (element.localName === 'img') element.setAttribute('referrerpolicy', 'no-referrer');
  });
  purifier = { purify, window };
  return purify;
}

/** The reader view's HTML of a clip, in the document of `window`; with `images`, remote images load. */
export function readerHtml(
  html: string,
  mentions: readonly ClipMention[],
  { images = false, window: win = window }: { images?: boolean; window?: Window } = {},
): ReaderHtml {
  const purify = purifierFor(win);
  current.images = images;
  current.remote = 0;
  const clean = purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'select',
      'option',
      'textarea',
      'iframe',
      'frame',
      'object',
      'embed',
      'link',
      'meta',
      'base',
      'dialog',
      'template',
      'noscript',
    ],
    FORBID_ATTR: [
      'style',
      'class',
      'id',
      'name',
      'srcdoc',
      'ping',
      'download',
      'formaction',
      'action',
      'target',
      'autofocus',
      'tabindex',
      'accesskey',
      'contenteditable',
    ],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
  const remote = current.remote;
  // Parsed in a template: its content is inert, so nothing loads while the mentions are wrapped.
  const template = win.document.createElement('template');
  template.innerHTML = clean;
  const painted = wrapMentions(template.content, mentions, win.document);
  return { html: template.innerHTML, remote, painted };
}

/** Wraps each mention found in the fragment's text; returns how many were. */
function wrapMentions(root: DocumentFragment, mentions: readonly ClipMention[], doc: Document): number {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  const spans = locateQuotes(text, mentions);
  const found = spans
    .map((span, i) => (span ? { ...span, mention: mentions[i]! } : null))
    .filter((f) => f !== null)
    .sort((a, b) => b.start - a.start);
  // From the last to the first: splitting a text node keeps its head in place, where earlier mentions are.
  for (const { start, end, mention } of found) {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i]!;
      const from = Math.max(start, starts[i]!);
      const to = Math.min(end, starts[i]! + node.data.length);
      if (from >= to) {
        if (starts[i]! + node.data.length <= start) break;
        continue;
      }
      const piece = node.splitText(from - starts[i]!);
      piece.splitText(to - from);
      // A mention inside a link is marked, not linked (a link cannot hold another).
      const inLink = Boolean(node.parentElement?.closest('a'));
      const wrapper = doc.createElement(inLink ? 'mark' : 'a');
      wrapper.className = 'mention';
      wrapper.dataset.card = mention.cardId;
      wrapper.title = `${mention.name}: open its card`;
      if (!inLink) wrapper.setAttribute('href', `#card-${encodeURIComponent(mention.cardId)}`);
      piece.replaceWith(wrapper);
      wrapper.append(piece);
    }
  }
  return found.length;
}
