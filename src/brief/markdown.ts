import type { Brief, BriefCount } from '../model/brief';
import { safeLink } from '../model/safe-url';

/*
 * A brief as Markdown, in the seed brief's order: title, summary, entities and topics, implications, signals
 * that fired, related intelligence. Every text from a page, a card or a clip is escaped, so that it reads as
 * the text it is and never as markup; cards are Obsidian [[wikilinks]], as in a clip's note.
 */

/** Characters Markdown could read as markup inside a line. */
const INLINE = /[\\`*_[\]<>|~!#]/g;
/** What starts a block when it opens a line: a heading, a quote, a list item, a rule. */
const LINE_START = /^(\s*)([-+=>]|\d+[.)])/;
/** Characters Obsidian does not allow in a link target. */
const UNSAFE_LINK = /[[\]|#^\\]/g;

/** Text as Markdown that shows it as it is, on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_, space: string, mark: string) => `${space}${mark.replace(/^(\d+)?(.)$/, '$1\\$2')}`);
}

/** A URL as a Markdown link destination (in angle brackets, so spaces and parentheses cannot end it). */
function destination(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

/** A card's name as a wikilink. */
export function wikilink(name: string): string {
  return `[[${name.replace(UNSAFE_LINK, ' ').replace(/\s+/g, ' ').trim()}]]`;
}

const counted = (items: readonly BriefCount[]) => items.map((c) => `- ${wikilink(c.name)} (${c.count})`);

/** The Markdown of a brief; `level` is the level of its title's heading (2 inside a clip's note). */
export function briefMarkdown(brief: Brief, level = 1): string {
  const h = (n: number) => '#'.repeat(Math.min(6, level + n));
  const lines: string[] = [`${h(0)} Brief: ${escapeMarkdown(brief.title) || 'untitled page'}`, ''];
  const source = safeLink(brief.url);
  if (source) lines.push(`Source: [${escapeMarkdown(brief.url)}](${destination(source)})`, '');
  lines.push(`${h(1)} Summary`, '');
  if (brief.summary.length) for (const s of brief.summary) lines.push(`> ${escapeMarkdown(s)}`, '>');
  else lines.push('No sentence of this page mentions a tracked card.', '');
  if (lines.at(-1) === '>') lines.splice(-1, 1, '');
  lines.push(`${h(1)} Entities`, '', ...(brief.entities.length ? counted(brief.entities) : ['None.']), '');
  lines.push(`${h(1)} Topics & keywords`, '', ...(brief.topics.length ? counted(brief.topics) : ['None.']), '');
  lines.push(`${h(1)} Implications`, '');
  if (brief.implications.length) {
    brief.implications.forEach((imp, i) => {
      const from = imp.cards.map((c) => wikilink(c.name)).join(', ');
      lines.push(`${String(i + 1).padStart(2, '0')}. ${escapeMarkdown(imp.text)} (${from})`);
    });
  } else lines.push('The cards on this page carry no implications.');
  lines.push('', `${h(1)} Signals that fired`, '');
  if (brief.signals.length) {
    for (const s of brief.signals) {
      lines.push(`- ${wikilink(s.name)}: ${escapeMarkdown(s.signal)}`);
      if (s.evidence.trim()) lines.push(`  > ${escapeMarkdown(s.evidence)}`);
    }
  } else lines.push('None fired on this page.');
  lines.push('', `${h(1)} Related intelligence`, '');
  const { cards, clips } = brief.related;
  if (!cards.length && !clips.length) lines.push('Nothing related yet.');
  for (const c of cards) {
    const why = [
      c.relatedTo.length ? `related to ${c.relatedTo.map(escapeMarkdown).join(', ')}` : '',
      c.clips ? `mentioned with them in ${c.clips} ${c.clips === 1 ? 'clip' : 'clips'}` : '',
    ].filter(Boolean);
    lines.push(`- ${wikilink(c.name)}: ${why.join('; ')} (score ${c.score})`);
  }
  for (const c of clips) {
    const title = escapeMarkdown(c.title) || escapeMarkdown(c.url);
    const href = safeLink(c.url);
    const link = href ? `[${title}](${destination(href)})` : title;
    lines.push(`- Clip ${link}, ${c.clipped.slice(0, 10)}: shares ${c.shared.map(escapeMarkdown).join(', ')}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
