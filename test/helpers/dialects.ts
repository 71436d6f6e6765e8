// Every SQL dialect a store-backed test runs against: SQLite always, PostgreSQL when
// STORYLINE_TEST_POSTGRES_URL names a server (test/store/start-postgres.sh starts one; .ci/run
// does so for every CI run). Kysely's own tests loop over dialects the same way.
import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  /** A URL to a new, empty database each call. */
  url: () => Promise<string>;
}

export const DIALECTS: readonly TestDialect[] = [
  { name: 'sqlite', url: async () => 'sqlite::memory:' },
  ...(process.env.STORYLINE_TEST_POSTGRES_URL
    ? [
        {
          name: 'postgres' as const,
          url: () => freshPostgresSchema(process.env.STORYLINE_TEST_POSTGRES_URL!),
        },
      ]
    : []),
];

if (!process.env.STORYLINE_TEST_POSTGRES_URL) {
  process.stderr.write(
    'SKIP: PostgreSQL store tests (STORYLINE_TEST_POSTGRES_URL unset; see test/store/start-postgres.sh)\n',
  );
}

/** `describe(name, body)` once per dialect, the dialect's name in brackets after `name`. */
export function describeEachDialect(name: string, body: (dialect: TestDialect) => void): void {
  for (const dialect of DIALECTS) describe(`${name} [${dialect.name}]`, () => body(dialect));
}

/**
 * A new schema on the test server, and a URL whose search_path points at it: each test gets
 * an empty database for the cost of one CREATE SCHEMA. Schemas are left for the throwaway
 * cluster to take with it: use a fresh cluster per run (start-postgres.sh), since Kysely's
 * migrator introspects every schema and ~800 leftovers made each migration 2.7 s, not 0.15 s.
 */
export async function freshPostgresSchema(serverUrl: string): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
