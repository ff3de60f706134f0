import type { EngineMatch } from '../engine';

/** One W3C Web Annotation of a mention. */
export interface Annotation {
  type: 'Annotation';
  motivation: 'identifying' | 'tagging';
  body: { type: 'TextualBody'; purpose: 'identifying' | 'tagging'; value: string };
  target: {
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

/** A W3C Web Annotation `AnnotationPage`. */
export interface AnnotationPage {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'AnnotationPage';
  items: Annotation[];
}

const CONTEXT = 32;

/** The mentions of a text as an AnnotationPage: entities identifying, topics tagging, body = the card's name. */
export function toAnnotationPage(
  text: string,
  matches: readonly EngineMatch[],
  cards: ReadonlyMap<string, { name: string; topic: boolean }>,
): AnnotationPage {
  const items = matches.map((m): Annotation => {
    const card = cards.get(m.id);
    const motivation = card?.topic ? 'tagging' : 'identifying';
    return {
      type: 'Annotation',
      motivation,
      body: { type: 'TextualBody', purpose: motivation, value: card?.name ?? m.id },
      target: {
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: text.slice(m.start, m.end),
            prefix: text.slice(Math.max(0, m.start - CONTEXT), m.start),
            suffix: text.slice(m.end, m.end + CONTEXT),
          },
          { type: 'TextPositionSelector', start: m.start, end: m.end },
        ],
      },
    };
  });
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items };
}
