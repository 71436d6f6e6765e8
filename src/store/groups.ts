// Copy families and stories: created on first mention, merged when grouping joins them, and
// recounted from their articles at the end of every save (recount.ts: counts are caches).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { chunks } from './chunks.js';
import { compiledQuery } from './compiled-query.js';

/** Creates the story row if missing; aggregates are filled in by recountStories. */
export async function ensureStory(db: Kysely<Database>, id: string, seenAt: string): Promise<void> {
  await ensureStories(db, [{ id, seenAt }]);
}

/** ensureStory for many stories, a statement per chunk. */
export async function ensureStories(
  db: Kysely<Database>,
  stories: readonly { id: string; seenAt: string }[],
): Promise<void> {
  for (const chunk of chunks(stories))
    await insertStories(db, { ids: chunk.map((s) => s.id), seenAts: chunk.map((s) => s.seenAt) });
}

const insertStories = compiledQuery((db, v: { ids: string[]; seenAts: string[] }) =>
  db
    .insertInto('stories')
    .values(
      v.ids.map((id, i) => ({
        id,
        headline: '',
        article_count: 0,
        family_count: 0,
        outlet_count: 0,
        first_seen: v.seenAts[i]!,
        last_updated: v.seenAts[i]!,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing()),
);

/** The story each of the families is in; families not stored are absent. */
export async function storiesOfFamilies(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const chunk of chunks([...new Set(ids)]))
    for (const row of (await selectFamiliesStory(db, { ids: chunk })).rows)
      out.set(row.id, row.story_id);
  return out;
}

const selectFamiliesStory = compiledQuery((db, v: { ids: string[] }) =>
  db.selectFrom('families').select(['id', 'story_id']).where('id', 'in', v.ids),
);

const selectFamilyStory = compiledQuery((db, v: { id: string }) =>
  db.selectFrom('families').select('story_id').where('id', '=', v.id),
);

/** The story family `id` is in, or null when it is not stored. */
export async function storyOfFamily(db: Kysely<Database>, id: string): Promise<string | null> {
  return (await selectFamilyStory(db, { id })).rows[0]?.story_id ?? null;
}

/** Creates families (each in its story, counts filled in by recounting), a statement a chunk. */
export async function insertFamilies(
  db: Kysely<Database>,
  families: readonly { id: string; storyId: string; seenAt: string }[],
): Promise<void> {
  for (const chunk of chunks(families))
    await insertFamilyRows(db, {
      ids: chunk.map((f) => f.id),
      storyIds: chunk.map((f) => f.storyId),
      seenAts: chunk.map((f) => f.seenAt),
    });
}

const insertFamilyRows = compiledQuery(
  (db, v: { ids: string[]; storyIds: string[]; seenAts: string[] }) =>
    db.insertInto('families').values(
      v.ids.map((id, i) => ({
        id,
        story_id: v.storyIds[i]!,
        original_article_id: null,
        article_count: 0,
        first_seen: v.seenAts[i]!,
        last_updated: v.seenAts[i]!,
      })),
    ),
);

/**
 * Puts family `id`, now in story `current` (null: not stored), in story `storyId`, creating it
 * if missing. A family lies inside one story, so moving it moves all its articles; returns the
 * story it left (null if none or unchanged).
 */
export async function placeFamily(
  db: Kysely<Database>,
  id: string,
  storyId: string,
  seenAt: string,
  current: string | null,
): Promise<string | null> {
  if (current === null) {
    await insertFamilies(db, [{ id, storyId, seenAt }]);
    return null;
  }
  if (current === storyId) return null;
  await db.updateTable('families').set({ story_id: storyId }).where('id', '=', id).execute();
  await db.updateTable('articles').set({ story_id: storyId }).where('family_id', '=', id).execute();
  return current;
}

/** Moves everything of story `from` into `into` and deletes `from`. No-op when `from` is gone. */
export async function mergeStory(
  db: Kysely<Database>,
  from: string,
  into: string,
  seenAt: string,
): Promise<boolean> {
  if (from === into) return false;
  const exists = await db
    .selectFrom('stories')
    .select('id')
    .where('id', '=', from)
    .executeTakeFirst();
  if (exists === undefined) return false;
  await ensureStory(db, into, seenAt);
  await db.updateTable('families').set({ story_id: into }).where('story_id', '=', from).execute();
  await db.updateTable('articles').set({ story_id: into }).where('story_id', '=', from).execute();
  await db.deleteFrom('story_topics').where('story_id', '=', from).execute();
  await db.deleteFrom('stories').where('id', '=', from).execute();
  return true;
}

/**
 * Moves the articles of family `from` into `into` and deletes `from`; returns the stories
 * involved (they need recounting), or null when `from` is gone.
 */
export async function mergeFamily(
  db: Kysely<Database>,
  from: string,
  into: string,
  seenAt: string,
): Promise<string[] | null> {
  if (from === into) return null;
  const source = await db
    .selectFrom('families')
    .select('story_id')
    .where('id', '=', from)
    .executeTakeFirst();
  if (source === undefined) return null;
  const target = await db
    .selectFrom('families')
    .select('story_id')
    .where('id', '=', into)
    .executeTakeFirst();
  const storyId = target?.story_id ?? source.story_id;
  if (target === undefined) await placeFamily(db, into, storyId, seenAt, null);
  await db
    .updateTable('articles')
    .set({ family_id: into, story_id: storyId })
    .where('family_id', '=', from)
    .execute();
  await db.deleteFrom('families').where('id', '=', from).execute();
  return [...new Set([source.story_id, storyId])];
}

/** Records each family's original (family id -> article id), a statement per chunk. */
export async function setFamilyOriginals(
  db: Kysely<Database>,
  originals: ReadonlyMap<string, string>,
): Promise<void> {
  for (const chunk of chunks([...originals])) {
    await updateFamilyOriginals(db, {
      ids: chunk.map(([familyId]) => familyId),
      originals: chunk.map(([, originalId]) => originalId),
    });
  }
}

const updateFamilyOriginals = compiledQuery((db, v: { ids: string[]; originals: string[] }) => {
  const cases = v.ids.map((id, i) => sql`WHEN ${id} THEN ${v.originals[i]!}`);
  return db
    .updateTable('families')
    .set({ original_article_id: sql<string>`CASE id ${sql.join(cases, sql` `)} END` })
    .where('id', 'in', v.ids);
});
