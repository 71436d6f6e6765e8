// Outlets: publishers, found by name. The domain is filled in the first time we learn it.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Returns the id of the outlet called `name`, creating it when new. */
export async function upsertOutlet(
  db: Kysely<Database>,
  name: string,
  domain: string | null,
): Promise<number> {
  await db
    .insertInto('outlets')
    .values({ name, domain })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('outlets')
    .select(['id', 'domain'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  if (row.domain === null && domain !== null) {
    await db.updateTable('outlets').set({ domain }).where('id', '=', row.id).execute();
  }
  return row.id;
}
