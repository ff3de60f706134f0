import { parseHTML } from 'linkedom';

const HIDDEN = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'SVG',
  'IFRAME',
  'OBJECT',
]);
// Elements a browser lays out as blocks (or table cells / list items): their edges are word boundaries.
const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 ' +
    'HEADER HGROUP HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR TD TH UL CAPTION BODY HTML OPTION'
  ).split(' '),
);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?: (name: string) => string | null;
}

/** The visible text of an HTML document or fragment as a browser lays it out: blocks on their own lines. */
export function extractText(html: string): string {
  const isDocument = /<html[\s>]/i.test(html);
  const { document } = parseHTML(isDocument ? html : `<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) {
      parts.push((node.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (HIDDEN.has(name) || node.getAttribute?.('hidden') !== null) return;
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) parts.push('\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) parts.push('\n');
  };
  walk(document.body as unknown as NodeLike);
  return parts
    .join('')
    .replace(/ *\n[ \n]*/g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
