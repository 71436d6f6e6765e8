// One parser for every feed format we follow. Order of the checks:
//   1. decode the bytes (decode.ts), then look at the first significant character: `{` is a
//      JSON Feed (jsonfeed.org 1.0/1.1), `<` is XML;
//   2. parse XML leniently (fast-xml-parser, no validation), and validate separately, so a
//      broken feed still yields the items it carries and the caller can say it was broken;
//   3. pick the format by the root element: <rss> (0.9x/2.0), <rdf:RDF> (RSS 0.90/1.0),
//      <feed> (Atom), <urlset> (sitemap, with Google News extensions), <sitemapindex>;
//      an <html> root is an HTML page served where a feed was expected.
// Items come out in one shape; links are resolved against the document's URL and cleaned.
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cleanUrl } from './canonical.js';
import { decodeDocument } from './decode.js';
import { countWords, htmlToParagraphs } from './html-text.js';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json' | 'sitemap' | 'sitemap-index';

export interface FeedItem {
  /** The item's identity within its feed: GUID, Atom id, JSON id, else link, else a hash. */
  key: string;
  url: string | null;
  title: string | null;
  /** Body paragraphs from the item's content (full text or teaser), possibly empty. */
  paragraphs: string[];
  /** True when the item carries the article itself, not only a teaser. */
  fullText: boolean;
  published: string | null;
  author: string | null;
  /** Hash of what the item says (title, link, content): a new hash means it was edited. */
  hash: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  items: FeedItem[];
  /** Child sitemaps of a sitemap index, newest first when dated. */
  children: string[];
  /** Items dropped because an earlier item had the same key. */
  duplicateKeys: number;
  /** Why the XML is not well-formed, when it is not (the items were recovered anyway). */
  malformed: string | null;
  encoding: string;
}

/** A document that is not a feed at all: an outcome, with the reason in words. */
export type FeedParse = { kind: 'feed'; feed: ParsedFeed } | { kind: 'not-a-feed'; reason: string };

/**
 * Items with at least this many words of content carry the article itself; shorter content is
 * a teaser and the article page is fetched. News articles rarely run under 150 words, while
 * feed summaries are typically one to three sentences (20-80 words).
 */
export const FULL_TEXT_MIN_WORDS = 150;

const XML = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
});

export function parseFeed(
  bytes: Uint8Array,
  contentType: string | null,
  baseUrl: string,
): FeedParse {
  const { text, encoding } = decodeDocument(bytes, contentType);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return { kind: 'not-a-feed', reason: 'empty document' };
  if (start.startsWith('{')) return parseJsonFeed(start, baseUrl, encoding);
  if (!start.startsWith('<')) return { kind: 'not-a-feed', reason: 'neither XML nor JSON' };
  let doc: Record<string, unknown>;
  try {
    doc = XML.parse(start) as Record<string, unknown>;
  } catch (error) {
    return { kind: 'not-a-feed', reason: `XML unreadable: ${(error as Error).message}` };
  }
  const validation = XMLValidator.validate(start);
  const malformed =
    validation === true ? null : `${validation.err.msg} (line ${validation.err.line})`;
  const rootName = Object.keys(doc).find(
    (k) => !k.startsWith('?') && !k.startsWith('#') && k !== '!DOCTYPE',
  );
  const root = rootName === undefined ? undefined : (doc[rootName] as Record<string, unknown>);
  const name = rootName?.toLowerCase();
  const base = { malformed, encoding, children: [] as string[] };
  if (name === 'rss' && isObject(root)) return finish({ ...base, ...rss(root, baseUrl) });
  if (name === 'rdf:rdf' && isObject(root)) return finish({ ...base, ...rdf(root, baseUrl) });
  if (name === 'feed' && isObject(root)) return finish({ ...base, ...atom(root, baseUrl) });
  if (name === 'urlset' && isObject(root)) return finish({ ...base, ...urlset(root, baseUrl) });
  if (name === 'sitemapindex' && isObject(root)) {
    return finish({
      ...base,
      format: 'sitemap-index',
      title: null,
      siteUrl: null,
      items: [],
      children: sitemapIndex(root, baseUrl),
    });
  }
  if (name === 'html' || /^<!doctype html/i.test(start))
    return { kind: 'not-a-feed', reason: 'an HTML page, not a feed' };
  return {
    kind: 'not-a-feed',
    reason: rootName ? `unknown XML document <${rootName}>` : 'no XML root element',
  };
}

type Draft = Omit<FeedItem, 'key' | 'hash' | 'fullText'> & {
  key: string | null;
  contentWords: number;
};
type Drafted = Omit<ParsedFeed, 'items' | 'duplicateKeys'> & { items: Draft[] };

/** Gives every item a key and a hash, and drops repeated keys (duplicate GUIDs). */
function finish(drafted: Drafted): FeedParse {
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  let duplicateKeys = 0;
  for (const d of drafted.items) {
    if (d.url === null && d.title === null && d.paragraphs.length === 0) continue;
    const hash = sha256(JSON.stringify([d.title, d.url, d.paragraphs, d.published]));
    const key = d.key ?? d.url ?? `h:${hash.slice(0, 32)}`;
    if (seen.has(key)) {
      duplicateKeys += 1;
      continue;
    }
    seen.add(key);
    const { contentWords, ...rest } = d;
    items.push({ ...rest, key, hash, fullText: contentWords >= FULL_TEXT_MIN_WORDS });
  }
  return { kind: 'feed', feed: { ...drafted, items, duplicateKeys } };
}

function rss(
  root: Record<string, unknown>,
  base: string,
): Omit<Drafted, 'malformed' | 'encoding' | 'children'> {
  const channel = first(root.channel);
  const items = [...list(isObject(channel) ? channel.item : undefined), ...list(root.item)];
  return {
    format: 'rss',
    title: isObject(channel) ? textOf(channel.title) : null,
    siteUrl: isObject(channel) ? link(textOf(channel.link), base) : null,
    items: items.filter(isObject).map((item) => {
      const guid = textOf(item.guid);
      const url =
        link(textOf(item.link), base) ?? (isPermaLink(item.guid) ? link(guid, base) : null);
      return draft(item, {
        key: guid,
        url,
        base,
        content: item['content:encoded'],
        summary: item.description,
      });
    }),
  };
}

function rdf(
  root: Record<string, unknown>,
  base: string,
): Omit<Drafted, 'malformed' | 'encoding' | 'children'> {
  const channel = first(root.channel);
  return {
    format: 'rdf',
    title: isObject(channel) ? textOf(channel.title) : null,
    siteUrl: isObject(channel) ? link(textOf(channel.link), base) : null,
    items: list(root.item)
      .filter(isObject)
      .map((item) => {
        const url = link(textOf(item.link), base);
        return draft(item, {
          key: attr(item, 'rdf:about') ?? url,
          url,
          base,
          content: item['content:encoded'],
          summary: item.description,
        });
      }),
  };
}

function atom(
  root: Record<string, unknown>,
  base: string,
): Omit<Drafted, 'malformed' | 'encoding' | 'children'> {
  return {
    format: 'atom',
    title: textOf(root.title),
    siteUrl: atomLink(root.link, base),
    items: list(root.entry)
      .filter(isObject)
      .map((entry) => {
        const author = first(entry.author);
        return draft(entry, {
          key: textOf(entry.id),
          url: atomLink(entry.link, base),
          base,
          content: entry.content,
          summary: entry.summary,
          published: textOf(entry.published) ?? textOf(entry.updated),
          author: isObject(author) ? textOf(author.name) : textOf(author),
        });
      }),
  };
}

function urlset(
  root: Record<string, unknown>,
  base: string,
): Omit<Drafted, 'malformed' | 'encoding' | 'children'> {
  return {
    format: 'sitemap',
    title: null,
    siteUrl: null,
    items: list(root.url)
      .filter(isObject)
      .map((entry) => {
        const news = first(entry['news:news']);
        const n = isObject(news) ? news : {};
        const url = link(textOf(entry.loc), base);
        return {
          key: url,
          url,
          title: textOf(n['news:title']),
          paragraphs: [],
          published: isoDate(textOf(n['news:publication_date']) ?? textOf(entry.lastmod)),
          author: null,
          contentWords: 0,
        };
      }),
  };
}

function sitemapIndex(root: Record<string, unknown>, base: string): string[] {
  const children = list(root.sitemap)
    .filter(isObject)
    .map((s) => ({ url: link(textOf(s.loc), base), at: textOf(s.lastmod) ?? '' }))
    .filter((s): s is { url: string; at: string } => s.url !== null);
  return children.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).map((s) => s.url);
}

function parseJsonFeed(text: string, base: string, encoding: string): FeedParse {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { kind: 'not-a-feed', reason: `JSON unreadable: ${(error as Error).message}` };
  }
  if (!isObject(doc) || typeof doc.version !== 'string' || !doc.version.includes('jsonfeed.org')) {
    return { kind: 'not-a-feed', reason: 'JSON without a jsonfeed.org version' };
  }
  const items: Draft[] = list(doc.items)
    .filter(isObject)
    .map((item) => {
      const html = str(item.content_html);
      const paragraphs =
        html !== null
          ? htmlToParagraphs(html)
          : splitText(str(item.content_text) ?? str(item.summary) ?? '');
      const authors = list(item.authors ?? item.author).filter(isObject);
      const id = item.id === undefined || item.id === null ? null : String(item.id);
      return {
        key: id,
        url: link(str(item.url) ?? str(item.external_url), base),
        title: str(item.title),
        paragraphs,
        published: isoDate(str(item.date_published) ?? str(item.date_modified)),
        author: authors.length > 0 ? str(authors[0]!.name) : null,
        contentWords:
          html !== null || item.content_text !== undefined ? countWords(paragraphs.join(' ')) : 0,
      };
    });
  return finish({
    format: 'json',
    title: str(doc.title),
    siteUrl: link(str(doc.home_page_url), base),
    items,
    children: [],
    malformed: null,
    encoding,
  });
}

/** One item from its fields: content (full text) preferred over summary (teaser). */
function draft(
  item: Record<string, unknown>,
  f: {
    key: string | null;
    url: string | null;
    base: string;
    content: unknown;
    summary: unknown;
    published?: string | null;
    author?: string | null;
  },
): Draft {
  const content = textOf(f.content);
  const summary = textOf(f.summary);
  const paragraphs = htmlToParagraphs(content ?? summary ?? '');
  const title = textOf(item.title);
  return {
    key: f.key,
    url: f.url,
    title: title === null ? null : htmlToParagraphs(title).join(' ') || null,
    paragraphs,
    published: isoDate(
      f.published ?? textOf(item.pubDate) ?? textOf(item['dc:date']) ?? textOf(item.published),
    ),
    author: f.author ?? textOf(item['dc:creator']) ?? textOf(item.author),
    contentWords: countWords(paragraphs.join(' ')),
  };
}

/** Atom: the rel="alternate" (or rel-less) link's href. */
function atomLink(value: unknown, base: string): string | null {
  const links = list(value).filter(isObject);
  const chosen = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  if (chosen === undefined) return link(textOf(first(value)), base);
  return link(attr(chosen, 'href'), base);
}

function isPermaLink(guid: unknown): boolean {
  return !(isObject(guid) && attr(guid, 'isPermaLink')?.toLowerCase() === 'false');
}

function link(value: string | null, base: string): string | null {
  if (value === null || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return cleanUrl(url.href);
  } catch {
    return null;
  }
}

function isoDate(value: string | null): string | null {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function textOf(value: unknown): string | null {
  const v = first(value);
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  if (isObject(v) && '#text' in v) return textOf(v['#text']);
  return null;
}

function attr(node: Record<string, unknown>, name: string): string | null {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitText(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
