// Everything about the article except its body, from the most to the least reliable source:
// JSON-LD, then OpenGraph / article:* / common <meta> names, then the markup (<h1>, <time>,
// rel=author, .byline), then the URL. Runs on the whole document before any pruning.
import type { ImageInfo } from '../../types.js';
import { normaliseSpace } from '../article.js';
import { dateFromUrl, parseAbsoluteDate } from '../dates.js';
import { elementsInOrder, indexByTag, type El } from '../html/dom.js';
import { safeUrl } from '../html/sanitize.js';
import { normaliseLanguageTag } from '../language.js';
import { outletFromUrl } from '../outlet.js';
import { readJsonLd, type JsonLdArticle } from './json-ld.js';
import { firstMeta, readMeta, type MetaMap } from './meta-tags.js';
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
  /** The page says it is an article (og:type article or a JSON-LD article type). */
  declaredArticle: boolean;
  /** Author and publisher names from JSON-LD and <meta>: a wire credit when one is an agency. */
  authorNames: string[];
  /** The page's summary (og:description, description): the standfirst when the body repeats it. */
  description: string | null;
}

interface Doc {
  documentElement: El | null;
}

/** An <h1> shorter than this (characters) is a logo or a section letter, not a headline. */
const MIN_H1_TITLE_CHARS = 4;

/** Longest byline we accept from markup (characters): longer text is a bio, not a name. */
const MAX_BYLINE_CHARS = 120;

export function readMetadata(
  doc: Doc,
  pageUrl: string,
  byTag: Map<string, El[]> = indexByTag(doc.documentElement),
): PageMetadata {
  const all = (tag: string): El[] => byTag.get(tag) ?? [];
  const meta = readMeta(all('meta'));
  const ld = readJsonLd(
    all('script')
      .filter((s) => s.getAttribute('type') === 'application/ld+json')
      .map((s) => s.textContent ?? ''),
  );
  const siteName = firstMeta(meta, SITE_NAME_KEYS) ?? ld?.publisher ?? null;
  const url = canonicalUrl(all('link'), meta, ld, pageUrl);
  return {
    url,
    title: titleOf(byTag, meta, ld, siteName),
    outlet: siteName?.replace(/^@/, '') ?? outletFromUrl(url ?? pageUrl),
    byline: cleanByline(bylineOf(ld, meta, byTag, siteName)),
    published: publishedOf(ld, meta, all('time'), url ?? pageUrl),
    updated: date(ld?.modified) ?? date(firstMeta(meta, MODIFIED_KEYS)),
    language: languageOf(doc.documentElement, meta, ld),
    leadImage: leadImage(meta, ld?.image ?? null, pageUrl),
    declaredArticle: (ld?.isArticle ?? false) || /^article\b/i.test(meta.get('og:type') ?? ''),
    description: firstMeta(meta, ['og:description', 'description', 'twitter:description']),
    authorNames: [
      ld?.author,
      firstMeta(meta, AUTHOR_KEYS),
      bylineFromMarkup(byTag),
      ld?.publisher,
      siteName,
    ].filter((n): n is string => !!n),
  };
}

const SITE_NAME_KEYS = ['og:site_name', 'application-name', 'twitter:site'];
const AUTHOR_KEYS = [
  'author',
  'article:author',
  'byl',
  'parsely-author',
  'dc.creator',
  'sailthru.author',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified'];
const LANGUAGE_KEYS = ['og:locale', 'content-language', 'language', 'dc.language'];

/** JSON-LD author, else <meta> author, else the markup; but an organisation credited as author
 *  (the publisher's own name) yields to a byline printed on the page ("Kestrel News Desk"). */
function bylineOf(
  ld: JsonLdArticle | null,
  meta: MetaMap,
  byTag: Map<string, El[]>,
  siteName: string | null,
): string | null {
  const declared = ld?.author ?? firstMeta(meta, AUTHOR_KEYS);
  const isHouse = !!declared && (declared === ld?.publisher || declared === siteName);
  if (declared && !isHouse) return declared;
  return bylineFromMarkup(byTag) ?? declared;
}

function publishedOf(
  ld: JsonLdArticle | null,
  meta: MetaMap,
  times: El[],
  url: string,
): string | null {
  return (
    date(ld?.published) ??
    date(firstMeta(meta, PUBLISHED_KEYS)) ??
    timeElement(times) ??
    dateFromUrl(url)
  );
}

function languageOf(html: El | null, meta: MetaMap, ld: JsonLdArticle | null): string | null {
  return (
    normaliseLanguageTag(html?.getAttribute('lang')) ??
    normaliseLanguageTag(firstMeta(meta, LANGUAGE_KEYS)) ??
    normaliseLanguageTag(ld?.language)
  );
}

function canonicalUrl(
  links: El[],
  meta: MetaMap,
  ld: JsonLdArticle | null,
  pageUrl: string,
): string | null {
  const canonical =
    links.find((l) => l.getAttribute('rel')?.toLowerCase() === 'canonical')?.getAttribute('href') ??
    null;
  return (
    safeUrl(canonical, pageUrl) ??
    safeUrl(firstMeta(meta, ['og:url']), pageUrl) ??
    safeUrl(ld?.url ?? null, pageUrl) ??
    safeUrl(pageUrl, null)
  );
}

function titleOf(
  byTag: Map<string, El[]>,
  meta: MetaMap,
  ld: JsonLdArticle | null,
  siteName: string | null,
): string | null {
  const h1 = text(byTag.get('h1')?.[0] ?? null);
  return (
    cleanTitle(ld?.headline ?? null, siteName) ??
    cleanTitle(firstMeta(meta, ['og:title', 'twitter:title']), siteName) ??
    (h1 && h1.length >= MIN_H1_TITLE_CHARS ? h1 : null) ??
    cleanTitle(text(byTag.get('title')?.[0] ?? null), siteName)
  );
}

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publish-date',
  'publishdate',
  'parsely-pub-date',
  'dc.date',
  'dc.date.issued',
  'sailthru.date',
  'article.published',
  'published_time',
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

function timeElement(times: El[]): string | null {
  for (const t of times) {
    const d = date(t.getAttribute('datetime'));
    if (d) return d;
  }
  return null;
}

/** Class, data-testid or data-component words of a byline element. */
const BYLINE_HINT = /(^|[\s_-])(byline\S*|author|author-?name)(?=$|[\s_-])|byline/i;

function isBylineElement(e: El): boolean {
  return BYLINE_HINT.test(
    `${e.getAttribute('class') ?? ''} ${e.getAttribute('data-testid') ?? ''} ${e.getAttribute('data-component') ?? ''}`,
  );
}

/** rel=author or itemprop=author (its itemprop=name when it has one), else an element whose
 *  class or test id says byline or author, narrowed to the innermost such element (a
 *  "byline-block" also holds the date). */
function bylineFromMarkup(byTag: Map<string, El[]>): string | null {
  let el: El | undefined;
  for (const list of byTag.values()) {
    el = list.find(
      (e) => e.getAttribute('rel') === 'author' || e.getAttribute('itemprop') === 'author',
    );
    if (el) break;
  }
  if (el) el = elementsInOrder(el).find((e) => e.getAttribute('itemprop') === 'name') ?? el;
  if (!el) {
    for (const list of byTag.values()) {
      el = list.find(isBylineElement);
      if (el) break;
    }
    for (let inner = el; inner;) {
      el = inner;
      inner = elementsInOrder(inner).find((e) => e !== inner && isBylineElement(e));
    }
  }
  const t = el ? text(el) : null;
  return t && t.length <= MAX_BYLINE_CHARS ? t : null;
}

/** Words that name an outlet or a job, not a person: a byline part holding one is dropped
 *  ("Carys Moyle, Saltmere Evening Star" -> "Carys Moyle"). */
const NOT_A_PERSON =
  /\b(times|star|news|post|herald|press|daily|chronicle|gazette|journal|tribune|review|radio|tv|television|agency|wire|media|magazine|mail|telegraph|guardian|observer|standard|express|independent|correspondent|reporter|editor|writer|staff|contributor|columnist)\b/i;

/** A byline as a name: without "By", without a date or "Published ..." run into it, without an
 *  outlet or job title after a comma. */
export function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  let t = raw
    .replace(/^(by|von|par|por|di)\s+/i, '')
    .replace(/\s*(\||—|–)?\s*\b(published|updated|posted|last updated)\b.*$/i, '')
    .trim();
  const parts = t.split(/\s*,\s*/);
  if (parts.length > 1) {
    const people = parts.filter((p, i) => i === 0 || !NOT_A_PERSON.test(p));
    t = people.join(', ');
  }
  return t || null;
}

function leadImage(
  meta: Map<string, string>,
  ldImage: string | null,
  pageUrl: string,
): ImageInfo | null {
  const src = safeUrl(
    firstMeta(meta, ['og:image', 'og:image:url', 'twitter:image']) ?? ldImage,
    pageUrl,
  );
  if (!src) return null;
  return { src, caption: firstMeta(meta, ['og:image:alt', 'twitter:image:alt']), credit: null };
}
