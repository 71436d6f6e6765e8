// A page's parallel stages: extract, fingerprint and tag every article it carries. Pure (no
// store, no grouping state), so workers run it side by side; the pipeline then groups and
// saves what it returns, in order.
import { createHash } from 'node:crypto';
import { extract } from './extract/index.js';
import { prepareArticle, type PreparedArticle } from './grouper.js';
import {
  ARTICLE_RECORD_TYPE,
  articleFromRecord,
  type ArticleRecord,
} from './ingest/article-records.js';
import type { Article, Extraction, Page } from './types.js';

/** A page after the parallel stages: what the serialised grouping step takes. */
export type PreparedPage =
  | { kind: 'unreadable'; code: 'INPUT_EMPTY' | 'INPUT_BINARY' | 'INPUT_CORRUPT'; reason: string }
  | { kind: 'not-article'; reason: string }
  | { kind: 'article'; articles: PreparedArticle[] };

/** Extracts, fingerprints and tags every article of a page. Pure: no store, no grouping state. */
export function preparePage(page: Page, now: Date): PreparedPage {
  const extraction = extractPage(page, now);
  if (extraction.kind !== 'article') return extraction;
  const articles = [extraction.article, ...extraction.related];
  return {
    kind: 'article',
    articles: articles.map((article, position) =>
      prepareArticle(articleId(page, article, position), position, article),
    ),
  };
}

/** Article records (JSON Lines input) skip extraction unless they only carry HTML. */
export function extractPage(page: Page, now: Date): Extraction {
  if (page.contentType !== ARTICLE_RECORD_TYPE) return extract(page, now);
  const record = JSON.parse(new TextDecoder().decode(page.body)) as ArticleRecord;
  if (record.text.trim() === '' && record.html) {
    const fromHtml = extract(
      { ...page, body: new TextEncoder().encode(record.html), contentType: 'text/html' },
      now,
    );
    if (fromHtml.kind !== 'article') return fromHtml;
    const a = fromHtml.article;
    return {
      ...fromHtml,
      article: {
        ...a,
        title: record.title ?? a.title,
        outlet: record.outlet ?? a.outlet,
        published: record.published ?? a.published,
        url: record.url ?? a.url,
      },
    };
  }
  return { kind: 'article', article: articleFromRecord(record), related: [], encoding: 'utf-8' };
}

/**
 * Stable article id: the canonical URL for a page's main article (so the same article reached
 * through two URLs is one article, and a changed text at that URL is a revision), the page URL
 * plus position for the other articles a page carries.
 */
export function articleId(page: Page, article: Article, position: number): string {
  const key = position === 0 ? (article.url ?? page.url) : `${page.url}#${position}`;
  return 'a' + createHash('sha256').update(key).digest('hex').slice(0, 15);
}
