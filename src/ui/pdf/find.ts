import type { PageText } from '../../pdf/page-text';
import { rangeIn } from './mentions';
import type { DrawnPage } from './viewer';

/**
 * Find in the document: the query is looked up (letter case aside) in the pages' texts, lines joined as the
 * engine sees them; Enter goes to the next result (Shift+Enter the previous), drawing its page first.
 */
export function watchFind(
  input: HTMLInputElement,
  count: HTMLElement,
  texts: readonly PageText[],
  draw: (page: number) => Promise<DrawnPage | null>,
): void {
  let results: { page: number; start: number; end: number }[] = [];
  let at = -1;
  let query = '';
  const search = () => {
    query = input.value.trim().toLowerCase();
    results = [];
    at = -1;
    CSS.highlights.delete('pdf-find-current');
    if (query === '') {
      count.textContent = '';
      return;
    }
    texts.forEach((page, i) => {
      const lower = page.text.toLowerCase();
      for (let from = lower.indexOf(query); from >= 0; from = lower.indexOf(query, from + query.length)) {
        results.push({ page: i + 1, start: from, end: from + query.length });
      }
    });
    count.textContent = results.length === 0 ? 'Not found' : `${results.length} found`;
  };
  const go = async (step: 1 | -1) => {
    if (input.value.trim().toLowerCase() !== query) search();
    if (results.length === 0) return;
    at = (at + step + results.length) % results.length;
    const hit = results[at]!;
    const drawn = await draw(hit.page);
    const text = texts[hit.page - 1];
    if (!drawn || !text) return;
    const range = rangeIn(drawn, text, hit.start, hit.end);
    if (!range) return;
    CSS.highlights.set('pdf-find-current', new Highlight(range));
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    count.textContent = `${at + 1} of ${results.length}`;
  };
  input.addEventListener('input', search);
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void go(event.shiftKey ? -1 : 1);
  });
}
