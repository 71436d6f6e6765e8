// Public door of feeds: bytes in, items out. No network, no database, no clock: feed and
// sitemap parsing, feed discovery in HTML pages, OPML import and export, canonical item URLs.
export {
  parseFeed,
  FULL_TEXT_MIN_WORDS,
  type FeedFormat,
  type FeedItem,
  type FeedParse,
  type ParsedFeed,
} from './parse-feed.js';
export { discoverFeeds, type DiscoveredFeed } from './discover.js';
export { parseOpml, exportOpml, type OpmlEntry } from './opml.js';
export { cleanUrl, TRACKING_PARAMS } from './canonical.js';
export { htmlToParagraphs } from './html-text.js';
export { decodeDocument } from './decode.js';
