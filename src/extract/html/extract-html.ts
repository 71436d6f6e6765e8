// HTML pages, in order:
//  1. strip scripts, styles, comments and chrome from the markup, cap pathological nesting
//     (a smaller, safe tree for the parser), then parse with linkedom;
//  2. read metadata from the whole document (before anything else is removed: it needs
//     JSON-LD, <meta>, <h1>, <time>);
//  3. remove code and chrome elements, count text and links per element once, prune furniture
//     subtrees (sidebars, comments, forms);
//  4. find the body: a single itemprop=articleBody, else the best-scoring container with its
//     sibling and same-class sections;
//  5. read paragraphs and sanitised HTML in one pass, then drop title, widget and byline lines
//     from both (sanitise before anything leaves: unsafe HTML never reaches storage);
//  6. listings and bodies too short to be articles are "not-article"; Readability gets one try
//     when our scorer finds too little.
import { DOMParser } from 'linkedom';
import type { Article, Extraction, ImageInfo, Page } from '../../types.js';
import { makeArticle } from '../article.js';
import { dateFromDateline } from '../dates.js';
import { detectLanguage } from '../language.js';
import { readMetadata, type PageMetadata } from '../metadata/read-metadata.js';
import { readWire } from '../wire.js';
import { capNesting } from './cap-nesting.js';
import { stripInert } from './strip-inert.js';
import { collect, type Collected } from './collect.js';
import { dropBoilerplate } from './boilerplate.js';
import { dropFromHtml } from './drop-from-html.js';
import { bylineFromLines, trimEdges } from './edges.js';
import { readabilityBody } from './fallback.js';
import { elementsInOrder, hintsOf, indexByTag, tagOf, type El } from './dom.js';
import { isUnlikely } from './hints.js';
import { DROP_TAGS } from './prune.js';
import { bestCandidate, markedBody } from './score.js';
import { outermostInOrder, sameClassBlocks, withSiblings } from './siblings.js';
import { looksLikeListing } from './listing.js';
import { computeStats, type StatsMap } from './stats.js';

/** Least body text for an article (characters). Shorter bodies are teasers, listings, walls. */
const MIN_ARTICLE_CHARS = 200;
/** An "unlikely" subtree (sidebar, comments, ...) is kept when it holds more than this share of
 *  the page text: then it is a mislabelled wrapper of the whole page, not furniture. */
const MAX_UNLIKELY_TEXT_SHARE = 0.5;

/** Readability is only tried on pages up to this many elements: it is super-linear on huge DOMs
 *  (50,000 links take over 10 s) and such pages are listings, not articles. The largest page of
 *  the extraction benchmark has about 1,600 elements. */
const MAX_FALLBACK_ELEMENTS = 20_000;

interface Doc {
  documentElement: El | null;
  body: El | null;
  querySelector(s: string): El | null;
  querySelectorAll(s: string): Iterable<El>;
}

export function extractHtml(html: string, page: Page, now: Date, encoding: string): Extraction {
  void now; // HTML pages carry absolute dates; kept for symmetry with the text path.
  const doc = parse(capNesting(stripInert(html)));
  const byTag = indexByTag(doc.documentElement);
  const meta = readMetadata(doc, page.url, byTag);
  const root = doc.body ?? doc.documentElement;
  if (!root) return { kind: 'not-article', reason: 'extract: empty document', encoding };
  const baseUrl = meta.url ?? page.url;
  const read = readBody(root, byTag, baseUrl);
  let body = read.body;
  let paragraphs = cleanParagraphs(body, meta);
  // A page that declares itself an article is not a listing, whatever teasers it carries.
  if (!meta.declaredArticle && looksLikeListing(read.blocks, paragraphs)) {
    return {
      kind: 'not-article',
      reason: 'extract: a listing of other articles (linked headings, little prose)',
      encoding,
    };
  }
  if (
    charCount(paragraphs) < MIN_ARTICLE_CHARS &&
    elementsInOrder(root).length <= MAX_FALLBACK_ELEMENTS
  ) {
    // Our scorer found too little: give Readability a chance before calling it "no article".
    const fallback = readabilityBody(capNesting(html), baseUrl);
    const cleaned = fallback ? cleanParagraphs(fallback, meta) : [];
    if (fallback && charCount(cleaned) >= MIN_ARTICLE_CHARS)
      [body, paragraphs] = [fallback, cleaned];
  }
  const chars = charCount(paragraphs);
  if (chars < MIN_ARTICLE_CHARS) {
    return {
      kind: 'not-article',
      reason: `extract: no article found (${chars} characters of body text)`,
      encoding,
    };
  }
  // A byline printed only as a header line ("From Meridian Press wire reports").
  const withByline = meta.byline ? meta : { ...meta, byline: bylineFromLines(body.paragraphs) };
  const kept = new Set(paragraphs);
  const dropped = new Set(body.paragraphs.filter((p) => !kept.has(p)));
  const cleanBody = { ...body, html: dropFromHtml(body.html, dropped) };
  return {
    kind: 'article',
    article: toArticle(withByline, cleanBody, paragraphs, page.fetchedAt),
    related: [],
    encoding,
  };
}

/** linkedom leaves documentElement null (and its `body` getter throws) when the markup has no
 *  element at all, e.g. a bare "!" : such input is wrapped in a document of its own. */
function parse(html: string): Doc {
  const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Doc;
  if (doc.documentElement) return doc;
  return new DOMParser().parseFromString(
    `<html><body>${html}</body></html>`,
    'text/html',
  ) as unknown as Doc;
}

function cleanParagraphs(body: Collected, meta: PageMetadata): string[] {
  const paragraphs = dropTitle(body.paragraphs, meta.title);
  return trimEdges(dropBoilerplate(dropStandfirst(paragraphs, meta.description)), meta.byline);
}

function charCount(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

function readBody(
  root: El,
  byTag: Map<string, El[]>,
  baseUrl: string,
): { body: Collected; blocks: El[] } {
  // Code and chrome go first, found through the tag index (no extra walk); <header> and <h1>
  // stay until collect() so a header-wrapped body can still be scored.
  for (const [tag, els] of byTag)
    if (DROP_TAGS.has(tag) && tag !== 'header' && tag !== 'h1') for (const el of els) el.remove();
  const computed = computeStats(root);
  const stats = computed.stats;
  const order = pruneUnlikely(root, stats, computed.order);
  const marked = markedBody(order, stats);
  if (marked) return { body: collect(marked, stats, baseUrl), blocks: [marked] };
  const found = bestCandidate(order, stats);
  if (!found) return { body: collect(root, stats, baseUrl), blocks: [root] };
  const blocks = outermostInOrder(
    [
      ...withSiblings(found.best, found.scores, stats),
      ...sameClassBlocks(found.best.el, order, stats),
    ],
    order,
  );
  const parts = blocks.map((el) => collect(el, stats, baseUrl));
  const body = {
    paragraphs: parts.flatMap((p) => p.paragraphs),
    html: parts.map((p) => p.html).join(''),
    images: parts.flatMap((p) => p.images),
  };
  return { body, blocks };
}

/** Removes furniture subtrees (sidebars, comments, forms, ...) that hold at most a bounded
 *  share of the page text, outermost first, and takes their counts off their ancestors so the
 *  statistics stay exact without a second pass. Returns the element order without them. */
function pruneUnlikely(root: El, stats: StatsMap, order: El[]): El[] {
  const total = stats.get(root)?.text ?? 0;
  const gone = new Set<El>();
  const doomed: El[] = [];
  for (const el of order) {
    const parent = el.parentElement;
    if (parent && gone.has(parent)) {
      gone.add(el);
      continue;
    }
    if (el === root || !(isUnlikely(hintsOf(el)) || tagOf(el) === 'form')) continue;
    if ((stats.get(el)?.text ?? 0) > total * MAX_UNLIKELY_TEXT_SHARE) continue;
    doomed.push(el);
    gone.add(el);
  }
  for (const el of doomed) {
    const s = stats.get(el)!;
    for (let a = el.parentElement; a; a = a.parentElement) {
      const t = stats.get(a);
      if (!t) break;
      t.text -= s.text;
      t.link -= s.link;
      t.commas -= s.commas;
      t.paragraphs -= s.paragraphs;
    }
    el.remove();
  }
  return gone.size === 0 ? order : order.filter((el) => !gone.has(el));
}

/** Opening paragraphs searched for the standfirst. */
const STANDFIRST_LINES = 2;

/** The standfirst printed above the story repeats the page's description and, unlike a lead
 *  paragraph (which many sites also copy into the description), reads as a headline: no full
 *  stop. Metadata, not body. Only when more body follows it. */
function dropStandfirst(paragraphs: string[], description: string | null): string[] {
  if (!description || paragraphs.length <= STANDFIRST_LINES) return paragraphs;
  const norm = (s: string): string => s.toLowerCase().replace(/\W+/g, ' ').trim();
  const d = norm(description);
  const at = paragraphs
    .slice(0, STANDFIRST_LINES)
    .findIndex((p) => !/[.!?"”…。！？]$/.test(p) && norm(p) === d);
  return at < 0 ? paragraphs : paragraphs.filter((_, i) => i !== at);
}

/** The headline often opens the container: it is metadata, not body. */
function dropTitle(paragraphs: string[], title: string | null): string[] {
  if (!title || paragraphs.length === 0) return paragraphs;
  const norm = (s: string): string => s.toLowerCase().replace(/\W+/g, ' ').trim();
  const t = norm(title);
  const at = paragraphs.slice(0, 3).findIndex((p) => norm(p) === t);
  return at < 0 ? paragraphs : paragraphs.filter((_, i) => i !== at);
}

function toArticle(
  meta: PageMetadata,
  body: Collected,
  paragraphs: string[],
  fetchedAt: Date,
): Article {
  const wire = readWire(paragraphs, { byline: meta.byline, authors: meta.authorNames });
  const text = wire.paragraphs;
  return makeArticle({
    url: meta.url,
    title: meta.title,
    outlet: meta.outlet,
    byline: meta.byline,
    published: meta.published ?? dateFromDateline(wire.dateline, fetchedAt),
    updated: meta.updated,
    dateline: wire.dateline,
    credit: wire.credit,
    language: meta.language ?? detectLanguage(text.join(' ')),
    paragraphs: text,
    html: body.html,
    images: images(meta.leadImage, body),
  });
}

function images(lead: ImageInfo | null, body: Collected): ImageInfo[] {
  const out: ImageInfo[] = body.images.map((i) => ({
    src: i.src,
    caption: i.caption ?? i.alt,
    credit: i.credit,
  }));
  if (lead && !out.some((i) => i.src === lead.src)) out.unshift(lead);
  return out;
}
