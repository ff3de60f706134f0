/** Elements whose content a reader never sees as page text (local names). */
export const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'head',
  'title',
]);

/** Elements that flow inside a line; every other element starts a new block, which separates words. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  'rt',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** The separator put between blocks: a character no name contains. */
export const BLOCK_BREAK = '\n';

/** Whether an element starts a block of its own (a paragraph, a cell, a custom element). */
export function isBlockBoundary(el: Element): boolean {
  return !INLINE.has(el.localName);
}
