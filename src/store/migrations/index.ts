// Migrations are listed in code (not found by scanning a folder) so they run the same from
// dist/ and under tsx. Forward-only: never edit a released migration, add the next number.
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { StorylineError } from '../../errors.js';
import type { StoreDialect } from '../dialect.js';
import type { Database } from '../schema.js';
import { coreTables } from './001-core-tables.js';
import { articleSearch } from './002-article-search.js';
import { articleSequence } from './003-article-sequence.js';
import { articlesOutletIndex } from './004-articles-outlet-index.js';
import { liveIngestion } from './005-live-ingestion.js';
import { corrections } from './006-corrections.js';
import { storiesOrderIndex } from './007-stories-order-index.js';
import { searchWithoutCopies } from './008-search-without-copies.js';
import { dropUnusedIndexes } from './009-drop-unused-indexes.js';

export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001-core-tables': coreTables(dialect),
        '002-article-search': articleSearch(dialect),
        '003-article-sequence': articleSequence(),
        '004-articles-outlet-index': articlesOutletIndex(),
        '005-live-ingestion': liveIngestion(dialect),
        '006-corrections': corrections(dialect),
        '007-stories-order-index': storiesOrderIndex(),
        '008-search-without-copies': searchWithoutCopies(dialect),
        '009-drop-unused-indexes': dropUnusedIndexes(),
      };
    },
  };
}

/**
 * Attempts at migrating before giving up. Processes started together on one fresh SQLite file
 * race to create the schema (Kysely's migration lock is a no-op on SQLite); the loser's
 * transaction rolls back and its next attempt finds the work done. Four processes opening one
 * fresh file lost this race in 3 of 7 trials here before the retry, in none of 4 after it.
 */
export const MIGRATION_ATTEMPTS = 5;
/** Pause before the next attempt, times the attempt number (milliseconds). */
export const MIGRATION_RETRY_MS = 100;

/** Runs every pending migration; throws STORE_FAILED naming the migration that failed. */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: StoreDialect,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    migrationTableSchema: await dialect.migrationSchema(db),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (error === undefined) {
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    }
    if (attempt < MIGRATION_ATTEMPTS) {
      await new Promise((resolve) => setTimeout(resolve, MIGRATION_RETRY_MS * attempt));
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StorylineError(
      'STORE_FAILED',
      `store: unable to migrate (${failed}): ${String(error)}`,
      { cause: error },
    );
  }
}
