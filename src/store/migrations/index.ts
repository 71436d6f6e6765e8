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

export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001-core-tables': coreTables(dialect),
        '002-article-search': articleSearch(dialect),
        '003-article-sequence': articleSequence(),
      };
    },
  };
}

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
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StorylineError(
      'STORE_FAILED',
      `store: unable to migrate (${failed}): ${String(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
