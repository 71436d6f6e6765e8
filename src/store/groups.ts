// Copy families and stories: created on first mention, merged when grouping joins them, and
// recounted from their articles after every page (counts are caches of the articles table).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { compiledQuery } from './compiled-query.js';

/** Creates the story row if missing; aggregates are filled in by recountStories. */
export async function ensureStory(db: Kysely<Database>, id: string, seenAt: string): Promise<void> {
  await insertStory(db, { id, seenAt });
}

const insertStory = compiledQuery((db, v: { id: string; seenAt: string }) =>
  db
    .insertInto('stories')
    .values({
      id: v.id,
      headline: '',
      article_count: 0,
      family_count: 0,
      outlet_count: 0,
      first_seen: v.seenAt,
      last_updated: v.seenAt,
    })
    .onConflict((oc) => oc.column('id').doNothing()),
);

const selectFamilyStory = compiledQuery((db, v: { id: string }) =>
  db.selectFrom('families').select('story_id').where('id', '=', v.id),
);

const insertFamily = compiledQuery((db, v: { id: string; storyId: string; seenAt: string }) =>
  db.insertInto('families').values({
    id: v.id,
    story_id: v.storyId,
    original_article_id: null,
    article_count: 0,
    first_seen: v.seenAt,
    last_updated: v.seenAt,
  }),
);

const updateFamilyOriginal = compiledQuery((db, v: { id: string; originalId: string }) =>
  db.updateTable('families').set({ original_article_id: v.originalId }).where('id', '=', v.id),
);

/**
 * Puts family `id` in story `storyId`, creating it if missing. A family lies inside one story,
 * so moving it moves all its articles; returns the story it left (null if none or unchanged).
 */
export async function placeFamily(
  db: Kysely<Database>,
  id: string,
  storyId: string,
  seenAt: string,
): Promise<string | null> {
  const row = (await selectFamilyStory(db, { id })).rows[0];
  if (row === undefined) {
    await insertFamily(db, { id, storyId, seenAt });
    return null;
  }
  if (row.story_id === storyId) return null;
  await db.updateTable('families').set({ story_id: storyId }).where('id', '=', id).execute();
  await db.updateTable('articles').set({ story_id: storyId }).where('family_id', '=', id).execute();
  return row.story_id;
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
  if (target === undefined) await placeFamily(db, into, storyId, seenAt);
  await db
    .updateTable('articles')
    .set({ family_id: into, story_id: storyId })
    .where('family_id', '=', from)
    .execute();
  await db.deleteFrom('families').where('id', '=', from).execute();
  return [...new Set([source.story_id, storyId])];
}

export async function setFamilyOriginal(
  db: Kysely<Database>,
  familyId: string,
  originalId: string,
): Promise<void> {
  await updateFamilyOriginal(db, { id: familyId, originalId });
}
