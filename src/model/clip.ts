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
}

/** A clip: the article, the mentions in its text, and what the user added. */
export interface Clip extends Article {
  clipId: string;
  /** When it was first clipped, and last clipped again (ISO times). */
  clipped: string;
  updated: string;
  tags: string[];
  note: string;
  mentions: ClipMention[];
}
