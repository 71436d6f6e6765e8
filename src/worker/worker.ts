// `storyline worker`: takes jobs from the queue until stopped. Any number of worker processes
// may run, on any machines, against one PostgreSQL store; see docs/scaling.md.
import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { describeError } from '../errors.js';
import { preparePage, type PreparedPage } from '../pipeline.js';
import type { Store } from '../store/index.js';
import type { Page } from '../types.js';
import { GroupingLane } from './grouping-lane.js';
import { FETCH_SOURCE, PROCESS_PAGE, REGROUP, type JobQueue } from './job-queue.js';
import { markPrepared, queuedPages } from './page-queue.js';
import { encodePrepared } from './prepared-codec.js';
import { readSource } from './read-source.js';

/**
 * process-page jobs taken per poll. pg-boss waits its polling interval between fetches even
 * when work is waiting, so one job per fetch caps a worker at 2 jobs a second.
 */
export const JOBS_PER_FETCH = 8;

export interface WorkerOptions {
  maxPageBytes: number;
  log: (line: string) => void;
  /** process-page jobs run at once in this process (extraction is CPU-bound: 1 per core). */
  concurrency?: number;
}

export interface RunningWorker {
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
}

export async function startWorker(
  store: Store,
  queue: JobQueue,
  options: WorkerOptions,
): Promise<RunningWorker> {
  const { boss, timing } = queue;
  const lane = new GroupingLane(store, queue.pool);
  // Preparing is CPU-bound and synchronous (~11 ms a page); run between the lane's queries it
  // starved them (11 articles/s with one worker). While this process holds the lane, it only
  // groups; other workers keep preparing.
  let laneTurn: Promise<unknown> = Promise.resolve();
  const polling = { pollingIntervalSeconds: timing.pollingSeconds };
  const ids: string[] = [];
  ids.push(
    await boss.work<{ uri: string }>(FETCH_SOURCE, polling, async ([job]) => {
      if (job) await fetchSource(queue, job.data.uri, options);
    }),
  );
  for (let i = 0; i < (options.concurrency ?? 1); i++) {
    ids.push(
      await boss.work<{ seqs: number[] }>(
        PROCESS_PAGE,
        { ...polling, batchSize: JOBS_PER_FETCH },
        async (jobs) => {
          await processPages(
            queue,
            jobs.flatMap((job) => job.data.seqs),
            () => laneTurn,
          );
        },
      ),
    );
  }
  ids.push(
    await boss.work(REGROUP, polling, async () => {
      const running = lane.turn();
      laneTurn = running.catch(() => {});
      const turn = await running;
      if (!turn.held) {
        // Another process holds the lane; look again shortly (it may be finishing its turn).
        await queue.requestRegroup(1);
        return;
      }
      if (turn.grouped > 0)
        options.log(`worker: grouped ${turn.grouped} page(s) ${JSON.stringify(turn.outcomes)}`);
      if (turn.more) await queue.requestRegroup();
    }),
  );
  return {
    async stop() {
      for (const id of ids) await boss.offWork({ id } as PgBoss.OffWorkOptions).catch(() => {});
    },
  };
}

/** Reads a source's pages and queues them, in source order, with their process-page jobs. */
async function fetchSource(queue: JobQueue, uri: string, options: WorkerOptions): Promise<void> {
  const { pages, errors } = await readSource(uri, options.maxPageBytes);
  for (const error of errors) options.log(`error: ${describeError(error)}`);
  const batch = pages.map((page: Page) => ({ sha256: sha256(page.body), page, sourceUri: uri }));
  const seqs = await queue.addPages(batch);
  options.log(`worker: queued ${seqs.length} page(s) from ${uri}`);
}

/**
 * The parallel half: extraction, fingerprints and topics for pages still queued. A retried job
 * finds the pages it already prepared gone from `queued` and skips them.
 */
async function processPages(
  queue: JobQueue,
  seqs: number[],
  laneTurn: () => Promise<unknown>,
): Promise<void> {
  let sinceRegroup = 0;
  for (const row of await queuedPages(queue.pool, seqs)) {
    await laneTurn();
    await markPrepared(queue.pool, row.seq, encodePrepared(prepareSafely(row.page)));
    // Wake the lane as the head of the queue becomes ready, not only after the whole batch.
    if (++sinceRegroup === PAGES_PER_REGROUP) {
      await queue.requestRegroup();
      sinceRegroup = 0;
    }
  }
  await queue.requestRegroup();
}

/** Pages prepared between two wake-ups of the lane (a wake-up is one pg-boss insert). */
export const PAGES_PER_REGROUP = 50;

/** Extraction never stops the queue: a page it throws on is reported like an unreadable one. */
function prepareSafely(page: Page): PreparedPage {
  try {
    // The page's fetch time is its clock, so a page means the same on every worker.
    return preparePage(page, page.fetchedAt);
  } catch (error) {
    return {
      kind: 'unreadable',
      code: 'INPUT_CORRUPT',
      reason: `extract failed: ${describeError(error)}`,
    };
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
