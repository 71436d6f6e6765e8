// The grouping lane: the one place where grouping decisions are made when many workers share a
// PostgreSQL store. Extraction and fingerprinting run on every worker in parallel; grouping runs
// in one lane at a time, guarded by a session advisory lock, in the pages' arrival order. Before
// it groups, the lane holder replays into its in-memory indexes whatever other lane holders
// stored since it last held the lane (by article seq), so its indexes equal the store's. The
// result is the partition a single process would make on the same input in the same order.
import type pg from 'pg';
import { Pipeline, SAVE_BATCH_PAGES, type PageOutcome, type PlacedPage } from '../pipeline.js';
import type { Store } from '../store/index.js';
import { nextPrepared, removeGrouped, type PreparedRow } from './page-queue.js';
import { decodePrepared } from './prepared-codec.js';

/** Session advisory lock key of the lane (distinct from the store's per-save lock). */
export const LANE_LOCK_KEY = 0x5709;
/** Pages read from the queue per round trip while holding the lane. */
export const LANE_BATCH_PAGES = 200;
/**
 * Longest a lane holder keeps the lane before handing back (milliseconds): short enough that a
 * regroup job stays far inside its expiry, long enough to amortise catching up.
 */
export const LANE_TURN_MS = 20_000;

export interface LaneTurn {
  /** False when another process held the lane; the caller retries later. */
  held: boolean;
  grouped: number;
  outcomes: Record<PageOutcome['status'], number>;
  /** True when the turn ended on time with pages possibly left: ask for another turn. */
  more: boolean;
}

export class GroupingLane {
  private pipeline: Pipeline | null = null;
  /** Highest article seq this process's indexes hold. */
  private watermark = 0;
  /** Editors' corrections in the store when the indexes were last warmed. */
  private corrections = 0;

  constructor(
    private readonly store: Store,
    private readonly pool: pg.Pool,
  ) {}

  /** Takes the lane if free, groups every ready page in arrival order, gives the lane back. */
  async turn(turnMs = LANE_TURN_MS): Promise<LaneTurn> {
    const outcomes: LaneTurn['outcomes'] = {
      processed: 0,
      duplicate: 0,
      'not-article': 0,
      unreadable: 0,
    };
    const lock = await this.pool.connect();
    try {
      const got = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        LANE_LOCK_KEY,
      ]);
      if (!got.rows[0]?.ok) return { held: false, grouped: 0, outcomes, more: false };
      try {
        return await this.groupReady(turnMs, outcomes);
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [LANE_LOCK_KEY]);
      }
    } finally {
      lock.release();
    }
  }

  private async groupReady(turnMs: number, outcomes: LaneTurn['outcomes']): Promise<LaneTurn> {
    const pipeline = await this.catchUp();
    const deadline = Date.now() + turnMs;
    let grouped = 0;
    try {
      for (;;) {
        const rows = await nextPrepared(this.pool, LANE_BATCH_PAGES);
        if (rows.length === 0) return { held: true, grouped, outcomes, more: false };
        for (let i = 0; i < rows.length; i += SAVE_BATCH_PAGES) {
          const slice = rows.slice(i, i + SAVE_BATCH_PAGES);
          for (const status of await this.placeRows(pipeline, slice)) outcomes[status] += 1;
          // Removed after the commit: a holder that dies in between leaves stored pages queued,
          // which the next holder finds stored and counts as duplicates.
          for (const row of slice) await removeGrouped(this.pool, row.seq);
          grouped += slice.length;
        }
        if (Date.now() > deadline) return { held: true, grouped, outcomes, more: true };
      }
    } catch (error) {
      // The indexes may now hold articles the store does not: start afresh next turn.
      this.pipeline = null;
      throw error;
    } finally {
      if (this.pipeline !== null) this.watermark = await maxArticleSeq(this.pool);
    }
  }

  /** Places queue rows in one save; rows whose bytes are stored already are duplicates. */
  private async placeRows(
    pipeline: Pipeline,
    rows: readonly PreparedRow[],
  ): Promise<PageOutcome['status'][]> {
    const statuses: PageOutcome['status'][] = [];
    const batch: PlacedPage[] = [];
    const inBatch = new Set<string>();
    for (const row of rows) {
      // A holder that died between its save and this row's removal left the page stored: the
      // store is the truth, and this process's indexes already replayed it.
      if (!(await pipeline.isNewPage(row.sha256, inBatch))) {
        statuses.push('duplicate');
        continue;
      }
      const prepared = decodePrepared(row.prepared);
      const { page, sha256, sourceUri } = row;
      batch.push({ page, sha256, sourceUri, prepared, now: page.fetchedAt });
    }
    // A page that failed fails the turn, as before batches: the pages placed around it are
    // stored, so the next holder finds them stored and counts them as duplicates.
    for (const result of await pipeline.placeBatch(batch)) {
      if ('error' in result) throw result.error;
      statuses.push(result.outcome.status);
    }
    return statuses;
  }

  /**
   * Warms the indexes on the first turn, replays what other holders stored on later ones. An
   * editor's correction recorded by another process since the last turn (rare) re-warms from
   * scratch: corrections replay at their place in the article order, not after it.
   */
  private async catchUp(): Promise<Pipeline> {
    const corrections = (await this.store.corrections()).length;
    if (this.pipeline === null || corrections !== this.corrections) {
      this.pipeline = await Pipeline.open(this.store);
      this.watermark = await maxArticleSeq(this.pool);
      this.corrections = corrections;
      return this.pipeline;
    }
    this.watermark = await this.pipeline.catchUp(this.watermark);
    return this.pipeline;
  }
}

async function maxArticleSeq(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM articles');
  return Number(result.rows[0]?.seq ?? 0);
}
