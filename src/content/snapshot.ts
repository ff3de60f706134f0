import { err, ok, type Result } from '../model/result';

/*
 * Injected into the top frame when the user captures a page as evidence in a browser without pageCapture
 * (Firefox), or where it fails: the DOM as rendered now, serialised, with its images and style sheets inlined
 * as data: URLs (fetched from the browser's cache where it can) and every script and event handler removed. The
 * page is not changed: the work is done on a clone. What cannot be inlined is named in `gaps`.
 */

/** The serialised page and what it could not hold. */
export interface DomSnapshot {
  html: string;
  gaps: string[];
}

const MAX_RESOURCE = 8 * 1024 * 1024;

async function dataUrl(url: string, gaps: string[]): Promise<string | null> {
  if (url.startsWith('data:')) return url;
  try {
    const response = await fetch(url, { cache: 'force-cache', credentials: 'include' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const blob = await response.blob();
    if (blob.size > MAX_RESOURCE) throw new Error('larger than 8 MB');
    return await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  } catch (error) {
    gaps.push(`${url}: ${(error as Error).message}`);
    return null;
  }
}

async function inlineCss(css: string, base: string, gaps: string[]): Promise<string> {
  const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)];
  let out = css;
  for (const match of urls) {
    const target = match[2] ?? '';
    if (target.startsWith('data:') || target.startsWith('#')) continue;
    const inlined = await dataUrl(new URL(target, base).href, gaps);
    out = out.replace(match[0], inlined ? `url("${inlined}")` : 'url("")');
  }
  return out;
}

async function snapshot(): Promise<Result<DomSnapshot>> {
  try {
    const gaps: string[] = [];
    const live = document.documentElement;
    const clone = live.cloneNode(true) as HTMLElement;
    // What the user typed and chose is part of what the page showed.
    const liveFields = live.querySelectorAll('input, textarea, select');
    clone.querySelectorAll('input, textarea, select').forEach((field, index) => {
      const source = liveFields[index] as HTMLInputElement | undefined;
      if (!source) return;
      if (field instanceof HTMLTextAreaElement) field.textContent = source.value;
      else if (field instanceof HTMLInputElement) {
        field.setAttribute('value', source.value);
        if (source.checked) field.setAttribute('checked', '');
      }
    });
    const liveImages = live.querySelectorAll('img');
    const images = clone.querySelectorAll('img');
    for (let index = 0; index < images.length; index++) {
      const image = images[index] as HTMLImageElement;
      const source = (liveImages[index] as HTMLImageElement | undefined)?.currentSrc || image.src;
      image.removeAttribute('srcset');
      image.removeAttribute('loading');
      const inlined = source ? await dataUrl(source, gaps) : null;
      if (inlined) image.setAttribute('src', inlined);
      else image.removeAttribute('src');
    }
    for (const node of clone.querySelectorAll('picture source')) node.remove();
    for (const link of clone.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')) {
      const style = document.createElement('style');
      try {
        const response = await fetch(link.href, { cache: 'force-cache', credentials: 'include' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        style.textContent = await inlineCss(await response.text(), link.href, gaps);
        if (link.media) style.media = link.media;
        link.replaceWith(style);
      } catch (error) {
        gaps.push(`${link.href}: ${(error as Error).message}`);
        link.remove();
      }
    }
    for (const style of clone.querySelectorAll('style')) {
      style.textContent = await inlineCss(style.textContent ?? '', location.href, gaps);
    }
    // Scripts never run in the snapshot, so none is kept; nor are handlers, frames or anything else that loads.
    for (const node of clone.querySelectorAll(
      'script, noscript, iframe, frame, object, embed, link, base, meta[http-equiv]',
    )) {
      node.remove();
    }
    for (const element of clone.querySelectorAll('*')) {
      for (const attribute of [...element.attributes]) {
        if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value))
          element.removeAttribute(attribute.name);
      }
    }
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
    return ok({
      html: `${doctype}\n<!-- Dossier snapshot of ${location.href.replace(/--/g, '%2D%2D')} -->\n${clone.outerHTML}`,
      gaps,
    });
  } catch (error) {
    return err(`Dossier could not serialise this page: ${(error as Error).message}`);
  }
}

export default snapshot();
