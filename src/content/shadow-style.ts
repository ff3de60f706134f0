import HIGHLIGHT_CSS from './highlights.css?raw';

/*
 * `::highlight()` rules apply only in the tree of the style sheet that holds them: the manifest's style sheet
 * styles the document, and each shadow root with mentions gets the same rules as a constructed sheet appended
 * to its adopted style sheets (no node or attribute of the page changes).
 */

let sheet: CSSStyleSheet | null = null;

/** Lets a shadow root paint our highlights. */
export function styleShadowRoot(root: ShadowRoot): void {
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(HIGHLIGHT_CSS);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
