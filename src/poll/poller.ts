// A polling pass: first the fetch queue (documents fetched before a crash or a failed save are
// processed before anything new is fetched), then every due source, several at once. `serve`
// runs a pass every tick; `storyline poll` runs one.
import type { SourceRow } from '../store/index.js';
import type { PollContext } from './context.js';
import { pollSource, type SourcePoll } from './poll-source.js';
import { processQueued } from './process-queued.js';
import { isDue } from './schedule.js';

export interface PassSummary {
  /** Queued documents from earlier runs processed first. */
  recovered: number;
  polled: number;
  notModified: number;
  processed: number;
  failed: number;
  /** Feed items stored as new or changed. */
  items: number;
}

/** Kinds the poller fetches; 'file' sources are read by `storyline ingest`. */
const POLLED_KINDS = new Set<SourceRow['kind']>(['feed', 'sitemap', 'page']);

/** Rows read per batch while draining the queue. */
const QUEUE_BATCH = 50;

export async function drainQueue(ctx: PollContext): Promise<number> {
  let done = 0;
  const tried = new Set<number>();
  for (;;) {
    const batch = (await ctx.store.pendingPages(QUEUE_BATCH, ctx.config.maxQueueAttempts)).filter(
      (q) => !tried.has(q.id),
    );
    if (batch.length === 0) return done;
    for (const queued of batch) {
      tried.add(queued.id);
      try {
        await processQueued(ctx, queued);
        done += 1;
        ctx.log(
          `poll: processed ${queued.kind} ${queued.page.url} fetched ${queued.page.fetchedAt.toISOString()} (was queued)`,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        ctx.log(
          `poll: queued ${queued.kind} ${queued.page.url}: attempt ${queued.attempts + 1} failed: ${message}`,
        );
      }
    }
  }
}

/** One pass: the queue, then every due source (all of them with `force`). */
export async function runPass(
  ctx: PollContext,
  options: { force?: boolean; only?: readonly string[] } = {},
): Promise<PassSummary> {
  const summary: PassSummary = {
    recovered: await drainQueue(ctx),
    polled: 0,
    notModified: 0,
    processed: 0,
    failed: 0,
    items: 0,
  };
  const now = ctx.now();
  const due = (await ctx.store.listSources()).filter(
    (s) =>
      POLLED_KINDS.has(s.kind) &&
      (options.only === undefined || options.only.includes(s.uri)) &&
      (options.force === true || isDue(s.nextPollAt, now)),
  );
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const source = due[next++]!;
      count(summary, await pollSource(ctx, source));
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(ctx.config.sourceConcurrency, due.length) }, worker),
  );
  return summary;
}

function count(summary: PassSummary, result: SourcePoll): void {
  summary.polled += 1;
  if (result.kind === 'not-modified') summary.notModified += 1;
  else if (result.kind === 'failed') summary.failed += 1;
  else {
    summary.processed += 1;
    if (result.outcome.kind === 'feed')
      summary.items += result.outcome.tally.new + result.outcome.tally.changed;
    if (result.outcome.kind === 'not-a-feed') {
      summary.processed -= 1;
      summary.failed += 1;
    }
  }
}

/** Runs a pass every `tickMs` until stopped; a pass never overlaps the previous one. */
export class BackgroundPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(private readonly ctx: PollContext) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = runPass(this.ctx)
        .catch((error: unknown) =>
          this.ctx.log(
            `poll: pass failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, this.ctx.config.tickMs);
        });
    };
    tick();
  }

  /** Stops ticking and waits for a running pass (fetches are bounded by their timeouts). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.running;
  }
}
