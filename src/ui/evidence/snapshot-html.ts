import { toBase64 } from '../../evidence/bytes';
import { type MhtmlPart, parseMhtml, partText } from '../../evidence/mhtml';

/*
 * A capture's snapshot made safe to show: one HTML text that loads nothing from the web. Every reference to a
 * resource the snapshot holds (an MHTML part, found by its Content-Location or cid:) becomes a data: URL; every
 * other reference is removed; scripts, handlers, frames' addresses and links' targets go. The viewer then shows it
 * in a sandboxed frame (no scripts) under a CSP that allows data: only, so what slips through still loads nothing.
 */

/** The policy the snapshot's document carries: nothing from any network, inline styles and data: resources only. */
export const SNAPSHOT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:; frame-src 'none'";

/** The snapshot as the viewer shows it, with how many references it resolved and removed. */
export interface RenderedSnapshot {
  html: string;
  inlined: number;
  removed: number;
}

const URL_ATTRIBUTES: ReadonlyArray<[string, string]> = [
  ['img', 'src'],
  ['input', 'src'],
  ['source', 'src'],
  ['video', 'poster'],
  ['video', 'src'],
  ['audio', 'src'],
  ['track', 'src'],
  ['image', 'href'],
  ['image', 'xlink:href'],
  ['use', 'href'],
  ['use', 'xlink:href'],
  ['body', 'background'],
  ['table', 'background'],
  ['td', 'background'],
];

const REMOVED =
  'script, base, object, embed, applet, portal, meta[http-equiv="refresh" i], meta[http-equiv="content-security-policy" i]';

/** Renders a stored snapshot (`mhtml` from pageCapture, or the serialised DOM) as safe HTML. */
export function renderSnapshot(kind: 'mhtml' | 'dom', bytes: Uint8Array, parser = new DOMParser()): RenderedSnapshot {
  const counts = { inlined: 0, removed: 0 };
  if (kind === 'dom') {
    const html = new TextDecoder('utf-8').decode(bytes);
    return { html: rewriteHtml(html, 'about:blank', new Resources([]), parser, counts, 0), ...counts };
  }
  const mhtml = parseMhtml(bytes);
  const main = mhtml.parts.find((part) => part.type === 'text/html');
  if (!main) throw new Error('The MHTML snapshot has no HTML document');
  const resources = new Resources(mhtml.parts);
  const base = main.location ?? mhtml.location ?? 'about:blank';
  return { html: rewriteHtml(partText(main), base, resources, parser, counts, 0), ...counts };
}

/** The parts of an MHTML file by address. */
class Resources {
  private readonly byAddress = new Map<string, MhtmlPart>();
  constructor(parts: readonly MhtmlPart[]) {
    for (const part of parts) {
      if (part.location && !this.byAddress.has(part.location)) this.byAddress.set(part.location, part);
      if (part.contentId) this.byAddress.set(`cid:${part.contentId}`, part);
    }
  }
  find(reference: string, base: string): { part: MhtmlPart; address: string } | null {
    const trimmed = reference.trim();
    if (trimmed === '' || trimmed.startsWith('data:') || trimmed.startsWith('#')) return null;
    let address = trimmed;
    try {
      address = new URL(trimmed, base).href;
    } catch {
      // Not resolvable: looked up as written.
    }
    const part = this.byAddress.get(address) ?? this.byAddress.get(trimmed);
    return part ? { part, address } : null;
  }
}

type Counts = { inlined: number; removed: number };

const isData = (value: string) => /^\s*data:/i.test(value);

function dataUrl(part: MhtmlPart, body: Uint8Array = part.body): string {
  return `data:${part.type || 'application/octet-stream'};base64,${toBase64(body)}`;
}

function rewriteHtml(
  html: string,
  base: string,
  resources: Resources,
  parser: DOMParser,
  counts: Counts,
  depth: number,
): string {
  const doc = parser.parseFromString(html, 'text/html');
  const resolve = (value: string): string | null => {
    if (isData(value)) return value;
    const found = resources.find(value, base);
    if (!found) {
      counts.removed++;
      return null;
    }
    counts.inlined++;
    if (found.part.type === 'text/css') {
      const css = rewriteCss(partText(found.part), found.address, resources, counts, depth + 1);
      return `data:text/css;base64,${toBase64(new TextEncoder().encode(css))}`;
    }
    return dataUrl(found.part);
  };
  for (const node of doc.querySelectorAll(REMOVED)) node.remove();
  for (const link of doc.querySelectorAll('link')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase();
    const href = link.getAttribute('href') ?? '';
    const found = /\bstylesheet\b/.test(rel) ? resources.find(href, base) : null;
    if (found) {
      counts.inlined++;
      const style = doc.createElement('style');
      style.textContent = rewriteCss(partText(found.part), found.address, resources, counts, depth + 1);
      const media = link.getAttribute('media');
      if (media) style.setAttribute('media', media);
      link.replaceWith(style);
    } else {
      if (href && !isData(href)) counts.removed++;
      link.remove();
    }
  }
  for (const style of doc.querySelectorAll('style')) {
    style.textContent = rewriteCss(style.textContent ?? '', base, resources, counts, depth);
  }
  for (const [tag, attribute] of URL_ATTRIBUTES) {
    for (const element of doc.getElementsByTagName(tag)) {
      const value = element.getAttribute(attribute);
      if (value === null) continue;
      const inlined = resolve(value);
      if (inlined) element.setAttribute(attribute, inlined);
      else element.removeAttribute(attribute);
    }
  }
  for (const element of doc.querySelectorAll('[srcset]')) {
    // The candidate the page showed is the one the snapshot holds; the first one found stands in for the set.
    const candidates = (element.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0] ?? '');
    const held = candidates.find((candidate) => resources.find(candidate, base));
    element.removeAttribute('srcset');
    if (held && element.tagName.toLowerCase() === 'img' && !element.getAttribute('src')) {
      element.setAttribute('src', resolve(held) ?? '');
    }
  }
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    const src = frame.getAttribute('src') ?? '';
    const found = depth < 4 ? resources.find(src, base) : null;
    if (!found && src.trim() && src.trim() !== 'about:blank') counts.removed++;
    frame.removeAttribute('src');
    frame.setAttribute('sandbox', '');
    if (found && found.part.type === 'text/html') {
      counts.inlined++;
      frame.setAttribute(
        'srcdoc',
        rewriteHtml(partText(found.part), found.part.location ?? found.address, resources, parser, counts, depth + 1),
      );
    }
  }
  for (const element of doc.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || /^\s*javascript:/i.test(attribute.value)) element.removeAttribute(attribute.name);
      else if (name === 'style')
        element.setAttribute('style', rewriteCss(attribute.value, base, resources, counts, depth));
    }
  }
  // A link would navigate the frame to the web: its address is kept to read, not to follow.
  for (const link of doc.querySelectorAll('a[href], area[href]')) {
    link.setAttribute('data-href', link.getAttribute('href') ?? '');
    if (!link.getAttribute('title')) link.setAttribute('title', link.getAttribute('href') ?? '');
    link.removeAttribute('href');
  }
  for (const form of doc.querySelectorAll('form')) form.removeAttribute('action');
  const policy = doc.createElement('meta');
  policy.setAttribute('http-equiv', 'Content-Security-Policy');
  policy.setAttribute('content', SNAPSHOT_CSP);
  doc.head.prepend(policy);
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}

function rewriteCss(css: string, base: string, resources: Resources, counts: Counts, depth: number): string {
  const swap = (reference: string): string => {
    if (isData(reference)) return reference;
    const found = depth < 8 ? resources.find(reference, base) : null;
    if (!found) {
      counts.removed++;
      return 'data:,';
    }
    counts.inlined++;
    if (found.part.type === 'text/css') {
      const nested = rewriteCss(partText(found.part), found.address, resources, counts, depth + 1);
      return `data:text/css;base64,${toBase64(new TextEncoder().encode(nested))}`;
    }
    return dataUrl(found.part);
  };
  return css
    .replace(/@import\s+(['"])([^'"]+)\1/gi, (_all, _quote, target: string) => `@import url("${swap(target)}")`)
    .replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (_all, _quote, target: string) => `url("${swap(target)}")`);
}
