/*
 * The plain text of an article's HTML as a reader sees it: one line per block (paragraph, heading, list item,
 * quote, caption, table row), the whitespace inside a block collapsed to single spaces. Readability's
 * `textContent` keeps the page source's line breaks inside a paragraph and runs two paragraphs together when the
 * source has nothing between them ("…export rules.Japan said…"), which cut the brief's sentences short and made
 * a paragraph of every source line for the watch signals.
 */

/** Elements that start a line of their own. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** Elements whose text is not the article's. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The text of `root`, a line per block. */
export function blockText(root: Node): string {
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  // Iterative walk: an article may nest deeper than the call stack allows.
  const stack: Array<{ node: Node; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      line += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.has(name)) continue;
    const block = BLOCK.has(name);
    if (leaving) {
      if (block) breakLine();
      continue;
    }
    if (block) breakLine();
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  breakLine();
  return lines.join('\n');
}

/** The text of an article's (sanitised) HTML, a line per block, read in an inert document of `doc`'s kind. */
export function articleText(doc: Document, html: string): string {
  const inert = doc.implementation.createHTMLDocument('');
  inert.body.innerHTML = html;
  return blockText(inert.body);
}
