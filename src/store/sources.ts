// Sources: the places we ingest from, with what the fetcher needs for conditional GETs and
// back-off (etag, last_modified, consecutive failures).
import type { Kysely, Selectable } from 'kysely';
import type { Database, SourceTable } from './schema.js';

export type SourceKind = SourceTable['kind'];

export interface SourceRow {
  id: number;
  kind: SourceKind;
  uri: string;
  title: string | null;
  addedAt: string;
  lastOkAt: string | null;
  lastError: string | null;
  failures: number;
  etag: string | null;
  lastModified: string | null;
  /** When the poller fetches it next; null means at the next pass. */
  nextPollAt: string | null;
  /** Adaptive polling interval (seconds); null means the poller's default. */
  pollIntervalS: number | null;
  lastAttemptAt: string | null;
  lastHttpStatus: number | null;
  /** The last time a poll found new or changed items. */
  lastNewItemsAt: string | null;
}

export interface SourceToAdd {
  kind: SourceKind;
  uri: string;
  title?: string | null;
}

/** The outcome of one fetch of a source: `error` null means success. */
export interface SourceFetch {
  at: string;
  error: string | null;
  etag?: string | null;
  lastModified?: string | null;
  /** The poller's schedule and what the attempt saw (all optional, kept when absent). */
  nextPollAt?: string | null;
  pollIntervalS?: number | null;
  httpStatus?: number | null;
  /** True when the attempt found new or changed items. */
  newItems?: boolean;
}

/** A page's source when the pipeline only knows its URI: web URLs are pages, the rest files. */
export function guessKind(uri: string): SourceKind {
  return /^https?:\/\//i.test(uri) ? 'page' : 'file';
}

/** Returns the id of the source with this URI, adding it when new (an existing kind is kept). */
export async function upsertSource(
  db: Kysely<Database>,
  source: SourceToAdd,
  addedAt: string,
): Promise<number> {
  await db
    .insertInto('sources')
    .values({ kind: source.kind, uri: source.uri, title: source.title ?? null, added_at: addedAt })
    .onConflict((oc) => oc.column('uri').doNothing())
    .execute();
  const row = await db
    .selectFrom('sources')
    .select('id')
    .where('uri', '=', source.uri)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listSources(db: Kysely<Database>): Promise<SourceRow[]> {
  const rows = await db.selectFrom('sources').selectAll().orderBy('id').execute();
  return rows.map(toSourceRow);
}

/** Records a fetch: success resets the failure count, failure increments it. */
export async function recordSourceFetch(
  db: Kysely<Database>,
  uri: string,
  fetch: SourceFetch,
): Promise<void> {
  const schedule = {
    last_attempt_at: fetch.at,
    ...(fetch.nextPollAt !== undefined ? { next_poll_at: fetch.nextPollAt } : {}),
    ...(fetch.pollIntervalS !== undefined ? { poll_interval_s: fetch.pollIntervalS } : {}),
    ...(fetch.httpStatus !== undefined ? { last_http_status: fetch.httpStatus } : {}),
    ...(fetch.newItems === true ? { last_new_items_at: fetch.at } : {}),
  };
  const query = db.updateTable('sources').where('uri', '=', uri);
  if (fetch.error === null) {
    await query
      .set({
        ...schedule,
        last_ok_at: fetch.at,
        last_error: null,
        failures: 0,
        ...(fetch.etag !== undefined ? { etag: fetch.etag } : {}),
        ...(fetch.lastModified !== undefined ? { last_modified: fetch.lastModified } : {}),
      })
      .execute();
  } else {
    await query
      .set((eb) => ({ ...schedule, last_error: fetch.error, failures: eb('failures', '+', 1) }))
      .execute();
  }
}

export async function removeSource(db: Kysely<Database>, uri: string): Promise<boolean> {
  const source = await db
    .selectFrom('sources')
    .select('id')
    .where('uri', '=', uri)
    .executeTakeFirst();
  if (source === undefined) return false;
  // Pages stay (they are the raw record); they just lose their link to the source.
  await db
    .updateTable('pages')
    .set({ source_id: null })
    .where('source_id', '=', source.id)
    .execute();
  await db.deleteFrom('sources').where('id', '=', source.id).execute();
  return true;
}

function toSourceRow(row: Selectable<SourceTable>): SourceRow {
  return {
    id: row.id,
    kind: row.kind,
    uri: row.uri,
    title: row.title,
    addedAt: row.added_at,
    lastOkAt: row.last_ok_at,
    lastError: row.last_error,
    failures: row.failures,
    etag: row.etag,
    lastModified: row.last_modified,
    nextPollAt: row.next_poll_at,
    pollIntervalS: row.poll_interval_s,
    lastAttemptAt: row.last_attempt_at,
    lastHttpStatus: row.last_http_status,
    lastNewItemsAt: row.last_new_items_at,
  };
}
