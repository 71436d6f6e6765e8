// Articles get their insertion order: the grouping indexes are rebuilt by replaying articles in
// the order the pipeline first grouped them (family and story ids come from founding articles,
// so another order founds other ids). Fetch times cannot give that order: files read in one run
// share modification times, and pages may be processed out of fetch order.
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';

export function articleSequence(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('articles')
        .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // Rows stored before this migration keep the order groupingState gave them until now.
      const rows = await sql<{
        id: string;
      }>`SELECT id FROM articles ORDER BY first_seen, id`.execute(db);
      for (const [i, { id }] of rows.rows.entries()) {
        await sql`UPDATE articles SET seq = ${i + 1} WHERE id = ${id}`.execute(db);
      }
      await db.schema.createIndex('articles_seq').on('articles').column('seq').unique().execute();
    },
  };
}
