import * as v from 'valibot';
import { ANNOTATION_CONTEXT, type Annotation, AnnotationSchema } from './annotation';
import { describeIssues } from './pack-io';
import { err, ok, type Result } from './result';

/*
 * Annotation files: a page's highlights and notes as a W3C AnnotationCollection (JSON-LD), which another
 * Dossier imports and anchors on the same page. Reading accepts a collection, a page of one, a single
 * annotation or a list of them; annotations that are not highlights or notes (a clip export's mentions,
 * which identify a card) are skipped, and anything else wrong refuses the whole file with a reason.
 */

/** A W3C AnnotationCollection holding annotations in one page. */
export function toAnnotationCollection(label: string, annotations: readonly Annotation[]): object {
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((annotation) => ({ '@context': ANNOTATION_CONTEXT, ...annotation })),
    },
  };
}

/** Most annotations one file may hold. */
export const MAX_IMPORTED_ANNOTATIONS = 20_000;

function itemsOf(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (typeof data !== 'object' || data === null) return null;
  const head = data as { type?: unknown; items?: unknown; first?: unknown };
  if (head.type === 'Annotation') return [data];
  if (head.type === 'AnnotationPage' && Array.isArray(head.items)) return head.items;
  if (head.type === 'AnnotationCollection') {
    const first = head.first as { items?: unknown } | undefined;
    if (first && Array.isArray(first.items)) return first.items;
    if (head.first === undefined) return [];
  }
  return null;
}

/** What an annotation file holds: its highlights and notes, and how many other annotations it skipped. */
export interface AnnotationFile {
  annotations: Annotation[];
  skipped: number;
}

/** Reads an annotation file (see above). */
export function parseAnnotations(text: string): Result<AnnotationFile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return err(`not valid JSON (is the file complete?): ${(e as Error).message}`);
  }
  const items = itemsOf(data);
  if (!items) return err('not an annotation file: expected a W3C AnnotationCollection, AnnotationPage or Annotation');
  if (items.length > MAX_IMPORTED_ANNOTATIONS) {
    return err(
      `the file holds ${items.length} annotations; at most ${MAX_IMPORTED_ANNOTATIONS} can be imported at once`,
    );
  }
  const annotations: Annotation[] = [];
  let skipped = 0;
  for (const [i, item] of items.entries()) {
    const motivation = (item as { motivation?: unknown } | null)?.motivation;
    if (typeof item === 'object' && item !== null && motivation !== 'highlighting' && motivation !== 'commenting') {
      skipped++;
      continue;
    }
    const parsed = v.safeParse(AnnotationSchema, item);
    if (!parsed.success) return err(`annotation ${i + 1}: ${describeIssues(parsed.issues)}`);
    const { '@context': _context, ...annotation } = parsed.output;
    const [quote, position] = annotation.target.selector;
    if (position.end - position.start !== quote.exact.length) {
      return err(`annotation ${i + 1}: its position does not span its quote`);
    }
    annotations.push(annotation);
  }
  return ok({ annotations, skipped });
}
