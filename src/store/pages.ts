// Pages: the raw documents, kept gzip-compressed so any later extractor can re-run on them.
import type { Insertable, Kysely } from 'kysely';
import { compress, decompress, isoTime } from './codec.js';
import { chunks } from './chunks.js';
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

/** Pages per insert: each carries its compressed bytes. */
const PAGES_PER_STATEMENT = 100;

/**
 * Stores the pages of a batch in order: each new one is inserted, and for bytes already stored
 * (a reprocess, the same document from a second URL, or an earlier page of the batch) the
 * page's outcome is updated and the first copy kept. Returns each page's id and whether it
 * existed. `sourceIds` gives each page's source (null: none).
 */
export async function putPages(
  db: Kysely<Database>,
  inputs: readonly PageToSave[],
  sourceIds: readonly (number | null)[],
  processedAt: string,
): Promise<{ id: number; existed: boolean }[]> {
  const ids = new Map<string, number>();
  for (const chunk of chunks([...new Set(inputs.map((i) => i.sha256))]))
    for (const row of (await selectPageIds(db, { sha256s: chunk })).rows)
      ids.set(row.sha256, row.id);
  const stored = new Set(ids.keys());
  const fresh = new Map<string, Insertable<PageTable>>();
  inputs.forEach((input, i) => {
    if (stored.has(input.sha256) || fresh.has(input.sha256)) return;
    fresh.set(input.sha256, pageRow(input, sourceIds[i]!, processedAt));
  });
  const rows = [...fresh.values()];
  for (let at = 0; at < rows.length; at += PAGES_PER_STATEMENT) {
    const inserted = await db
      .insertInto('pages')
      .values(rows.slice(at, at + PAGES_PER_STATEMENT))
      .returning(['id', 'sha256'])
      .execute();
    for (const row of inserted) ids.set(row.sha256, row.id);
  }
  const inserted = new Set<string>();
  const out: { id: number; existed: boolean }[] = [];
  for (const input of inputs) {
    const id = ids.get(input.sha256)!;
    if (fresh.has(input.sha256) && !inserted.has(input.sha256)) {
      inserted.add(input.sha256);
      out.push({ id, existed: false });
      continue;
    }
    await db
      .updateTable('pages')
      .set({ status: input.status, note: input.note, processed_at: processedAt })
      .where('id', '=', id)
      .execute();
    out.push({ id, existed: true });
  }
  return out;
}

const selectPageIds = compiledQuery((db, v: { sha256s: string[] }) =>
  db.selectFrom('pages').select(['id', 'sha256']).where('sha256', 'in', v.sha256s),
);

function pageRow(input: PageToSave, sourceId: number | null, processedAt: string) {
  return {
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
  };
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
