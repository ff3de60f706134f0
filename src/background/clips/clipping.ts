import { clipMentions } from '../../clip/mentions';
import { sendToTab } from '../../messaging/client';
import { takeOver } from '../../messaging/file-handover';
import type { Brief } from '../../model/brief';
import { type Article, type Clip, clipIdOf, MAX_KEPT_PDF_BYTES, type PdfFacts } from '../../model/clip';
import type { Result } from '../../model/result';
import { pageAt } from '../../pdf/page-text';
import { ClipStore } from '../../store/clips';
import { currentCase } from '../cases/cases';
import { appendCustody } from '../cases/custody';
import type { Library } from '../library';
import { briefOf } from './page-brief';

/*
 * Clipping a tab's page: the clipper script is injected into its top frame only now (Readability and
 * DOMPurify stay out of every page until a user clips one), reads the article from a clone of the page and
 * sanitises it there; the background finds the mentions in the article's text and stores the clip.
 */

const clips = new ClipStore();

/** The clips of the store. */
export function clipStore(): ClipStore {
  return clips;
}

/** The article of a tab's page, read by the clipper script in its top frame (or by the PDF reader it shows). */
async function readArticle(tabId: number): Promise<Article & { pdf?: PdfFacts }> {
  const reader = await readerArticle(tabId);
  if (reader) return reader;
  let injected: chrome.scripting.InjectionResult<unknown>[];
  try {
    injected = await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['clipper.js'] });
  } catch {
    throw new Error('Dossier cannot read this page (browser pages, the Web Store and PDFs cannot be clipped).');
  }
  const answer = injected[0]?.result as Result<Article> | undefined;
  if (!answer) throw new Error('The page did not answer; reload it and clip again.');
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/** A PDF's article from the reader page a tab shows, or null when the tab shows something else. */
async function readerArticle(tabId: number): Promise<(Article & { pdf: PdfFacts }) | null> {
  const tab = await chrome.tabs.get(tabId).catch(() => null);
  if (!tab?.url?.startsWith(chrome.runtime.getURL('pdf.html'))) return null;
  const answer = await sendToTab(tabId, 'pdf.article', {});
  if (!answer.ok) throw new Error(answer.error);
  return { ...answer.value.article, pdf: answer.value.pdf };
}

/** The SHA-256 of a file, in hex. */
async function sha256Of(file: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The PDF file the reader a tab shows has read, checked to be the one its clip describes. */
async function readerFile(tabId: number, pdf: PdfFacts): Promise<Blob> {
  const answer = await sendToTab(tabId, 'pdf.file', {});
  if (!answer.ok) throw new Error(answer.error);
  const file = await takeOver(answer.value.key);
  if (!file) throw new Error('The reader did not hand over its file: clip it again.');
  if (file.size !== pdf.bytes || (await sha256Of(file)) !== pdf.sha256) {
    throw new Error('The file the reader handed over is not the one it read: clip it again.');
  }
  return file;
}

/**
 * A page with no article to read (a home page, a list): its top frame's visible text, blocks on their own lines,
 * as the article of its brief.
 */
async function readPageText(tabId: number): Promise<Article> {
  const injected = await chrome.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (blocks on their own lines, nothing hidden) is what is wanted.
    func: () => ({ url: location.href, title: document.title, text: document.body?.innerText ?? '' }),
  });
  const page = injected[0]?.result as { url: string; title: string; text: string } | undefined;
  if (!page?.text.trim()) throw new Error('The page has no text.');
  const url = page.url.split('#')[0] ?? page.url;
  return {
    url: page.url,
    canonicalUrl: url,
    title: page.title.trim() || url,
    byline: null,
    siteName: null,
    published: null,
    excerpt: null,
    lang: null,
    html: '',
    text: page.text,
  };
}

/**
 * The brief of a tab's page: its article, as a clip reads it (or, on a page with no article, its visible text),
 * and the mentions in its text.
 */
export async function briefTab(library: Library, tabId: number): Promise<Brief> {
  let article: Article;
  try {
    article = await readArticle(tabId);
  } catch (error) {
    article = await readPageText(tabId).catch(() => Promise.reject(error));
  }
  const { mentions } = await library.match(article.text);
  return briefOf(library, article, mentions, await clips.list());
}

/**
 * Clips the page of a tab, with its brief when asked; a PDF with its file when asked and the file is at most
 * MAX_KEPT_PDF_BYTES (a larger one is clipped without it, and the clip says so). While a case is current the clip
 * is filed into it (taken out of the case it was in), and the case's log says so.
 */
export async function clipTab(library: Library, tabId: number, withBrief = false, keepFile = false): Promise<Clip> {
  const { pdf, ...article } = await readArticle(tabId);
  const file = keepFile && pdf && pdf.bytes <= MAX_KEPT_PDF_BYTES ? await readerFile(tabId, pdf) : null;
  const { mentions, cards } = await library.match(article.text);
  const names = new Map(cards.map((c) => [c.id, c.name]));
  const brief = withBrief ? await briefOf(library, article, mentions, await clips.list()) : null;
  const found = clipMentions(article.text, mentions, names);
  // A PDF's mentions carry their page.
  const paged = pdf ? found.map((m) => ({ ...m, page: pageAt({ starts: pdf.pageStarts }, m.start) })) : found;
  const current = await currentCase();
  const before = await clips.get(clipIdOf(article.canonicalUrl));
  const clip = await clips.save(article, paged, undefined, brief, pdf ?? null, file, current?.caseId ?? null);
  if (current) {
    const facts = { title: clip.title.slice(0, 500), url: clip.url.slice(0, 1500) };
    if (before?.caseId && before.caseId !== current.caseId) {
      await appendCustody(before.caseId, 'edited', clip.clipId, {
        ...facts,
        change: 'moved out of the case',
        to: current.caseId,
      });
    }
    const again = before?.caseId === current.caseId;
    await appendCustody(current.caseId, again ? 'edited' : 'created', clip.clipId, {
      ...facts,
      change: again ? 'clipped again' : 'clipped into the case',
      mentions: String(clip.mentions.length),
    });
  }
  return clip;
}

/** What an open side panel hears after a clip made from the page's menu or the keyboard. */
export interface ClipDone {
  tabId: number;
  message: string;
}

/**
 * Clips a tab's page from the context menu or the keyboard shortcut: the toolbar badge says it worked (✓)
 * or not (!) for two seconds, with the reason in the button's title, and an open side panel shows it.
 * `then` does what follows a clip (an evidence capture for a case that wants one) and says how it went.
 */
export async function clipFromUser(
  library: Library,
  tabId: number,
  then: (clip: Clip) => Promise<string> = async () => '',
): Promise<void> {
  let message: string;
  let ok = false;
  try {
    const clip = await clipTab(library, tabId);
    message = `Clipped “${clip.title}” with ${clip.mentions.length} mentions.${await then(clip)}`;
    ok = true;
  } catch (error) {
    message = `Could not clip: ${(error as Error).message}`;
  }
  const done: ClipDone = { tabId, message };
  chrome.runtime.sendMessage({ type: 'clip.done', payload: done }).catch(() => undefined);
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: ok ? '#15803d' : '#b91c1c' });
    await chrome.action.setBadgeText({ tabId, text: ok ? '✓' : '!' });
    await chrome.action.setTitle({ tabId, title: `Dossier: ${message}` });
  } catch {
    // The tab closed meanwhile.
  }
}
