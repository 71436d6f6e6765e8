// A feed item that carries its article becomes a stored page of its own: an article record
// (the JSON Lines record type the pipeline already reads) holding exactly what the feed said.
// The bytes are a pure function of the item, so the same item fetched twice is the same page
// (stored once, by SHA-256), and an edited item is a new page at the same URL (a revision).
import { ARTICLE_RECORD_TYPE } from '../ingest/article-records.js';
import type { FeedItem } from '../feeds/index.js';
import type { Page } from '../types.js';

export function itemPage(item: FeedItem, feedUrl: string, fetchedAt: Date): Page {
  const record = {
    id: item.key,
    url: item.url,
    title: item.title,
    published: item.published,
    text: item.paragraphs.join('\n\n'),
  };
  return {
    url: item.url ?? `${feedUrl}#${encodeURIComponent(item.key)}`,
    fetchedAt,
    contentType: ARTICLE_RECORD_TYPE,
    body: new TextEncoder().encode(JSON.stringify(record)),
  };
}
