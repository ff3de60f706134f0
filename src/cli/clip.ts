import { clipHtml, clipToJson, clipToMarkdown } from './clip-page';
import { runPageCommand } from './page-command';

runPageCommand('clip', 'clip', ({ html, url, cards }, format) => {
  const clip = clipHtml(html, url, cards, new Date().toISOString());
  return format === 'json' ? `${JSON.stringify(clipToJson(clip), null, 2)}\n` : clipToMarkdown(clip);
});
