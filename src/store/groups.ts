// Copy families and stories: created on first mention, merged when grouping joins them, and
// recounted from their articles after every page (counts are caches of the articles table).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { compiledQuery } from './compiled-query.js';

/** Characters of body text used as a headline when no article of the story has a title. */
export const UNTITLED_HEADLINE_CHARS = 100;

/** Creates the story row if missing; aggregates are filled in by recountStory. */
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

/**
 * Recounts a family from its articles and makes `is_original` agree with the family's original
 * (falling back to the earliest member when the recorded one left). Deletes an empty family.
 */
export async function recountFamily(db: Kysely<Database>, id: string): Promise<void> {
  const agg = await db
    .selectFrom('articles')
    .where('family_id', '=', id)
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('first_seen').as('first'),
      eb.fn.max('changed_at').as('last'),
    ])
    .executeTakeFirstOrThrow();
  if (Number(agg.n) === 0 || agg.first === null || agg.last === null) {
    await db.deleteFrom('families').where('id', '=', id).execute();
    return;
  }
  const original = await familyOriginal(db, id);
  await db
    .updateTable('families')
    .set({
      article_count: Number(agg.n),
      first_seen: agg.first,
      last_updated: agg.last,
      original_article_id: original,
    })
    .where('id', '=', id)
    .execute();
  // Only the rows whose flag changes are written: an article row holds the whole text, and a
  // recount of a family with n members otherwise rewrites n rows that did not change.
  const flag = sql<number>`CASE WHEN id = ${original} THEN 1 ELSE 0 END`;
  await db
    .updateTable('articles')
    .set({ is_original: flag })
    .where('family_id', '=', id)
    .where('is_original', '!=', flag)
    .execute();
}

async function familyOriginal(db: Kysely<Database>, id: string): Promise<string> {
  const recorded = await db
    .selectFrom('families')
    .innerJoin('articles', (join) =>
      join
        .onRef('articles.id', '=', 'families.original_article_id')
        .onRef('articles.family_id', '=', 'families.id'),
    )
    .select('articles.id')
    .where('families.id', '=', id)
    .executeTakeFirst();
  if (recorded !== undefined) return recorded.id;
  const earliest = await db
    .selectFrom('articles')
    .select('id')
    .where('family_id', '=', id)
    .orderBy('is_original', 'desc')
    .orderBy('first_seen')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return earliest.id;
}

/** Recounts a story from its articles and families, picks its headline, re-derives its topics. */
export async function recountStory(db: Kysely<Database>, id: string): Promise<void> {
  const agg = await db
    .selectFrom('articles')
    .where('story_id', '=', id)
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('outlet_id').distinct().as('outlets'),
      eb.fn.min('first_seen').as('first'),
      eb.fn.max('changed_at').as('last'),
    ])
    .executeTakeFirstOrThrow();
  if (Number(agg.n) === 0 || agg.first === null || agg.last === null) {
    await db.deleteFrom('story_topics').where('story_id', '=', id).execute();
    await db.deleteFrom('families').where('story_id', '=', id).execute();
    await db.deleteFrom('stories').where('id', '=', id).execute();
    return;
  }
  const families = await db
    .selectFrom('families')
    .where('story_id', '=', id)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await db
    .updateTable('stories')
    .set({
      headline: await storyHeadline(db, id),
      article_count: Number(agg.n),
      family_count: Number(families.n),
      outlet_count: Number(agg.outlets),
      first_seen: agg.first,
      last_updated: agg.last,
    })
    .where('id', '=', id)
    .execute();
}

/** The title of the story's earliest original, else of its earliest titled article. */
async function storyHeadline(db: Kysely<Database>, id: string): Promise<string> {
  const titled = await db
    .selectFrom('articles')
    .select('title')
    .where('story_id', '=', id)
    .where('title', 'is not', null)
    .where('title', '!=', '')
    .orderBy('is_original', 'desc')
    .orderBy('first_seen')
    .orderBy('id')
    .executeTakeFirst();
  if (titled?.title) return titled.title;
  const first = await db
    .selectFrom('articles')
    .select('text')
    .where('story_id', '=', id)
    .orderBy('first_seen')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const text = first.text.replace(/\s+/g, ' ').trim();
  return text.length <= UNTITLED_HEADLINE_CHARS
    ? text
    : `${text.slice(0, UNTITLED_HEADLINE_CHARS - 1).trimEnd()}…`;
}
