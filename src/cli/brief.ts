import { briefMarkdown } from '../brief/markdown';
import { briefHtml } from './brief-page';
import { runPageCommand } from './page-command';

// The watch signals are evaluated on the page's text; a saved page has no earlier clips to relate.
runPageCommand('brief', 'brief', ({ html, url, cards }, format) => {
  const brief = briefHtml(html, url, cards);
  return format === 'json' ? `${JSON.stringify(brief, null, 2)}\n` : briefMarkdown(brief);
});
