// Two indexes that no query reads, each updated by every save: pages_url (pages are found by
// their bytes' hash; no read looks a page up by URL) and stories_last_updated (007's
// stories_last_updated_id serves every order and range on last_updated). pages_url was a
// random-keyed B-tree write per page, 10 of a page insert's ~20 us in a micro-benchmark on a
// 300k-article store.
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';

export function dropUnusedIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`DROP INDEX IF EXISTS pages_url`.execute(db);
      await sql`DROP INDEX IF EXISTS stories_last_updated`.execute(db);
    },
  };
}
