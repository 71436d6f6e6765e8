// Outlets: publishers, found by name. The domain is filled in the first time we learn it.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { compiledQuery } from './compiled-query.js';

const insertOutlet = compiledQuery((db, v: { name: string; domain: string | null }) =>
  db
    .insertInto('outlets')
    .values({ name: v.name, domain: v.domain })
    .onConflict((oc) => oc.column('name').doNothing()),
);

const selectOutlet = compiledQuery((db, v: { name: string }) =>
  db.selectFrom('outlets').select(['id', 'domain']).where('name', '=', v.name),
);

/** Returns the id of the outlet called `name`, creating it when new. */
export async function upsertOutlet(
  db: Kysely<Database>,
  name: string,
  domain: string | null,
): Promise<number> {
  await insertOutlet(db, { name, domain });
  const row = (await selectOutlet(db, { name })).rows[0]!;
  if (row.domain === null && domain !== null) {
    await db.updateTable('outlets').set({ domain }).where('id', '=', row.id).execute();
  }
  return row.id;
}
