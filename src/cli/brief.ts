import { briefMarkdown } from '../brief/markdown';
import { briefHtml, briefText } from './brief-page';
import { clipPdf } from './clip-pdf';
import { runPageCommand } from './page-command';

// The watch signals are evaluated on the page's text; a saved page has no earlier clips to relate.
runPageCommand(
  'brief',
  'brief',
  ({ html, url, cards }, format) => {
    const brief = briefHtml(html, url, cards);
    return format === 'json' ? `${JSON.stringify(brief, null, 2)}\n` : briefMarkdown(brief);
  },
  // A PDF is briefed from its pages' text, read as its clip reads it.
  ({ pdf, file, url, cards }, format) => {
    const clip = clipPdf(pdf, file, url, cards, new Date(0).toISOString());
    const brief = briefText(
      { title: clip.title, url: clip.canonicalUrl, text: clip.text, mentions: clip.mentions },
      cards,
    );
    return format === 'json' ? `${JSON.stringify(brief, null, 2)}\n` : briefMarkdown(brief);
  },
);
