// The full-text index stops keeping its own copy of every article's title and body (SQLite's
// FTS5 table becomes contentless, keyed by articles.seq); see StoreDialect.recreateSearchIndex.
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

export function searchWithoutCopies(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await dialect.recreateSearchIndex(db);
    },
  };
}
