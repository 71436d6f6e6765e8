// The page queue: pages waiting to be grouped, in arrival order, in a PostgreSQL table beside
// the store's. pg-boss carries the jobs (who does what, retries); this table carries the pages
// and their arrival order, which the grouping lane follows so that N workers group exactly as
// one process would on the same input. Rows leave the table once their page is grouped.
import { gunzipSync, gzipSync } from 'node:zlib';
import type pg from 'pg';
import type { Page } from '../types.js';

export const PAGE_QUEUE_TABLE = 'storyline_page_queue';

/**
 * Advisory lock key held while pages are enqueued: identity values are drawn in commit order,
 * so the lane never sees seq 6 committed while seq 5 is still on its way (it would group 6
 * first and differ from a single process).
 */
export const ENQUEUE_LOCK_KEY = 0x5708;

export type QueueState = 'queued' | 'prepared';

export interface QueuedPage {
  seq: number;
  sha256: string;
  page: Page;
  sourceUri: string | null;
}

export interface PreparedRow {
  seq: number;
  sha256: string;
  page: Page;
  sourceUri: string | null;
  /** JSON of the PreparedPage (src/worker/prepared-codec.ts). */
  prepared: string;
}

export interface PageToEnqueue {
  sha256: string;
  page: Page;
  sourceUri: string | null;
}

/** Creates the table if missing; workers starting together take turns (IF NOT EXISTS races). */
export async function createPageQueue(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [ENQUEUE_LOCK_KEY]);
    await createTable(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function createTable(client: pg.PoolClient): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS ${PAGE_QUEUE_TABLE} (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256 text NOT NULL UNIQUE,
    url text NOT NULL,
    fetched_at text NOT NULL,
    content_type text,
    source_uri text,
    body bytea NOT NULL,
    state text NOT NULL DEFAULT 'queued',
    prepared text)`);
}

/** Runs SQL on the enqueue transaction's connection (pg-boss's `db` option takes it). */
export interface SqlRunner {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Adds pages in the given order (bytes already queued are skipped) and, in the same
 * transaction, calls `withSeqs` with the new rows' seqs so the jobs that will prepare them
 * commit with them: a crash never leaves a queued page without a job.
 */
export async function enqueuePages(
  pool: pg.Pool,
  pages: readonly PageToEnqueue[],
  withSeqs: (db: SqlRunner, seqs: number[]) => Promise<void>,
): Promise<number[]> {
  if (pages.length === 0) return [];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [ENQUEUE_LOCK_KEY]);
    // One statement per batch; identity values follow the ORDER BY, so seq is input order.
    const result = await client.query<{ seq: string }>(
      `INSERT INTO ${PAGE_QUEUE_TABLE} (sha256, url, fetched_at, content_type, source_uri, body)
       SELECT sha256, url, fetched_at, content_type, source_uri, body
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[])
         WITH ORDINALITY AS p(sha256, url, fetched_at, content_type, source_uri, body, n)
       ORDER BY n
       ON CONFLICT (sha256) DO NOTHING RETURNING seq`,
      [
        pages.map((p) => p.sha256),
        pages.map((p) => p.page.url),
        pages.map((p) => p.page.fetchedAt.toISOString()),
        pages.map((p) => p.page.contentType),
        pages.map((p) => p.sourceUri),
        pages.map((p) => gzipSync(p.page.body)),
      ],
    );
    const seqs = result.rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    if (seqs.length > 0)
      await withSeqs({ executeSql: (text, values) => client.query(text, values) }, seqs);
    await client.query('COMMIT');
    return seqs;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The rows of `seqs` still waiting to be prepared (a retried job finds fewer or none). */
export async function queuedPages(pool: pg.Pool, seqs: readonly number[]): Promise<QueuedPage[]> {
  const result = await pool.query(
    `SELECT seq, sha256, url, fetched_at, content_type, source_uri, body FROM ${PAGE_QUEUE_TABLE}
     WHERE seq = ANY($1::bigint[]) AND state = 'queued' ORDER BY seq`,
    [seqs],
  );
  return result.rows.map((r) => ({
    seq: Number(r.seq),
    sha256: r.sha256,
    page: pageOf(r),
    sourceUri: r.source_uri,
  }));
}

/** Records a page's prepared articles; only a still-queued row changes (idempotent). */
export async function markPrepared(pool: pg.Pool, seq: number, prepared: string): Promise<void> {
  await pool.query(
    `UPDATE ${PAGE_QUEUE_TABLE} SET state = 'prepared', prepared = $2 WHERE seq = $1 AND state = 'queued'`,
    [seq, prepared],
  );
}

/**
 * The oldest prepared pages with no page still being prepared before them: grouping them now
 * cannot put anything out of arrival order.
 */
export async function nextPrepared(pool: pg.Pool, limit: number): Promise<PreparedRow[]> {
  const head = await pool.query<{ seq: string; state: QueueState }>(
    `SELECT seq, state FROM ${PAGE_QUEUE_TABLE} ORDER BY seq LIMIT $1`,
    [limit],
  );
  const ready: number[] = [];
  for (const row of head.rows) {
    if (row.state !== 'prepared') break;
    ready.push(Number(row.seq));
  }
  if (ready.length === 0) return [];
  const result = await pool.query(
    `SELECT seq, sha256, url, fetched_at, content_type, source_uri, body, prepared FROM ${PAGE_QUEUE_TABLE}
     WHERE seq = ANY($1::bigint[]) ORDER BY seq`,
    [ready],
  );
  return result.rows.map((r) => ({
    seq: Number(r.seq),
    sha256: r.sha256,
    page: pageOf(r),
    sourceUri: r.source_uri,
    prepared: r.prepared,
  }));
}

export async function removeGrouped(pool: pg.Pool, seq: number): Promise<void> {
  await pool.query(`DELETE FROM ${PAGE_QUEUE_TABLE} WHERE seq = $1`, [seq]);
}

export async function queueCounts(pool: pg.Pool): Promise<Record<QueueState, number>> {
  const result = await pool.query<{ state: QueueState; n: string }>(
    `SELECT state, count(*) AS n FROM ${PAGE_QUEUE_TABLE} GROUP BY state`,
  );
  const counts: Record<QueueState, number> = { queued: 0, prepared: 0 };
  for (const r of result.rows) counts[r.state] = Number(r.n);
  return counts;
}

function pageOf(r: {
  url: string;
  fetched_at: string;
  content_type: string | null;
  body: Buffer;
}): Page {
  return {
    url: r.url,
    fetchedAt: new Date(r.fetched_at),
    contentType: r.content_type,
    body: new Uint8Array(gunzipSync(r.body)),
  };
}
