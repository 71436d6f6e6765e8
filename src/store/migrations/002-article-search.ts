// Full-text search over article titles and bodies; the index itself is dialect-specific.
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

export function articleSearch(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await dialect.createSearchIndex(db);
    },
  };
}
