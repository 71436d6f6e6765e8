// Feed discovery: the feeds a site's HTML page announces with <link rel="alternate"> (the
// RSS autodiscovery convention shared by every browser and feed reader), resolved against the
// page URL or its <base href>, in page order, without duplicates.
import { Parser } from 'htmlparser2';
import { decodeDocument } from './decode.js';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'text/xml',
  'application/xml',
]);

export interface DiscoveredFeed {
  url: string;
  title: string | null;
  type: string;
}

export function discoverFeeds(
  bytes: Uint8Array,
  contentType: string | null,
  pageUrl: string,
): DiscoveredFeed[] {
  const { text } = decodeDocument(bytes, contentType);
  const found: DiscoveredFeed[] = [];
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href) base = resolve(attrs.href, pageUrl) ?? base;
        if (name !== 'link') return;
        const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        const type = (attrs.type ?? '').toLowerCase().split(';')[0]!.trim();
        if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !attrs.href) return;
        const url = resolve(attrs.href, base);
        if (url !== null && !found.some((f) => f.url === url))
          found.push({ url, title: attrs.title ?? null, type });
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(text);
  parser.end();
  return found;
}

function resolve(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
