// Adding a source by URL: fetch it once and decide what it is. A feed or sitemap is added as
// such (with its title); an HTML page that announces feeds adds its first feed (discovery, the
// convention every feed reader follows); any other page is followed as a single page.
import { FetchError, type Fetcher } from '../fetch/index.js';
import { discoverFeeds, parseFeed } from '../feeds/index.js';
import type { SourceKind, Store } from '../store/index.js';

export interface AddedSource {
  uri: string;
  kind: SourceKind;
  title: string | null;
  /** How the kind was decided, for the user. */
  note: string;
}

export async function addSourceByUrl(
  deps: { store: Store; fetcher: Fetcher },
  url: string,
  forcedKind?: 'feed' | 'sitemap' | 'page',
): Promise<AddedSource> {
  const uri = checkedUrl(url);
  if (forcedKind !== undefined) {
    await deps.store.addSource({ kind: forcedKind, uri });
    return { uri, kind: forcedKind, title: null, note: `added as ${forcedKind} without fetching` };
  }
  const fetched = await deps.fetcher.get(uri, {
    accept:
      'application/rss+xml,application/atom+xml,application/feed+json,text/html;q=0.9,*/*;q=0.5',
  });
  if (fetched.kind !== 'ok') throw new FetchError(uri, 'http', 'unexpected 304 on a first fetch');
  const parsed = parseFeed(fetched.body, fetched.contentType, fetched.url);
  if (parsed.kind === 'feed') {
    const kind =
      parsed.feed.format === 'sitemap' || parsed.feed.format === 'sitemap-index'
        ? 'sitemap'
        : 'feed';
    await deps.store.addSource({ kind, uri, title: parsed.feed.title });
    return {
      uri,
      kind,
      title: parsed.feed.title,
      note: `${parsed.feed.format} with ${parsed.feed.items.length} items`,
    };
  }
  const feeds = discoverFeeds(fetched.body, fetched.contentType, fetched.url);
  if (feeds.length > 0) {
    const chosen = feeds[0]!;
    await deps.store.addSource({ kind: 'feed', uri: chosen.url, title: chosen.title });
    const others =
      feeds.length > 1
        ? `; it also announces ${feeds
            .slice(1)
            .map((f) => f.url)
            .join(', ')}`
        : '';
    return {
      uri: chosen.url,
      kind: 'feed',
      title: chosen.title,
      note: `discovered on ${uri}${others}`,
    };
  }
  await deps.store.addSource({ kind: 'page', uri });
  return {
    uri,
    kind: 'page',
    title: null,
    note: `${parsed.reason}; following it as a single page`,
  };
}

export function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new FetchError(url, 'bad-url', 'not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new FetchError(url, 'bad-url', 'only http and https sources can be polled');
  return parsed.href;
}
