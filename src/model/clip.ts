import * as v from 'valibot';
import { type Brief, BriefSchema } from './brief';
import { CaseIdSchema } from './case';
import { PageUrlSchema } from './safe-url';

/** A page's article, as a clip keeps it (see src/clip/extract.ts). */
export interface Article {
  url: string;
  canonicalUrl: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  excerpt: string | null;
  lang: string | null;
  /** The article's HTML, sanitised. */
  html: string;
  /** The article's text. */
  text: string;
}

/** A mention in a clip's text: the card, and the W3C TextQuote and TextPosition selectors' fields. */
export interface ClipMention {
  cardId: string;
  name: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** In a PDF's clip, the 1-based page the mention is on. */
  page?: number;
}

/** What a clip of a PDF keeps of the file itself. */
export interface PdfFacts {
  /** pdf.js's fingerprint of the document (the same file from any address has the same one). */
  fingerprint: string;
  pages: number;
  /** The file's SHA-256 (hex) and size in bytes. */
  sha256: string;
  bytes: number;
  /** Where each page's text starts in the clip's text. */
  pageStarts: number[];
  /**
   * The file itself is kept in the store with the clip (the user chose it, and it was at most
   * MAX_KEPT_PDF_BYTES): the clip opens in the reader with no network. Deleting the clip deletes the file.
   */
  kept?: boolean;
}

/** Largest PDF file a clip may keep in the store (50 MB); a larger one is clipped without its file. */
export const MAX_KEPT_PDF_BYTES = 50 * 1024 * 1024;

/** A clip: the article, the mentions in its text, and what the user added. */
export interface Clip extends Article {
  clipId: string;
  /** When it was first clipped, and last clipped again (ISO times). */
  clipped: string;
  updated: string;
  tags: string[];
  note: string;
  mentions: ClipMention[];
  /** The page's brief, when the user clipped it with its brief (clips made before briefs existed have none). */
  brief?: Brief;
  /** For a PDF: its fingerprint, pages, hash and size. */
  pdf?: PdfFacts;
  /** The case it is filed in, if any (src/model/case.ts). */
  caseId?: string;
}

/** Most tags a clip keeps. */
export const MAX_CLIP_TAGS = 32;
/** Longest tag, in characters. */
export const MAX_CLIP_TAG = 64;
/** Longest note on a clip, in characters. */
export const MAX_CLIP_NOTE = 10_000;

/** Tags as typed (a list, or comma-separated): trimmed, each once whatever its case, within the limits above. */
export function normaliseTags(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? input.split(',') : input.flatMap((tag) => tag.split(','));
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of parts) {
    const tag = part.replace(/\s+/g, ' ').trim().slice(0, MAX_CLIP_TAG).trim();
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
    if (tags.length === MAX_CLIP_TAGS) break;
  }
  return tags;
}

/** A stable id for a canonical URL (FNV-1a, 64 bits as two 32-bit halves). */
export function clipIdOf(canonicalUrl: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < canonicalUrl.length; i++) {
    const c = canonicalUrl.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** Longest article text or HTML a clip keeps, in characters. */
export const MAX_CLIP_CHARS = 5_000_000;
/** Most mentions a clip keeps. */
export const MAX_CLIP_MENTIONS = 100_000;

const text = (max: number) =>
  v.pipe(v.string(), v.maxLength(max, `must be at most ${max.toLocaleString('en')} characters`));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A mention in a clip's text, checked whole. */
export const ClipMentionSchema = v.strictObject({
  cardId: text(128),
  name: text(200),
  exact: text(5000),
  prefix: text(200),
  suffix: text(200),
  start: offset,
  end: offset,
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

/** A PDF clip's facts about its file, checked whole. */
export const PdfFactsSchema = v.strictObject({
  fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'must be 32 hexadecimal digits')),
  pages: v.pipe(v.number(), v.integer(), v.minValue(1)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 hexadecimal digits')),
  bytes: offset,
  pageStarts: v.pipe(v.array(offset), v.maxLength(1_000_000)),
  kept: v.optional(v.boolean()),
});

/** A clip's fields (the article, its mentions, what the user added), checked whole: a restored backup. */
export const ClipSchema = v.pipe(
  v.strictObject({
    url: PageUrlSchema,
    canonicalUrl: PageUrlSchema,
    title: text(10_000),
    byline: v.nullable(text(10_000)),
    siteName: v.nullable(text(10_000)),
    published: v.nullable(text(200)),
    excerpt: v.nullable(text(20_000)),
    lang: v.nullable(text(64)),
    html: text(MAX_CLIP_CHARS),
    text: text(MAX_CLIP_CHARS),
    clipId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be 16 hexadecimal digits')),
    clipped: v.pipe(v.string(), v.isoTimestamp('must be an ISO time')),
    updated: v.pipe(v.string(), v.isoTimestamp('must be an ISO time')),
    tags: v.pipe(v.array(text(MAX_CLIP_TAG)), v.maxLength(MAX_CLIP_TAGS, `must hold at most ${MAX_CLIP_TAGS} tags`)),
    note: text(MAX_CLIP_NOTE),
    mentions: v.pipe(v.array(ClipMentionSchema), v.maxLength(MAX_CLIP_MENTIONS)),
    brief: v.optional(BriefSchema),
    caseId: v.optional(CaseIdSchema),
    pdf: v.optional(PdfFactsSchema),
  }),
  v.check((clip) => clip.clipId === clipIdOf(clip.canonicalUrl), "clipId: must be the id of the clip's canonicalUrl"),
);
