// Pages: the raw documents, kept gzip-compressed so any later extractor can re-run on them.
import type { Insertable, Kysely } from 'kysely';
import { compress, decompress, isoTime } from './codec.js';
import { compiledQuery } from './compiled-query.js';
import type { Database, PageTable } from './schema.js';
import type { Page } from '../types.js';
import type { PageToSave } from './index.js';

const selectPageId = compiledQuery((db, v: { sha256: string }) =>
  db.selectFrom('pages').select('id').where('sha256', '=', v.sha256),
);

export async function findPageId(db: Kysely<Database>, sha256: string): Promise<number | null> {
  const { rows } = await selectPageId(db, { sha256 });
  return rows[0]?.id ?? null;
}

const insertPage = compiledQuery((db, v: Required<Omit<Insertable<PageTable>, 'id'>>) =>
  db.insertInto('pages').values(v).returning('id'),
);

/**
 * Inserts the page, or for bytes already stored (a reprocess, or the same document from a
 * second URL) updates its outcome and keeps the first copy. Returns the id and whether it existed.
 */
export async function putPage(
  db: Kysely<Database>,
  input: PageToSave,
  sourceId: number | null,
  processedAt: string,
): Promise<{ id: number; existed: boolean }> {
  const existing = await findPageId(db, input.sha256);
  if (existing !== null) {
    await db
      .updateTable('pages')
      .set({ status: input.status, note: input.note, processed_at: processedAt })
      .where('id', '=', existing)
      .execute();
    return { id: existing, existed: true };
  }
  const { rows } = await insertPage(db, {
    url: input.page.url,
    source_id: sourceId,
    fetched_at: isoTime(input.page.fetchedAt),
    content_type: input.page.contentType,
    sha256: input.sha256,
    byte_length: input.page.body.byteLength,
    body: compress(input.page.body),
    status: input.status,
    note: input.note,
    processed_at: processedAt,
  });
  return { id: rows[0]!.id, existed: false };
}

/** The page's original bytes, or null for an unknown id. */
export async function readPageBody(
  db: Kysely<Database>,
  pageId: number,
): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('pages')
    .select('body')
    .where('id', '=', pageId)
    .executeTakeFirst();
  return row === undefined ? null : decompress(row.body);
}

/** A stored page without its body, as listed for reprocessing. */
export interface StoredPage {
  id: number;
  url: string;
  fetchedAt: string;
  contentType: string | null;
  sha256: string;
  byteLength: number;
  sourceUri: string | null;
  status: PageToSave['status'];
  note: string | null;
}

/** Pages per query while listing: bodies are not read, so rows are small. */
export const STORED_PAGES_BATCH_ROWS = 1000;

/** Every stored page in the order it was first stored, paged by id so memory stays flat. */
export async function* storedPages(
  db: Kysely<Database>,
  batchRows = STORED_PAGES_BATCH_ROWS,
): AsyncGenerator<StoredPage> {
  let afterId = 0;
  for (;;) {
    const rows = await db
      .selectFrom('pages')
      .leftJoin('sources', 'sources.id', 'pages.source_id')
      .select([
        'pages.id',
        'pages.url',
        'pages.fetched_at',
        'pages.content_type',
        'pages.sha256',
        'pages.byte_length',
        'pages.status',
        'pages.note',
        'sources.uri as source_uri',
      ])
      .where('pages.id', '>', afterId)
      .orderBy('pages.id')
      .limit(batchRows)
      .execute();
    for (const r of rows) {
      yield {
        id: r.id,
        url: r.url,
        fetchedAt: r.fetched_at,
        contentType: r.content_type,
        sha256: r.sha256,
        byteLength: r.byte_length,
        sourceUri: r.source_uri,
        status: r.status,
        note: r.note,
      };
    }
    if (rows.length < batchRows) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

/** The page as extraction takes it (body decompressed), or null for an unknown id. */
export async function readPage(db: Kysely<Database>, pageId: number): Promise<Page | null> {
  const row = await db
    .selectFrom('pages')
    .select(['url', 'fetched_at', 'content_type', 'body'])
    .where('id', '=', pageId)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    url: row.url,
    fetchedAt: new Date(row.fetched_at),
    contentType: row.content_type,
    body: decompress(row.body),
  };
}
