// Everything about the article except its body, from the most to the least reliable source:
// JSON-LD, then OpenGraph / article:* / common <meta> names, then the markup (<h1>, <time>,
// rel=author, .byline), then the URL. Runs on the whole document before any pruning.
import type { ImageInfo } from '../../types.js';
import { normaliseSpace } from '../article.js';
import { dateFromUrl, parseAbsoluteDate } from '../dates.js';
import type { El } from '../html/dom.js';
import { safeUrl } from '../html/sanitize.js';
import { normaliseLanguageTag } from '../language.js';
import { outletFromUrl } from '../outlet.js';
import { readJsonLd } from './json-ld.js';
import { firstMeta, readMeta } from './meta-tags.js';
import { cleanTitle } from './title.js';

export interface PageMetadata {
  url: string | null;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  updated: string | null;
  language: string | null;
  leadImage: ImageInfo | null;
}

interface Doc {
  documentElement: El | null;
  querySelector(s: string): El | null;
  querySelectorAll(s: string): Iterable<El>;
}

/** Longest byline we accept from markup (characters): longer text is a bio, not a name. */
const MAX_BYLINE_CHARS = 120;

export function readMetadata(doc: Doc, pageUrl: string): PageMetadata {
  const meta = readMeta(doc);
  const ld = readJsonLd([...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''));
  const siteName = firstMeta(meta, ['og:site_name', 'application-name', 'twitter:site']) ?? ld?.publisher ?? null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const url = safeUrl(canonical, pageUrl) ?? safeUrl(firstMeta(meta, ['og:url']), pageUrl) ?? safeUrl(ld?.url ?? null, pageUrl) ?? safeUrl(pageUrl, null);
  const h1 = text(doc.querySelector('h1'));
  const titleTag = text(doc.querySelector('title'));
  const title =
    cleanTitle(ld?.headline ?? null, siteName) ??
    cleanTitle(firstMeta(meta, ['og:title', 'twitter:title']), siteName) ??
    (h1 && h1.length > 3 ? h1 : null) ??
    cleanTitle(titleTag, siteName);
  return {
    url,
    title,
    outlet: siteName?.replace(/^@/, '') ?? outletFromUrl(url ?? pageUrl),
    byline: ld?.author ?? firstMeta(meta, ['author', 'article:author', 'byl', 'parsely-author', 'dc.creator', 'sailthru.author']) ?? bylineFromMarkup(doc),
    published: date(ld?.published) ?? date(firstMeta(meta, PUBLISHED_KEYS)) ?? timeElement(doc) ?? dateFromUrl(url ?? pageUrl),
    updated: date(ld?.modified) ?? date(firstMeta(meta, ['article:modified_time', 'og:updated_time', 'dateModified', 'last-modified'])),
    language:
      normaliseLanguageTag(doc.documentElement?.getAttribute('lang')) ??
      normaliseLanguageTag(firstMeta(meta, ['og:locale', 'content-language', 'language', 'dc.language'])) ??
      normaliseLanguageTag(ld?.language),
    leadImage: leadImage(meta, ld?.image ?? null, pageUrl),
  };
}

const PUBLISHED_KEYS = [
  'article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publish-date', 'publishdate',
  'parsely-pub-date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'article.published', 'published_time',
];

function text(el: El | null): string | null {
  const t = el ? normaliseSpace(el.textContent ?? '') : '';
  return t ? t : null;
}

function date(v: string | null | undefined): string | null {
  if (!v) return null;
  const parsed = parseAbsoluteDate(v);
  if (parsed) return parsed;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

function timeElement(doc: Doc): string | null {
  for (const t of doc.querySelectorAll('time[datetime]')) {
    const d = date(t.getAttribute('datetime'));
    if (d) return d;
  }
  return null;
}

function bylineFromMarkup(doc: Doc): string | null {
  const el = doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author, .author-name, [class*="byline"]');
  const t = text(el)?.replace(/^by\s+/i, '');
  return t && t.length <= MAX_BYLINE_CHARS ? t : null;
}

function leadImage(meta: Map<string, string>, ldImage: string | null, pageUrl: string): ImageInfo | null {
  const src = safeUrl(firstMeta(meta, ['og:image', 'og:image:url', 'twitter:image']) ?? ldImage, pageUrl);
  if (!src) return null;
  return { src, caption: firstMeta(meta, ['og:image:alt', 'twitter:image:alt']), credit: null };
}
