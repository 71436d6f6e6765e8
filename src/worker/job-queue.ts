// The job queue: pg-boss (decision 8) on the store's PostgreSQL database. Three kinds of job:
//   fetch-source  {uri}     read a source and queue its pages (page-queue.ts), with their jobs
//   process-page  {seqs}    extract, fingerprint and tag those pages (any worker, in parallel)
//   regroup       {}        one turn of the grouping lane (grouping-lane.ts)
// pg-boss gives retries, expiry of jobs whose worker died, and at most one queued regroup.
import PgBoss from 'pg-boss';
import pg from 'pg';
import { StorylineError, describeError } from '../errors.js';
import { withoutPassword } from '../store/codec.js';
import { createPageQueue, enqueuePages, type PageToEnqueue } from './page-queue.js';

export const FETCH_SOURCE = 'fetch-source';
export const PROCESS_PAGE = 'process-page';
export const REGROUP = 'regroup';

/** Pages per process-page job: large enough to amortise a job's bookkeeping (~3 queries). */
export const PAGES_PER_JOB = 50;

export interface QueueTiming {
  /**
   * A job whose worker died is retried after this long (seconds). Extraction is ~5 ms a page,
   * so 50 pages take well under a second; 5 minutes leaves room for a loaded machine.
   */
  expireSeconds: number;
  /** How often pg-boss looks for expired jobs (seconds). */
  maintenanceSeconds: number;
  /** How often an idle worker polls for jobs (seconds; pg-boss's minimum is 0.5). */
  pollingSeconds: number;
}

export const DEFAULT_TIMING: QueueTiming = {
  expireSeconds: 300,
  maintenanceSeconds: 30,
  pollingSeconds: 0.5,
};

export interface JobQueue {
  readonly boss: PgBoss;
  /** Pool on the store's database for the page queue (and the lane's lock). */
  readonly pool: pg.Pool;
  readonly timing: QueueTiming;
  /** Queues one fetch-source job per source (a file or folder path). */
  addSources(uris: readonly string[]): Promise<void>;
  /** Queues pages in order, with the process-page jobs that will prepare them. */
  addPages(pages: readonly PageToEnqueue[]): Promise<number[]>;
  requestRegroup(delaySeconds?: number): Promise<void>;
  close(): Promise<void>;
}

export interface QueueOptions {
  /** Schema of pg-boss's tables; `pgboss` unless a test wants its own. */
  schema?: string;
  timing?: Partial<QueueTiming>;
  /** Pages per process-page job (PAGES_PER_JOB); tests use 1 to spread copies over workers. */
  pagesPerJob?: number;
}

export async function openJobQueue(
  databaseUrl: string,
  options: QueueOptions = {},
): Promise<JobQueue> {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new StorylineError(
      'CONFIG_INVALID',
      `worker: the job queue needs PostgreSQL (DATABASE_URL=postgres://...), not ${withoutPassword(databaseUrl)}`,
    );
  }
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => {});
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: options.schema ?? 'pgboss',
    max: 4,
    maintenanceIntervalSeconds: timing.maintenanceSeconds,
    monitorStateIntervalSeconds: 60,
  });
  // pg-boss reports background failures (a lost connection) here; unhandled they would crash
  // the process, and the next job that cannot be served is retried anyway.
  boss.on('error', () => {});
  try {
    await boss.start();
    await createPageQueue(pool);
    const retry = { retryDelay: 2, retryBackoff: true, expireInSeconds: timing.expireSeconds };
    await boss.createQueue(FETCH_SOURCE, { name: FETCH_SOURCE, retryLimit: 5, ...retry });
    await boss.createQueue(PROCESS_PAGE, { name: PROCESS_PAGE, retryLimit: 10, ...retry });
    // stately: at most one regroup waiting and one running, so wake-ups never pile up.
    await boss.createQueue(REGROUP, {
      name: REGROUP,
      policy: 'stately',
      retryLimit: 100,
      ...retry,
      retryBackoff: false,
    });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await pool.end().catch(() => {});
    throw new StorylineError(
      'STORE_FAILED',
      `worker: unable to open the job queue on ${withoutPassword(databaseUrl)}: ${describeError(error)}`,
      {
        cause: error,
      },
    );
  }
  return {
    boss,
    pool,
    timing,
    async addSources(uris) {
      for (const uri of uris) await boss.send(FETCH_SOURCE, { uri }, {});
    },
    addPages: (pages) =>
      enqueuePages(pool, pages, async (db, seqs) => {
        const jobs = [];
        const size = options.pagesPerJob ?? PAGES_PER_JOB;
        for (let i = 0; i < seqs.length; i += size) {
          jobs.push({ name: PROCESS_PAGE, data: { seqs: seqs.slice(i, i + size) } });
        }
        await boss.insert(jobs, { db });
      }),
    async requestRegroup(delaySeconds = 0) {
      await boss.send(REGROUP, {}, delaySeconds > 0 ? { startAfter: delaySeconds } : {});
    },
    async close() {
      await boss.stop({ graceful: false, wait: true, close: true });
      await pool.end();
    },
  };
}
