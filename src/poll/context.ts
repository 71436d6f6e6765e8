// What every part of the poller shares: the store, the pipeline (behind a one-at-a-time gate),
// the fetcher, the settings, the clock and the log.
import type { Fetcher } from '../fetch/index.js';
import type { PageOutcome, Pipeline } from '../pipeline.js';
import type { Store } from '../store/index.js';
import type { Page } from '../types.js';
import { DEFAULT_SCHEDULE, type ScheduleLimits } from './schedule.js';
import { Serial } from './serial.js';

export interface PollConfig extends ScheduleLimits {
  /** Sources fetched at once (each host still gets its own politeness limits). */
  sourceConcurrency: number;
  /** Article pages fetched for teaser items in one poll of one source; the rest wait. */
  maxPageFetchesPerPoll: number;
  /** Child sitemaps of a sitemap index read in one poll (newest first). */
  maxChildSitemaps: number;
  /** A queued document that failed this many times is left for a person to look at. */
  maxQueueAttempts: number;
  /** Items not seen in a feed for this long are forgotten (days). */
  itemMemoryDays: number;
  /** How often `serve` starts a pass (ms). */
  tickMs: number;
}

export const DEFAULT_POLL_CONFIG: Readonly<PollConfig> = Object.freeze({
  ...DEFAULT_SCHEDULE,
  sourceConcurrency: 8,
  // A busy wire feed posts ~50 items a day; 30 page fetches at 1 s per host is half a minute.
  maxPageFetchesPerPoll: 30,
  maxChildSitemaps: 3,
  maxQueueAttempts: 5,
  itemMemoryDays: 90,
  tickMs: 60_000,
});

export interface PollContext {
  store: Store;
  fetcher: Fetcher;
  config: Readonly<PollConfig>;
  now: () => Date;
  log: (line: string) => void;
  /** The pipeline, one page at a time. */
  process(page: Page, sourceUri: string | null): Promise<PageOutcome>;
}

export function pollContext(deps: {
  store: Store;
  pipeline: Pipeline;
  fetcher: Fetcher;
  config?: Partial<PollConfig>;
  now?: () => Date;
  log?: (line: string) => void;
}): PollContext {
  const serial = new Serial();
  const now = deps.now ?? (() => new Date());
  return {
    store: deps.store,
    fetcher: deps.fetcher,
    config: Object.freeze({ ...DEFAULT_POLL_CONFIG, ...deps.config }),
    now,
    log: deps.log ?? ((line) => void process.stderr.write(`${line}\n`)),
    process: (page, sourceUri) =>
      serial.run(() => deps.pipeline.processPage(page, sourceUri, now())),
  };
}
