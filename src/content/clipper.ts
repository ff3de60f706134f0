import createDOMPurify from 'dompurify';
import { type Article, extractArticle, NoArticleError } from '../clip/extract';
import { err, ok, type Result } from '../model/result';

/*
 * Injected into the top frame when the user clips the page (never loaded otherwise): the article, read from a
 * clone of the page and sanitised with DOMPurify here, where a DOM exists. The page is not changed.
 */

function clip(): Result<Article> {
  try {
    const purify = createDOMPurify(window);
    return ok(extractArticle(document, location.href, (html) => purify.sanitize(html)));
  } catch (error) {
    if (error instanceof NoArticleError) return err(error.message);
    return err(`Dossier could not read this page's article: ${(error as Error).message}`);
  }
}

export default clip();
