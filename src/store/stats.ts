// Row counts for `storyline stats` and the health endpoint.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { StoreStats } from './index.js';

const COUNTED = {
  pages: 'pages',
  articles: 'articles',
  families: 'families',
  stories: 'stories',
  outlets: 'outlets',
  topics: 'topics',
} as const;

export async function countRows(db: Kysely<Database>): Promise<StoreStats> {
  const entries = await Promise.all(
    Object.entries(COUNTED).map(async ([key, table]) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [key, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as StoreStats;
}
