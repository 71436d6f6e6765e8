// Forgetting everything derived from pages, for a rebuild after an algorithm upgrade: replay
// storedPages() in order through the pipeline and the store is as if ingested anew (revisions
// included, since pages come back in the order they were first stored).
import type { Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { Database } from './schema.js';

/** Children before parents, so foreign keys hold at every step. */
const DERIVED_TABLES = [
  'story_topics',
  'article_topics',
  'article_revisions',
  'articles',
  'families',
  'stories',
  'topics',
] as const;

/** Deletes articles, revisions, groups and topics in one transaction; keeps pages, sources, outlets. */
export async function clearDerived(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
  await dialect.writeTransaction(db, async (trx) => {
    await dialect.clearSearchIndex(trx);
    for (const table of DERIVED_TABLES) await trx.deleteFrom(table).execute();
  });
}
