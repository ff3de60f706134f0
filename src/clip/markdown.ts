import TurndownService from 'turndown';
import { stringify } from 'yaml';
import { briefMarkdown } from '../brief/markdown';
import type { Brief } from '../model/brief';
import type { Clip } from '../model/clip';
import { safeLink } from '../model/safe-url';
import type { Article } from './extract';

/*
 * A clip as a Markdown note ready for an Obsidian vault: YAML front matter (title, source, author, published,
 * clipped, tags, entities as [[wikilinks]]), then the article.
 */

/** What the note says besides the article. */
export interface NoteExtras {
  /** When it was clipped (ISO time). */
  clipped: string;
  tags: readonly string[];
  /** The names of the cards mentioned, most mentioned first. */
  entities: readonly string[];
  /** The user's note, if any. */
  note?: string;
  /** The page's brief, when it was clipped with it: after the note, before the article. */
  brief?: Brief;
}

/** Characters Obsidian does not allow in a link target. */
const UNSAFE_LINK = /[[\]|#^\\]/g;

/** The Markdown of a clip with its YAML front matter. */
export function clipMarkdown(article: Article, extras: NoteExtras, turndown = noteTurndown()): string {
  const front: Record<string, unknown> = {
    title: article.title,
    source: article.canonicalUrl,
    author: article.byline ?? undefined,
    site: article.siteName ?? undefined,
    published: article.published ?? undefined,
    clipped: extras.clipped,
    tags: extras.tags.length ? [...extras.tags] : undefined,
    entities: extras.entities.length
      ? extras.entities.map((name) => `[[${name.replace(UNSAFE_LINK, ' ').trim()}]]`)
      : undefined,
  };
  const yaml = stringify(front, { lineWidth: 0 }).trimEnd();
  const body = tidy(turndown.turndown(article.html));
  const note = extras.note?.trim() ? `\n\n> [!note]\n${extras.note.trim().replace(/^/gm, '> ')}` : '';
  const brief = extras.brief ? `\n\n${briefMarkdown(extras.brief, 2).trimEnd()}\n\n## Article` : '';
  return `---\n${yaml}\n---\n\n# ${article.title}${note}${brief}\n\n${body}\n`;
}

/**
 * Removes the indentation that the article's layout whitespace leaves before a line (Markdown would read four
 * spaces as code; code blocks are fenced here) and runs of blank lines.
 */
function tidy(markdown: string): string {
  let fenced = false;
  const lines = markdown.split('\n').map((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced || /^\s{0,4}([-*+]|\d+\.)\s/.test(line)) return line.trimEnd();
    return line.trim();
  });
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const OPTIONS: TurndownService.Options = {
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '*',
};

/**
 * The HTML-to-Markdown converter of a note: a link keeps its target only when it is an http, https or mailto
 * URL (safeLink); any other (`javascript:`, `data:`, a relative path) becomes its text. A clip's HTML was
 * sanitised when it was clipped, but one restored or shared may hold anything.
 */
export function noteTurndown(): TurndownService {
  const turndown = new TurndownService(OPTIONS);
  turndown.addRule('safe-links', {
    filter: (node) => node.nodeName === 'A' && node.hasAttribute('href'),
    replacement: (content, node) => {
      const href = safeLink((node as HTMLElement).getAttribute('href'));
      if (!href) return content;
      const title = (node as HTMLElement).getAttribute('title');
      const destination = href.replace(/[()]/g, (c) => encodeURIComponent(c));
      return `[${content}](${destination}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    },
  });
  return turndown;
}

/** The names of the cards a clip mentions, most mentioned first. */
export function entitiesOf(clip: Pick<Clip, 'mentions'>): string[] {
  const counts = new Map<string, number>();
  for (const m of clip.mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** A clip as a Markdown note with YAML front matter (title, source, author, dates, tags, entities), then its note. */
export function clipNote(clip: Clip): string {
  return clipMarkdown(clip, {
    clipped: clip.clipped,
    tags: clip.tags,
    entities: entitiesOf(clip),
    note: clip.note,
    ...(clip.brief ? { brief: clip.brief } : {}),
  });
}
