// Outlets: publishers, found by name. The domain is filled in the first time we learn it.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { chunks } from './chunks.js';
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

export interface StoredOutlet {
  id: number;
  domain: string | null;
}

/** Returns the outlet called `name`, creating it when new and filling in a missing domain. */
export async function upsertOutlet(
  db: Kysely<Database>,
  name: string,
  domain: string | null,
): Promise<StoredOutlet> {
  await insertOutlet(db, { name, domain });
  const row = (await selectOutlet(db, { name })).rows[0]!;
  if (row.domain === null && domain !== null) {
    await db.updateTable('outlets').set({ domain }).where('id', '=', row.id).execute();
  }
  return { id: row.id, domain: row.domain ?? domain };
}

/** The stored outlets among `names`, by name. */
export async function outletsNamed(
  db: Kysely<Database>,
  names: readonly string[],
): Promise<Map<string, StoredOutlet>> {
  const out = new Map<string, StoredOutlet>();
  for (const chunk of chunks([...new Set(names)]))
    for (const row of (await selectOutlets(db, { names: chunk })).rows)
      out.set(row.name, { id: row.id, domain: row.domain });
  return out;
}

const selectOutlets = compiledQuery((db, v: { names: string[] }) =>
  db.selectFrom('outlets').select(['id', 'name', 'domain']).where('name', 'in', v.names),
);
