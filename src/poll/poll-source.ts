// One poll of one source, in order: conditional GET; the raw document into the fetch queue
// BEFORE anything reads it; processing (process-queued.ts); then the source's health record
// (last success or error, consecutive failures, HTTP status) and its next poll time.
import { createHash } from 'node:crypto';
import { FetchError } from '../fetch/index.js';
import type { SourceRow } from '../store/index.js';
import type { Page } from '../types.js';
import type { PollContext } from './context.js';
import { processQueued, type QueuedOutcome } from './process-queued.js';
import { nextSchedule, type PollResult } from './schedule.js';

export type SourcePoll =
  | { uri: string; kind: 'not-modified' }
  | { uri: string; kind: 'processed'; outcome: QueuedOutcome }
  | { uri: string; kind: 'failed'; error: string };

const ACCEPT = {
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5',
  page: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
};

export async function pollSource(ctx: PollContext, source: SourceRow): Promise<SourcePoll> {
  const { uri } = source;
  const startedAt = ctx.now();
  try {
    const fetched = await ctx.fetcher.get(uri, {
      etag: source.etag,
      lastModified: source.lastModified,
      accept: source.kind === 'page' ? ACCEPT.page : ACCEPT.feed,
    });
    const validators = { etag: fetched.etag, lastModified: fetched.lastModified };
    if (fetched.kind === 'not-modified') {
      await record(ctx, source, startedAt, { kind: 'quiet' }, null, 304, validators);
      ctx.log(`poll: ${uri}: not modified (304)${nextIn(ctx, source, { kind: 'quiet' })}`);
      return { uri, kind: 'not-modified' };
    }
    const page: Page = {
      url: fetched.url,
      fetchedAt: ctx.now(),
      contentType: fetched.contentType,
      body: fetched.body,
    };
    const sha256 = createHash('sha256').update(page.body).digest('hex');
    // Raw bytes first: from here on a crash loses nothing (the next start processes the row).
    const id = await ctx.store.enqueuePage({
      kind: source.kind === 'page' ? 'page' : 'feed',
      page,
      sha256,
      sourceUri: uri,
    });
    if (id === null) {
      await record(ctx, source, startedAt, { kind: 'quiet' }, null, fetched.status, validators);
      ctx.log(`poll: ${uri}: unchanged bytes, already queued`);
      return { uri, kind: 'not-modified' };
    }
    const outcome = await processQueued(ctx, {
      id,
      kind: source.kind === 'page' ? 'page' : 'feed',
      page,
      sha256,
      sourceUri: uri,
      attempts: 0,
      lastError: null,
    });
    const error =
      outcome.kind === 'not-a-feed' ? `not a feed: ${outcome.reason}` : pageError(outcome);
    const result: PollResult =
      error !== null
        ? { kind: 'failed', failures: source.failures + 1, retryAfterMs: null }
        : hasNews(outcome)
          ? { kind: 'new-items' }
          : { kind: 'quiet' };
    await record(
      ctx,
      source,
      startedAt,
      result,
      error,
      fetched.status,
      error === null ? validators : {},
    );
    const streak = error === null ? '' : `; failure ${source.failures + 1} in a row`;
    ctx.log(`poll: ${uri}: ${describe(outcome)}${streak}${nextIn(ctx, source, result)}`);
    return { uri, kind: 'processed', outcome };
  } catch (error) {
    if (!(error instanceof FetchError)) {
      const message = error instanceof Error ? error.message : String(error);
      await record(
        ctx,
        source,
        startedAt,
        { kind: 'failed', failures: source.failures + 1, retryAfterMs: null },
        message,
        null,
        {},
      ).catch(() => undefined);
      ctx.log(`poll: ${uri}: ${message}`);
      return { uri, kind: 'failed', error: message };
    }
    const result: PollResult =
      error.reason === 'gone'
        ? { kind: 'gone' }
        : { kind: 'failed', failures: source.failures + 1, retryAfterMs: error.retryAfterMs };
    await record(ctx, source, startedAt, result, error.message, error.httpStatus, {});
    const streak = source.failures + 1;
    ctx.log(
      `${error.message.replace(/^fetch: /, 'poll: ')}; failure ${streak} in a row${error.reason === 'gone' ? ' (gone: polling once a day)' : ''}${nextIn(ctx, source, result)}`,
    );
    return { uri, kind: 'failed', error: error.message };
  }
}

async function record(
  ctx: PollContext,
  source: SourceRow,
  at: Date,
  result: PollResult,
  error: string | null,
  httpStatus: number | null,
  validators: { etag?: string | null; lastModified?: string | null },
): Promise<void> {
  const schedule = nextSchedule(source.pollIntervalS, result, ctx.now(), ctx.config);
  await ctx.store.recordSourceFetch(source.uri, {
    at: at.toISOString(),
    error,
    httpStatus,
    nextPollAt: schedule.nextPollAt,
    pollIntervalS: schedule.intervalS,
    newItems: result.kind === 'new-items',
    ...validators,
  });
}

function nextIn(ctx: PollContext, source: SourceRow, result: PollResult): string {
  const { nextPollAt } = nextSchedule(source.pollIntervalS, result, ctx.now(), ctx.config);
  const minutes = (Date.parse(nextPollAt) - ctx.now().getTime()) / 60_000;
  return `; next poll in ${minutes >= 60 ? `${(minutes / 60).toFixed(1)} h` : `${Math.round(minutes)} min`}`;
}

function pageError(outcome: QueuedOutcome): string | null {
  if (outcome.kind !== 'page' || outcome.outcome.status !== 'unreadable') return null;
  return outcome.outcome.reason;
}

function hasNews(outcome: QueuedOutcome): boolean {
  if (outcome.kind === 'feed') return outcome.tally.new + outcome.tally.changed > 0;
  return (
    outcome.kind === 'page' &&
    outcome.outcome.status === 'processed' &&
    outcome.outcome.inserted + outcome.outcome.revised > 0
  );
}

export function describe(outcome: QueuedOutcome): string {
  if (outcome.kind === 'not-a-feed') return `not a feed: ${outcome.reason}`;
  if (outcome.kind === 'page') {
    const o = outcome.outcome;
    if (o.status === 'processed')
      return `page processed: ${o.inserted} new, ${o.revised} revised, ${o.unchanged} unchanged article(s)`;
    if (o.status === 'duplicate') return 'page unchanged (same bytes stored)';
    return `page ${o.status}: ${o.reason}`;
  }
  const t = outcome.tally;
  const parts = [
    `${outcome.format}, ${t.items} items: ${t.new} new, ${t.changed} changed (${t.revised} revisions), ${t.unchanged} unchanged`,
  ];
  if (t.deferred > 0) parts.push(`${t.deferred} left for the next poll`);
  if (t.failed > 0) parts.push(`${t.failed} could not be fetched`);
  if (t.vanished > 0) parts.push(`${t.vanished} left the feed (their articles stay)`);
  if (t.duplicateKeys > 0) parts.push(`${t.duplicateKeys} duplicate GUIDs ignored`);
  if (t.malformed !== null) parts.push(`malformed XML, items recovered: ${t.malformed}`);
  return parts.join('; ');
}
