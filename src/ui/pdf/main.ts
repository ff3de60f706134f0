import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfArticle } from '../../clip/pdf';
import { sendToBackground } from '../../messaging/client';
import { handOver, takeOver } from '../../messaging/file-handover';
import { documentText, PAGE_BREAK, type PageText } from '../../pdf/page-text';
import {
  describePdfError,
  LONG_PDF_PAGES,
  looksLikePdf,
  MAX_PDF_BYTES,
  NO_TEXT,
  pdfDate,
  readPage,
} from '../../pdf/read';
import { watchFind } from './find';
import { OwnHighlights } from './highlights';
import { listen } from './listen';
import { PdfMentions } from './mentions';
import { showOutline } from './outline';
import { Viewer } from './viewer';

// The worker is bundled with the extension (no network): pdf.js parses the file in it.
GlobalWorkerOptions.workerSrc = workerUrl;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const say = (text: string, error = false) => {
  status.textContent = text;
  status.classList.toggle('error', error);
  status.hidden = text === '';
};

/** The PDF's bytes from an address: http(s) through fetch, with the 100 MB cap checked as it arrives. */
async function fetchPdf(url: string): Promise<Uint8Array> {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol))
    throw new Error(`Dossier opens PDFs from http, https and file addresses, not ${parsed.protocol}`);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include' });
  } catch {
    throw new Error(
      parsed.protocol === 'file:'
        ? 'Dossier may not read local files: allow “Access to file URLs” on its extension page, or drop the file here.'
        : 'The PDF could not be loaded from its address.',
    );
  }
  if (!response.ok) throw new Error(`The PDF could not be loaded from its address (HTTP ${response.status}).`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_PDF_BYTES) throw new Error(tooLarge(declared));
  // Read as it arrives, so that a file sent without its length stops at the cap instead of filling memory.
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_PDF_BYTES) {
      await reader.cancel();
      throw new Error(tooLarge(size));
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const tooLarge = (bytes: number) =>
  `This PDF is ${Math.round(bytes / 1048576)} MB: Dossier opens PDFs of at most ${MAX_PDF_BYTES / 1048576} MB.`;

/** Opens a PDF from its bytes, asking for a password as long as one is needed (or the user gives up). */
async function openDocument(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  if (!looksLikePdf(bytes)) throw new Error('This file is damaged or is not a PDF: Dossier cannot open it.');
  let password: string | undefined;
  for (;;) {
    const task = getDocument({ data: bytes.slice(), password, isEvalSupported: false });
    try {
      return await task.promise;
    } catch (error) {
      await task.destroy();
      const problem = describePdfError(error);
      if (!problem.needsPassword) throw new Error(problem.message);
      say('');
      password = await askPassword(problem.wrongPassword ? problem.message : '');
    }
  }
}

function askPassword(error: string): Promise<string> {
  const form = $<HTMLFormElement>('password');
  const input = $<HTMLInputElement>('password-input');
  $('password-error').textContent = error;
  form.hidden = false;
  input.value = '';
  input.focus();
  return new Promise((resolve) => {
    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        form.hidden = true;
        resolve(input.value);
      },
      { once: true },
    );
  });
}

let opened = false;

/** Shows a document: its pages, its outline, and its mentions matched page by page as its text is read. */
async function show(bytes: Uint8Array, url: string, name: string, hasSite: boolean): Promise<void> {
  opened = true;
  // One document per reader tab: another PDF opens in another tab (its menu, or a new reader's Open a PDF…).
  document.querySelector<HTMLElement>('.open')!.hidden = true;
  say('Opening…');
  const doc = await openDocument(bytes);
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  const title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : name;
  document.title = `${title} — Dossier`;
  $('title').textContent = title;
  say('');
  const texts: PageText[] = [];
  const markStatus = $('mark-status');
  const own = new OwnHighlights(
    doc.fingerprints[0] ?? '',
    texts,
    (n) => viewer.draw(n),
    (count) => {
      markStatus.textContent = count ? `${count} highlight${count === 1 ? '' : 's'}` : '';
    },
  );
  const mark = () =>
    void own.highlightSelection(document.getSelection()).then((problem) => {
      if (problem) markStatus.textContent = problem;
    });
  $('mark').addEventListener('mousedown', (event) => event.preventDefault());
  $('mark').addEventListener('click', mark);
  document.addEventListener('keydown', (event) => {
    if (event.altKey && event.shiftKey && event.code === 'KeyH') {
      event.preventDefault();
      mark();
    }
  });
  const pageInput = $<HTMLInputElement>('page');
  pageInput.max = String(doc.numPages);
  $('count').textContent = `of ${doc.numPages}`;
  const viewer = new Viewer(
    doc,
    $('viewer'),
    $('pages'),
    (page) => {
      mentions.pageDrawn(page);
      own.pageDrawn(page);
    },
    (n) => {
      pageInput.value = String(n);
    },
  );
  const mentions = new PdfMentions(
    url,
    title,
    hasSite,
    (n) => viewer.draw(n),
    () => {
      $('mention-count').textContent = mentions.error
        ? mentions.error
        : `${mentions.mentions.length} mention${mentions.mentions.length === 1 ? '' : 's'}`;
    },
  );
  await viewer.open();
  const zoomOut = $('zoom');
  const setZoom = (scale: number) => {
    viewer.zoom(scale);
    zoomOut.textContent = `${Math.round(viewer.scale * 100)}%`;
  };
  setZoom(viewer.scale);
  $('zoom-in').addEventListener('click', () => setZoom(viewer.scale * 1.2));
  $('zoom-out').addEventListener('click', () => setZoom(viewer.scale / 1.2));
  $('prev').addEventListener('click', () => viewer.goTo(viewer.current - 1));
  $('next').addEventListener('click', () => viewer.goTo(viewer.current + 1));
  pageInput.addEventListener('change', () => viewer.goTo(Number(pageInput.value)));
  $('mention-next').addEventListener('click', () => void mentions.step('next'));
  $('mention-prev').addEventListener('click', () => void mentions.step('previous'));
  void showOutline(doc, $('outline'), $('outline-toggle'), (n) => viewer.goTo(n));

  watchFind($<HTMLInputElement>('find'), $('find-count'), texts, (n) => viewer.draw(n));
  watchPointer(mentions);
  watchKeys(viewer, mentions, setZoom);
  let complete = false;
  listen({
    mentions,
    own,
    article: async () => {
      if (!complete) throw new Error('The PDF is still being read: clip it again in a moment.');
      const joined = documentText(texts.map((t) => t.text));
      if (joined.text.trim() === '') throw new Error(NO_TEXT);
      const article = pdfArticle(
        {
          url,
          fileName: name,
          title: typeof info.Title === 'string' ? info.Title : null,
          author: metaText(info, 'Author'),
          created: pdfDate(info.CreationDate),
        },
        texts.map((t) => t.text),
        joined.text,
      );
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
      const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      const pdf = {
        fingerprint: doc.fingerprints[0] ?? '',
        pages: doc.numPages,
        sha256,
        bytes: bytes.byteLength,
        pageStarts: joined.starts,
      };
      return { article, pdf };
    },
    // The file to keep with a clip: handed over through the extension's own storage, not a message.
    file: async () => ({ key: await handOver(bytes) }),
  });

  // The text is read page by page, each page matched as soon as it is read; a page is one short task.
  const long = doc.numPages > LONG_PDF_PAGES;
  $('viewer').setAttribute('aria-busy', 'true');
  if (long) say(`This PDF has ${doc.numPages} pages: Dossier reads and matches them in the background as you read.`);
  await mentions.checkSite();
  let start = 0;
  let any = false;
  // Pages are read in order while the background matches those already read (its answers come in order).
  const matching: Promise<void>[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await readPage(doc, n);
    texts.push(page);
    any ||= page.text.trim() !== '';
    matching.push(mentions.matchPage(n, page, start));
    start += page.text.length + PAGE_BREAK.length;
    if (n === Math.min(doc.numPages, 20) && !any) say(NO_TEXT, true);
  }
  await Promise.all(matching);
  complete = true;
  await own.load(documentText(texts.map((t) => t.text)));
  $('viewer').setAttribute('aria-busy', 'false');
  if (!any) say(NO_TEXT, true);
  else if (long) say('');
}

const metaText = (info: Record<string, unknown>, key: string) => {
  const value = info[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

function watchPointer(mentions: PdfMentions): void {
  let frame = 0;
  let last: PointerEvent | null = null;
  document.addEventListener(
    'pointermove',
    (event) => {
      last = event;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!last) return;
        if (mentions.holds(last.target)) return;
        const hit = mentions.hitTest(last.clientX, last.clientY);
        if (hit) mentions.show(hit, false);
        else mentions.hide(true);
      });
    },
    { passive: true },
  );
}

function watchKeys(viewer: Viewer, mentions: PdfMentions, setZoom: (scale: number) => void): void {
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement;
    if (event.key === 'Escape') mentions.hide();
    if ((event.ctrlKey || event.metaKey) && (event.key === '+' || event.key === '=')) {
      event.preventDefault();
      setZoom(viewer.scale * 1.2);
    } else if ((event.ctrlKey || event.metaKey) && event.key === '-') {
      event.preventDefault();
      setZoom(viewer.scale / 1.2);
    } else if ((event.ctrlKey || event.metaKey) && event.key === 'f') {
      event.preventDefault();
      $<HTMLInputElement>('find').focus();
    } else if (event.altKey && event.shiftKey && (event.code === 'Period' || event.code === 'Comma')) {
      event.preventDefault();
      void mentions.step(event.code === 'Period' ? 'next' : 'previous');
    } else if (!typing && !event.ctrlKey && !event.altKey && (event.key === 'n' || event.key === 'j')) {
      viewer.goTo(viewer.current + 1);
    } else if (!typing && !event.ctrlKey && !event.altKey && (event.key === 'p' || event.key === 'k')) {
      viewer.goTo(viewer.current - 1);
    }
  });
  // Arrow keys, Page Up/Down, Space, Home and End scroll the document from the start (a scrolling region is
  // focusable so that the keyboard reaches it).
  const scroller = $('viewer');
  scroller.tabIndex = 0;
  scroller.focus();
}

function fail(error: unknown): void {
  say(error instanceof Error ? error.message : String(error), true);
}

function watchDrops(): void {
  const viewer = $('viewer');
  const open = (file: File | undefined) => {
    if (!file || opened) return;
    void file
      .arrayBuffer()
      .then((buffer) => {
        if (buffer.byteLength > MAX_PDF_BYTES) throw new Error(tooLarge(buffer.byteLength));
        return show(new Uint8Array(buffer), `file:///${encodeURIComponent(file.name)}`, file.name, false);
      })
      .catch(fail);
  };
  viewer.addEventListener('dragover', (event) => {
    event.preventDefault();
    viewer.classList.add('drop');
  });
  viewer.addEventListener('dragleave', () => viewer.classList.remove('drop'));
  viewer.addEventListener('drop', (event) => {
    event.preventDefault();
    viewer.classList.remove('drop');
    open(event.dataTransfer?.files[0]);
  });
  $<HTMLInputElement>('pick').addEventListener('change', (event) =>
    open((event.target as HTMLInputElement).files?.[0]),
  );
}

function watchTheme(): void {
  const button = $('theme');
  const key = 'dossier-pdf-dark-pages';
  const set = (dark: boolean) => {
    document.documentElement.classList.toggle('dark-pages', dark);
    button.setAttribute('aria-pressed', String(dark));
    localStorage.setItem(key, dark ? '1' : '0');
  };
  const saved = localStorage.getItem(key);
  set(saved === null ? matchMedia('(prefers-color-scheme: dark)').matches : saved === '1');
  button.addEventListener('click', () => set(!document.documentElement.classList.contains('dark-pages')));
}

// Bench builds give `npm run bench:pdf` its baseline: pdf.js alone, in this same page, reading every page's
// text of the same file (fetched the same way) and joining it, with nothing drawn or matched.
if (__BENCH__) {
  Object.assign(globalThis, {
    pdfjsAlone: async (url: string) => {
      const start = performance.now();
      const task = getDocument({ data: await fetchPdf(url), isEvalSupported: false });
      const doc = await task.promise;
      let chars = 0;
      for (let n = 1; n <= doc.numPages; n++) chars += (await readPage(doc, n)).text.length;
      const ms = performance.now() - start;
      await task.destroy();
      return { ms, chars };
    },
  });
}

watchTheme();
watchDrops();
const nameOf = (url: string) => decodeURIComponent(url.split(/[/?#]/).filter(Boolean).pop() ?? 'PDF');

/** Opens the PDF file a clip keeps, from the store: no network. */
async function openKept(clipId: string): Promise<void> {
  const answer = await sendToBackground('clip.file', { clipId });
  if (!answer.ok) throw new Error(answer.error);
  const file = await takeOver(answer.value.key);
  if (!file) throw new Error('The clip’s file could not be read from the store.');
  const kept = $('kept');
  kept.hidden = false;
  kept.title = `The copy kept with the clip of ${answer.value.url}`;
  await show(new Uint8Array(await file.arrayBuffer()), answer.value.url, nameOf(answer.value.url), false);
}

const params = new URLSearchParams(location.search);
const file = params.get('file');
const clip = params.get('clip');
if (clip) openKept(clip).catch(fail);
else if (file) {
  fetchPdf(file)
    .then((bytes) => show(bytes, file, nameOf(file), true))
    .catch(fail);
}
