import type { InsightArticle } from '../../model/insights/sources';
import { SafeLink } from '../SafeLink';

/** Most articles a list shows. */
const SHOWN = 50;

/** Articles (clips and visited pages) as links, with their date and, for one card, its mentions. */
export function ArticleList({ articles, cardId }: { articles: readonly InsightArticle[]; cardId?: string }) {
  if (!articles.length) return <p class="muted">No articles.</p>;
  return (
    <>
      <ol class="insight-articles">
        {articles.slice(0, SHOWN).map((article) => (
          <li key={`${article.source}:${article.id}`}>
            <SafeLink href={article.url}>{article.title || article.url}</SafeLink>
            <span class="muted">
              {' '}
              {article.time.slice(0, 10)}
              {article.source === 'visit' ? ' · visited' : ' · clip'}
              {cardId ? ` · ${article.counts[cardId] ?? 0} mentions` : ''}
            </span>
          </li>
        ))}
      </ol>
      {articles.length > SHOWN ? <p class="muted">and {articles.length - SHOWN} more</p> : null}
    </>
  );
}
