// Processing a queued document, after it is safely in the fetch queue:
//   page → the pipeline (extract, group, store), then the row leaves the queue;
//   feed → parse; each new or changed item goes to the pipeline (as an article record when the
//          item carries the article, else its article page is fetched, queued and processed);
//          the items are remembered, then the row leaves the queue.
// A crash anywhere leaves the row queued; processing it again is safe because items already
// stored are duplicates (same bytes) and are skipped.
import { createHash } from 'node:crypto';
import { FetchError } from '../fetch/index.js';
import {
  cleanUrl,
  discoverFeeds,
  parseFeed,
  type FeedItem,
  type ParsedFeed,
} from '../feeds/index.js';
import type { PageOutcome } from '../pipeline.js';
import type { QueuedPage } from '../store/index.js';
import type { Page } from '../types.js';
import type { PollContext } from './context.js';
import { itemPage } from './item-page.js';

export interface FeedTally {
  items: number;
  new: number;
  changed: number;
  unchanged: number;
  /** Items that revised a stored article (the pipeline's count). */
  revised: number;
  /** Items left for the next poll (page fetch cap reached, or a transient fetch failure). */
  deferred: number;
  failed: number;
  /** Items of the previous poll that are no longer in the feed (their articles stay). */
  vanished: number;
  duplicateKeys: number;
  malformed: string | null;
}

export type QueuedOutcome =
  | { kind: 'page'; outcome: PageOutcome }
  | { kind: 'feed'; tally: FeedTally; format: ParsedFeed['format'] }
  | { kind: 'not-a-feed'; reason: string };

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** Processes one queued row and removes it from the queue; a failure counts an attempt. */
export async function processQueued(ctx: PollContext, queued: QueuedPage): Promise<QueuedOutcome> {
  try {
    const outcome =
      queued.kind === 'page'
        ? ({ kind: 'page', outcome: await ctx.process(queued.page, queued.sourceUri) } as const)
        : await processFeedDocument(ctx, queued, 0);
    await ctx.store.finishQueuedPage(queued.id);
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await ctx.store.failQueuedPage(queued.id, message);
    throw error;
  }
}

async function processFeedDocument(
  ctx: PollContext,
  queued: QueuedPage,
  depth: number,
): Promise<QueuedOutcome> {
  const { page } = queued;
  const parsed = parseFeed(page.body, page.contentType, page.url);
  if (parsed.kind === 'not-a-feed')
    return { kind: 'not-a-feed', reason: explain(parsed.reason, page) };
  const feed = parsed.feed;
  const uri = queued.sourceUri;
  const tally: FeedTally = {
    items: feed.items.length,
    new: 0,
    changed: 0,
    unchanged: 0,
    revised: 0,
    deferred: 0,
    failed: 0,
    vanished: 0,
    duplicateKeys: feed.duplicateKeys,
    malformed: feed.malformed,
  };
  if (feed.format === 'sitemap-index') {
    if (depth === 0) await readChildSitemaps(ctx, feed.children, queued, tally);
    return { kind: 'feed', tally, format: feed.format };
  }
  const known = new Map(
    (uri === null ? [] : await ctx.store.sourceItems(uri)).map((i) => [i.key, i]),
  );
  const seen: { key: string; hash: string; url: string | null }[] = [];
  let pageFetches = 0;
  for (const item of feed.items) {
    const before = known.get(item.key);
    if (before !== undefined && before.hash === item.hash) {
      tally.unchanged += 1;
      seen.push({ key: item.key, hash: item.hash, url: item.url });
      continue;
    }
    const needsPage = !item.fullText && item.url !== null;
    if (needsPage && pageFetches >= ctx.config.maxPageFetchesPerPoll) {
      tally.deferred += 1;
      continue;
    }
    if (needsPage) pageFetches += 1;
    const result = await ingestItem(ctx, item, page, uri, needsPage);
    if (result === 'deferred') {
      tally.deferred += 1;
      continue;
    }
    if (result === 'failed') tally.failed += 1;
    else {
      if (before === undefined) tally.new += 1;
      else tally.changed += 1;
      if (result !== null && result.status === 'processed') tally.revised += result.revised;
    }
    seen.push({ key: item.key, hash: item.hash, url: item.url });
  }
  tally.vanished = countVanished(known, new Set(feed.items.map((i) => i.key)));
  if (uri !== null) {
    const at = page.fetchedAt.toISOString();
    await ctx.store.markSourceItems(uri, seen, at);
    const forgetBefore = new Date(
      page.fetchedAt.getTime() - ctx.config.itemMemoryDays * 86_400_000,
    );
    await ctx.store.forgetSourceItems(uri, forgetBefore.toISOString());
  }
  return { kind: 'feed', tally, format: feed.format };
}

/**
 * One new or changed item into the store. Returns the pipeline's outcome, null when there was
 * nothing to store, 'deferred' to try again at the next poll, 'failed' when it cannot be had.
 */
async function ingestItem(
  ctx: PollContext,
  item: FeedItem,
  feedPage: Page,
  uri: string | null,
  needsPage: boolean,
): Promise<PageOutcome | null | 'deferred' | 'failed'> {
  const teaser = () =>
    item.paragraphs.length === 0
      ? Promise.resolve(null)
      : ctx.process(itemPage(item, feedPage.url, feedPage.fetchedAt), uri);
  if (!needsPage) return teaser();
  try {
    const fetched = await ctx.fetcher.get(item.url!, { accept: ACCEPT_HTML });
    if (fetched.kind !== 'ok') return teaser();
    const articlePage: Page = {
      // After redirects; a tracking parameter a redirect added is dropped like the feed's own.
      url: cleanUrl(fetched.url),
      fetchedAt: ctx.now(),
      contentType: fetched.contentType,
      body: fetched.body,
    };
    const outcome = await processFetchedPage(ctx, articlePage, uri);
    // A page with no article (a paywall, a video page): keep at least what the feed said.
    if (outcome.status === 'not-article' || outcome.status === 'unreadable')
      return (await teaser()) ?? outcome;
    return outcome;
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (error.transient) {
      ctx.log(
        `poll: ${uri ?? feedPage.url}: item ${item.url}: ${error.message}; will retry next poll`,
      );
      return 'deferred';
    }
    ctx.log(
      `poll: ${uri ?? feedPage.url}: item ${item.url}: ${error.message}; keeping the feed's teaser`,
    );
    return (await teaser()) ?? 'failed';
  }
}

/** Queues a fetched article page (raw bytes first), then processes it. */
export async function processFetchedPage(
  ctx: PollContext,
  page: Page,
  uri: string | null,
): Promise<PageOutcome> {
  const sha256 = createHash('sha256').update(page.body).digest('hex');
  const id = await ctx.store.enqueuePage({ kind: 'page', page, sha256, sourceUri: uri });
  if (id === null) return { status: 'duplicate' }; // the same bytes wait in the queue already
  const outcome = await processQueued(ctx, {
    id,
    kind: 'page',
    page,
    sha256,
    sourceUri: uri,
    attempts: 0,
    lastError: null,
  });
  return outcome.kind === 'page' ? outcome.outcome : { status: 'duplicate' };
}

async function readChildSitemaps(
  ctx: PollContext,
  children: string[],
  parent: QueuedPage,
  tally: FeedTally,
): Promise<void> {
  for (const url of children.slice(0, ctx.config.maxChildSitemaps)) {
    try {
      const fetched = await ctx.fetcher.get(url, {
        accept: 'application/xml,text/xml;q=0.9,*/*;q=0.5',
      });
      if (fetched.kind !== 'ok') continue;
      const page: Page = {
        url: fetched.url,
        fetchedAt: ctx.now(),
        contentType: fetched.contentType,
        body: fetched.body,
      };
      const sha256 = createHash('sha256').update(page.body).digest('hex');
      const id = await ctx.store.enqueuePage({
        kind: 'feed',
        page,
        sha256,
        sourceUri: parent.sourceUri,
      });
      if (id === null) continue;
      const child = await processFeedDocument(ctx, { ...parent, id, page, sha256 }, 1);
      await ctx.store.finishQueuedPage(id);
      if (child.kind !== 'feed') continue;
      for (const k of [
        'items',
        'new',
        'changed',
        'unchanged',
        'revised',
        'deferred',
        'failed',
        'vanished',
        'duplicateKeys',
      ] as const)
        tally[k] += child.tally[k];
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      ctx.log(`poll: ${parent.sourceUri ?? parent.page.url}: child sitemap ${error.message}`);
    }
  }
}

/** Items present at the previous poll (the latest last-seen time) and missing now. */
function countVanished(known: Map<string, { lastSeen: string }>, current: Set<string>): number {
  let latest = '';
  for (const item of known.values()) if (item.lastSeen > latest) latest = item.lastSeen;
  let vanished = 0;
  for (const [key, item] of known) if (item.lastSeen === latest && !current.has(key)) vanished += 1;
  return vanished;
}

/** An HTML page where a feed was expected: name the feeds it announces, if any. */
function explain(reason: string, page: Page): string {
  if (!reason.startsWith('an HTML page')) return reason;
  const feeds = discoverFeeds(page.body, page.contentType, page.url);
  return feeds.length === 0
    ? reason
    : `${reason} (it announces ${feeds.map((f) => f.url).join(', ')})`;
}
