import { clipHtml, clipToJson, clipToMarkdown } from './clip-page';
import { clipPdf } from './clip-pdf';
import { runPageCommand } from './page-command';

runPageCommand(
  'clip',
  'clip',
  ({ html, url, cards }, format) => {
    const clip = clipHtml(html, url, cards, new Date().toISOString());
    return format === 'json' ? `${JSON.stringify(clipToJson(clip), null, 2)}\n` : clipToMarkdown(clip);
  },
  ({ pdf, file, url, cards }, format) => {
    const clip = clipPdf(pdf, file, url, cards, new Date().toISOString());
    return format === 'json' ? `${JSON.stringify(clipToJson(clip), null, 2)}\n` : clipToMarkdown(clip);
  },
);
