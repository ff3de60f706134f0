/** A span a matcher found: card name and offsets. */
export interface Span {
  entity: string;
  start: number;
  end: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The plain matcher the corpus README measures: names and aliases as whole words, leftmost-longest,
 * one alternation RegExp, ignoring case or not.
 */
export function plainMatcher(cards: readonly { name: string; aliases: readonly string[] }[], ignoreCase = true) {
  const owner = new Map<string, string>();
  for (const card of cards) {
    for (const form of [card.name, ...card.aliases]) {
      const key = ignoreCase ? form.toLowerCase() : form;
      if (!owner.has(key)) owner.set(key, card.name);
    }
  }
  const forms = [...owner.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    ignoreCase ? 'giu' : 'gu',
  );
  return (text: string): Span[] => {
    const out: Span[] = [];
    for (const m of text.matchAll(re)) {
      const key = ignoreCase ? m[0].toLowerCase() : m[0];
      out.push({ entity: owner.get(key) ?? '', start: m.index, end: m.index + m[0].length });
    }
    return out;
  };
}
