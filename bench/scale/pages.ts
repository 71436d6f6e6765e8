// Generated articles as the pages `storyline ingest` makes of JSON Lines records (already
// extracted: the pipeline skips extraction), with the publication time as the fetch time.
import { ARTICLE_RECORD_TYPE } from '../../src/ingest/article-records.js';
import type { Page } from '../../src/types.js';
import type { GeneratedArticle } from './corpus.js';

export function pageOf(article: GeneratedArticle, line = 0): Page {
  const { id, url, title, outlet, published, text } = article;
  const record = { id, url, title, outlet, published, text, html: null, line };
  return {
    url: article.url,
    fetchedAt: new Date(article.published),
    body: new TextEncoder().encode(JSON.stringify(record)),
    contentType: ARTICLE_RECORD_TYPE,
  };
}
