import * as v from 'valibot';

/*
 * The user's own highlights and notes, as W3C Web Annotations (https://www.w3.org/TR/annotation-model/):
 * each targets a page (its canonical URL) with a TextQuoteSelector (the quote and its context, which
 * re-anchors after the page changes) and a TextPositionSelector (where it was, a hint to start from).
 */

/** The W3C JSON-LD context of an annotation. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The quoted text and a little of the text around it. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets in the page's visible text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A note on the annotated text (plain text, never HTML). */
/** The page of a PDF, as the W3C model writes PDF fragments (RFC 3778). */
export interface PageSelector {
  type: 'FragmentSelector';
  conformsTo: 'http://tools.ietf.org/rfc/rfc3778';
  value: string;
}

/** The target source of annotations on a PDF: pdf.js's fingerprint of the file, whatever its address. */
export const pdfSource = (fingerprint: string) => `urn:x-pdf:${fingerprint}`;

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose: 'commenting';
}

/** Who wrote an annotation shared in a team (W3C's `creator`, an Agent). */
export interface Creator {
  type: 'Person';
  /** Their user name on the team's server. */
  name: string;
  /** The team it was shared in (not W3C's; Dossier's own). */
  team?: string;
}

/** One highlight (no body) or note (a body) on a page. */
export interface Annotation {
  /** `urn:uuid:…` */
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  /** ISO times. */
  created: string;
  modified: string;
  body: TextualBody[];
  /** A teammate's annotation names its author (the user's own carry none): shown, never edited here. */
  creator?: Creator;
  target: {
    /** The page's canonical URL, or a PDF's `urn:x-pdf:<fingerprint>` (the same file from any address). */
    source: string;
    /** On a PDF, a third selector names the page (RFC 3778's `page=N`). */
    selector: [TextQuoteSelector, TextPositionSelector] | [TextQuoteSelector, TextPositionSelector, PageSelector];
  };
}

/** Longest note, in characters. */
export const MAX_NOTE = 10_000;
/** Longest quote an annotation keeps, in characters. */
export const MAX_QUOTE = 5_000;
/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32;

/** An annotation as it arrives from a content script or an imported file, checked whole. */
const TEXT_QUOTE = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE)),
  prefix: v.pipe(v.string(), v.maxLength(CONTEXT_CHARS)),
  suffix: v.pipe(v.string(), v.maxLength(CONTEXT_CHARS)),
});
const TEXT_POSITION = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const PAGE = v.strictObject({
  type: v.literal('FragmentSelector'),
  conformsTo: v.literal('http://tools.ietf.org/rfc/rfc3778'),
  value: v.pipe(v.string(), v.regex(/^page=[1-9]\d{0,6}$/)),
});

export const AnnotationSchema = v.strictObject({
  '@context': v.optional(v.literal(ANNOTATION_CONTEXT)),
  id: v.pipe(
    v.string(),
    v.regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an id must be a urn:uuid'),
  ),
  type: v.literal('Annotation'),
  motivation: v.picklist(['highlighting', 'commenting']),
  created: v.pipe(v.string(), v.isoTimestamp()),
  modified: v.pipe(v.string(), v.isoTimestamp()),
  body: v.pipe(
    v.array(
      v.strictObject({
        type: v.literal('TextualBody'),
        value: v.pipe(v.string(), v.maxLength(MAX_NOTE, `a note is at most ${MAX_NOTE} characters`)),
        format: v.literal('text/plain'),
        purpose: v.literal('commenting'),
      }),
    ),
    v.maxLength(1),
  ),
  creator: v.optional(
    v.strictObject({
      type: v.literal('Person'),
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
      team: v.optional(v.pipe(v.string(), v.maxLength(64))),
    }),
  ),
  target: v.strictObject({
    source: v.pipe(
      v.string(),
      v.maxLength(8192),
      v.url(),
      v.regex(
        /^((https?|file):\/\/|urn:x-pdf:[0-9a-f]{32}$)/i,
        'must be the address of a web page (http, https or file) or a PDF’s urn:x-pdf',
      ),
    ),
    // Strict tuples: a plain tuple matches the first two selectors of three and drops the page.
    selector: v.union([v.strictTuple([TEXT_QUOTE, TEXT_POSITION]), v.strictTuple([TEXT_QUOTE, TEXT_POSITION, PAGE])]),
  }),
});

/** Where an annotation stands on the page the user is reading. */
export interface AnchoredAnnotation {
  annotation: Annotation;
  /** False when its text could not be found on the page: an orphan, listed, never dropped. */
  anchored: boolean;
  /** On a PDF, the 1-based page it is on. */
  page?: number;
}

/** An annotation with its note set (trimmed; an empty note leaves a plain highlight), changed `now`. */
export function withNote(annotation: Annotation, note: string, now = new Date().toISOString()): Annotation {
  const value = note.trim();
  const body: TextualBody[] = value
    ? [{ type: 'TextualBody', value, format: 'text/plain', purpose: 'commenting' }]
    : [];
  return { ...annotation, body, motivation: value ? 'commenting' : 'highlighting', modified: now };
}

/** The note of an annotation ('' for a plain highlight). */
export function noteOf(annotation: Annotation): string {
  return annotation.body.map((body) => body.value).join('\n\n');
}

/** The quote of an annotation. */
export function quoteOf(annotation: Annotation): string {
  return annotation.target.selector[0].exact;
}
