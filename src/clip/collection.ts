import { ANNOTATION_CONTEXT, type Annotation } from '../model/annotation';
import type { Brief } from '../model/brief';
import type { Clip, ClipMention, PdfFacts } from '../model/clip';

/*
 * All clips as one JSON-LD file: a W3C AnnotationCollection
 * (https://www.w3.org/TR/annotation-model/#annotation-collection) whose items are the clips' mentions and the
 * user's own highlights and notes, and whose `dossier:clips` array holds each clip's metadata and text.
 */

/** Where the mentions of a card point: the card, named by its id in Dossier's library. */
export const CARD_IRI = 'urn:x-dossier:card:';
/** The IRI of a clip, which its mentions' ids extend. */
export const CLIP_IRI = 'urn:x-dossier:clip:';

/** A clip's mention as a W3C Web Annotation: the text identifies the card named in its body. */
export interface MentionAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'identifying';
  created: string;
  body: { id: string; type: 'TextualBody'; purpose: 'identifying'; format: 'text/plain'; value: string };
  target: {
    /** The clipped page's canonical URL; the selectors are on the clip's article text (`dossier:clips[].text`). */
    source: string;
    selector:
      | [TextQuote, TextPosition]
      // A PDF's mention also names its page, as RFC 3778 (the PDF fragment identifiers) writes it: `page=N`.
      | [TextQuote, TextPosition, PageSelector];
  };
}

type TextQuote = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
type TextPosition = { type: 'TextPositionSelector'; start: number; end: number };
/** The page of a PDF (W3C FragmentSelector conforming to RFC 3778). */
export type PageSelector = { type: 'FragmentSelector'; conformsTo: typeof PDF_FRAGMENT; value: string };
/** The PDF fragment identifiers' specification, as the W3C Web Annotation model names it. */
export const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';

/** A clip's metadata and text as the JSON export holds it. */
export interface ClipRecord {
  id: string;
  type: 'dossier:Clip';
  /** The canonical URL (the mentions' target source). */
  source: string;
  /** The URL the page was clipped from. */
  url: string;
  title: string;
  byline: string | null;
  site: string | null;
  published: string | null;
  /** First clipped and last clipped again (ISO times). */
  clipped: string;
  updated: string;
  tags: string[];
  note: string;
  excerpt: string | null;
  lang: string | null;
  text: string;
  /** The article's sanitised HTML. */
  html: string;
  /** How many of the collection's items are this clip's mentions. */
  mentions: number;
  /** The page's brief, when it was clipped with it. */
  brief?: Brief;
  /** For a PDF: its fingerprint, pages, SHA-256 and size. */
  pdf?: PdfFacts;
}

/** All clips as one JSON-LD document. */
export interface ClipsCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  generated: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Array<MentionAnnotation | Annotation> };
  'dossier:clips': ClipRecord[];
}

/** One mention of a clip as an annotation. */
export function mentionAnnotation(clip: Clip, mention: ClipMention, index: number): MentionAnnotation {
  return {
    id: `${CLIP_IRI}${clip.clipId}:mention:${index}`,
    type: 'Annotation',
    motivation: 'identifying',
    created: clip.updated,
    body: {
      id: `${CARD_IRI}${encodeURIComponent(mention.cardId)}`,
      type: 'TextualBody',
      purpose: 'identifying',
      format: 'text/plain',
      value: mention.name,
    },
    target: {
      source: clip.canonicalUrl,
      selector: withPage(
        [
          { type: 'TextQuoteSelector', exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix },
          { type: 'TextPositionSelector', start: mention.start, end: mention.end },
        ],
        mention.page,
      ),
    },
  };
}

/** The selectors of a mention, with its page's when it is on a PDF's page. */
function withPage(
  selectors: [TextQuote, TextPosition],
  page: number | undefined,
): MentionAnnotation['target']['selector'] {
  if (page === undefined) return selectors;
  return [...selectors, { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: `page=${page}` }];
}

/** Every clip, its mentions and the user's own annotations as one AnnotationCollection. */
export function clipsCollection(
  clips: readonly Clip[],
  annotations: readonly Annotation[],
  generated = new Date().toISOString(),
): ClipsCollection {
  const items: Array<MentionAnnotation | Annotation> = [
    ...clips.flatMap((clip) => clip.mentions.map((m, i) => mentionAnnotation(clip, m, i))),
    ...annotations,
  ];
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Dossier clips',
    generated,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
    'dossier:clips': clips.map((clip) => ({
      id: `${CLIP_IRI}${clip.clipId}`,
      type: 'dossier:Clip',
      source: clip.canonicalUrl,
      url: clip.url,
      title: clip.title,
      byline: clip.byline,
      site: clip.siteName,
      published: clip.published,
      clipped: clip.clipped,
      updated: clip.updated,
      tags: clip.tags,
      note: clip.note,
      excerpt: clip.excerpt,
      lang: clip.lang,
      text: clip.text,
      html: clip.html,
      mentions: clip.mentions.length,
      ...(clip.brief ? { brief: clip.brief } : {}),
      ...(clip.pdf ? { pdf: clip.pdf } : {}),
    })),
  };
}
