// Feed items a source has delivered: key (GUID, id or link) and a hash of the item's content.
// An item seen with the same hash is skipped (no re-fetch of its page, no re-processing); a new
// hash means the publisher changed it, and the pipeline stores the change as a revision.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface SourceItem {
  key: string;
  hash: string;
  url: string | null;
  lastSeen: string;
}

export async function sourceItems(db: Kysely<Database>, uri: string): Promise<SourceItem[]> {
  const rows = await db
    .selectFrom('source_items')
    .innerJoin('sources', 'sources.id', 'source_items.source_id')
    .select(['item_key', 'item_hash', 'source_items.url', 'last_seen'])
    .where('sources.uri', '=', uri)
    .execute();
  return rows.map((r) => ({
    key: r.item_key,
    hash: r.item_hash,
    url: r.url,
    lastSeen: r.last_seen,
  }));
}

/** Records items as seen at `at` (new ones added, known ones updated). */
export async function markSourceItems(
  db: Kysely<Database>,
  uri: string,
  items: readonly { key: string; hash: string; url: string | null }[],
  at: string,
): Promise<void> {
  if (items.length === 0) return;
  const source = await db
    .selectFrom('sources')
    .select('id')
    .where('uri', '=', uri)
    .executeTakeFirst();
  if (source === undefined) return;
  await db.transaction().execute(async (trx) => {
    for (const item of items) {
      await trx
        .insertInto('source_items')
        .values({
          source_id: source.id,
          item_key: item.key,
          item_hash: item.hash,
          url: item.url,
          first_seen: at,
          last_seen: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['source_id', 'item_key'])
            .doUpdateSet({ item_hash: item.hash, url: item.url, last_seen: at }),
        )
        .execute();
    }
  });
}

/** Forgets items of `uri` last seen before `before` (they left the feed long ago). */
export async function forgetSourceItems(
  db: Kysely<Database>,
  uri: string,
  before: string,
): Promise<number> {
  const source = await db
    .selectFrom('sources')
    .select('id')
    .where('uri', '=', uri)
    .executeTakeFirst();
  if (source === undefined) return 0;
  const result = await db
    .deleteFrom('source_items')
    .where('source_id', '=', source.id)
    .where('last_seen', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
