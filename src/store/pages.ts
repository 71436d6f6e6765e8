// Pages: the raw documents, kept gzip-compressed so any later extractor can re-run on them.
import type { Kysely } from 'kysely';
import { compress, decompress, isoTime } from './codec.js';
import type { Database } from './schema.js';
import type { PageToSave } from './index.js';

export async function findPageId(db: Kysely<Database>, sha256: string): Promise<number | null> {
  const row = await db
    .selectFrom('pages')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.id ?? null;
}

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
  const row = await db
    .insertInto('pages')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, existed: false };
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
