// The fetch queue: every fetched document is written here (gzip) before anything reads it, and
// leaves only once it has been processed. A crash between fetch and processing therefore loses
// nothing: the next start finds the row and processes it. The same bytes are queued once.
import type { Kysely } from 'kysely';
import { compress, decompress, isoTime } from './codec.js';
import type { Database, FetchQueueTable } from './schema.js';
import type { Page } from '../types.js';

export interface QueuedPageToAdd {
  kind: FetchQueueTable['kind'];
  page: Page;
  sha256: string;
  sourceUri: string | null;
}

export interface QueuedPage {
  id: number;
  kind: FetchQueueTable['kind'];
  page: Page;
  sha256: string;
  sourceUri: string | null;
  attempts: number;
  lastError: string | null;
}

/** Queues a fetched document; returns its id, or null when the same bytes are queued already. */
export async function enqueuePage(
  db: Kysely<Database>,
  input: QueuedPageToAdd,
): Promise<number | null> {
  const source =
    input.sourceUri === null
      ? undefined
      : await db
          .selectFrom('sources')
          .select('id')
          .where('uri', '=', input.sourceUri)
          .executeTakeFirst();
  const row = await db
    .insertInto('fetch_queue')
    .values({
      source_id: source?.id ?? null,
      kind: input.kind,
      url: input.page.url,
      fetched_at: isoTime(input.page.fetchedAt),
      content_type: input.page.contentType,
      sha256: input.sha256,
      body: compress(input.page.body),
      last_error: null,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Queued documents tried fewer than `maxAttempts` times, oldest first. */
export async function pendingPages(
  db: Kysely<Database>,
  limit: number,
  maxAttempts: number,
): Promise<QueuedPage[]> {
  const rows = await db
    .selectFrom('fetch_queue')
    .leftJoin('sources', 'sources.id', 'fetch_queue.source_id')
    .select([
      'fetch_queue.id',
      'fetch_queue.kind',
      'fetch_queue.url',
      'fetch_queue.fetched_at',
      'fetch_queue.content_type',
      'fetch_queue.sha256',
      'fetch_queue.body',
      'fetch_queue.attempts',
      'fetch_queue.last_error',
      'sources.uri as source_uri',
    ])
    .where('fetch_queue.attempts', '<', maxAttempts)
    .orderBy('fetch_queue.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    page: {
      url: r.url,
      fetchedAt: new Date(r.fetched_at),
      contentType: r.content_type,
      body: decompress(r.body),
    },
    sha256: r.sha256,
    sourceUri: r.source_uri,
    attempts: r.attempts,
    lastError: r.last_error,
  }));
}

/** The document has been processed (whatever the outcome): it leaves the queue. */
export async function finishQueuedPage(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('fetch_queue').where('id', '=', id).execute();
}

/** Processing failed: the row stays, its attempt counted, for a later pass to retry. */
export async function failQueuedPage(
  db: Kysely<Database>,
  id: number,
  error: string,
): Promise<void> {
  await db
    .updateTable('fetch_queue')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error }))
    .where('id', '=', id)
    .execute();
}

/** True when these bytes wait in the queue. */
export async function isQueued(db: Kysely<Database>, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('fetch_queue')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row !== undefined;
}
