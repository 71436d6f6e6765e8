// Recounting families and stories from their articles, many at a time. Counts, first/last
// times, originals, headlines and story topics are caches of the articles table, recomputed at
// the end of every save for whatever it touched. Each step is one statement for the whole list
// (correlated subqueries per row), not a handful per family or story: on PostgreSQL every
// statement is a round trip, and per-group recounting was about four of a saved article's
// seventeen statements (bench/scale lane, 2026-12-07).
import { sql } from 'kysely';
import type { Kysely, SqlBool } from 'kysely';
import type { Database } from './schema.js';
import { chunks } from './chunks.js';
import { compiledQuery } from './compiled-query.js';

/** Characters of body text used as a headline when no article of the story has a title. */
export const UNTITLED_HEADLINE_CHARS = 100;

/** Runs `each` on `ids` (deduplicated) in chunks that fit one statement. */
async function inChunks(
  ids: Iterable<string>,
  each: (chunk: string[]) => Promise<void>,
): Promise<void> {
  for (const chunk of chunks([...new Set(ids)])) await each(chunk);
}

/**
 * Recounts families from their articles and makes `is_original` agree with each family's
 * original (the recorded one while it is still a member, else the earliest member, preferring
 * one already flagged). Deletes families left empty. Returns the stories of the families as
 * they were, which need recounting in turn.
 */
export async function recountFamilies(
  db: Kysely<Database>,
  ids: Iterable<string>,
): Promise<Set<string>> {
  const stories = new Set<string>();
  await inChunks(ids, async (chunk) => {
    for (const row of (await selectFamilyStories(db, { ids: chunk })).rows)
      stories.add(row.story_id);
    await deleteEmptyFamilies(db, { ids: chunk });
    await updateFamilyCounts(db, { ids: chunk });
    await updateOriginalFlags(db, { ids: chunk });
  });
  return stories;
}

/**
 * Recounts stories from their articles and families, picks their headlines and re-derives
 * their topics. Deletes stories left without articles, with their families and topics.
 */
export async function recountStories(db: Kysely<Database>, ids: Iterable<string>): Promise<void> {
  await inChunks(ids, async (chunk) => {
    const empty = (await selectEmptyStories(db, { ids: chunk })).rows.map((r) => r.id);
    if (empty.length > 0) await deleteStories(db, empty);
    await updateStoryCounts(db, { ids: chunk });
    for (const { id } of (await selectUntitledStories(db, { ids: chunk })).rows)
      await setBodyHeadline(db, id);
    await deleteStoryTopics(db, { ids: chunk });
    await insertStoryTopics(db, { ids: chunk });
  });
}

/** True for a family or story row that no article points at any more. */
function noArticleIn(column: 'family_id' | 'story_id', row: 'families.id' | 'stories.id') {
  return sql<SqlBool>`NOT EXISTS (SELECT 1 FROM articles WHERE ${sql.ref(`articles.${column}`)} = ${sql.ref(row)})`;
}

const selectFamilyStories = compiledQuery((db, v: { ids: string[] }) =>
  db.selectFrom('families').select('story_id').where('id', 'in', v.ids),
);

const deleteEmptyFamilies = compiledQuery((db, v: { ids: string[] }) =>
  db.deleteFrom('families').where('id', 'in', v.ids).where(noArticleIn('family_id', 'families.id')),
);

// Every SET expression sees the row as it was, so the original is chosen from the recorded
// `original_article_id` before this statement replaces it.
const updateFamilyCounts = compiledQuery((db, v: { ids: string[] }) =>
  db
    .updateTable('families')
    .set((eb) => {
      const members = () =>
        eb.selectFrom('articles').whereRef('articles.family_id', '=', 'families.id');
      return {
        article_count: members().select((s) => s.fn.countAll<number>().as('n')),
        first_seen: members().select((s) => s.fn.min('articles.first_seen').as('first')),
        last_updated: members().select((s) => s.fn.max('articles.changed_at').as('last')),
        original_article_id: eb.fn.coalesce(
          members()
            .select('articles.id')
            .whereRef('articles.id', '=', 'families.original_article_id'),
          members()
            .select('articles.id')
            .orderBy('articles.is_original', 'desc')
            .orderBy('articles.first_seen')
            .orderBy('articles.id')
            .limit(1),
        ),
      };
    })
    .where('id', 'in', v.ids),
);

// Only the rows whose flag changes are written: an article row holds the whole text, and a
// recount of a family with n members otherwise rewrites n rows that did not change.
const updateOriginalFlags = compiledQuery((db, v: { ids: string[] }) => {
  const flag = sql<number>`CASE WHEN articles.id = (SELECT f.original_article_id FROM families f WHERE f.id = articles.family_id) THEN 1 ELSE 0 END`;
  return db
    .updateTable('articles')
    .set({ is_original: flag })
    .where('family_id', 'in', v.ids)
    .where('is_original', '!=', flag);
});

const selectEmptyStories = compiledQuery((db, v: { ids: string[] }) =>
  db
    .selectFrom('stories')
    .select('id')
    .where('id', 'in', v.ids)
    .where(noArticleIn('story_id', 'stories.id')),
);

async function deleteStories(db: Kysely<Database>, ids: string[]): Promise<void> {
  await db.deleteFrom('story_topics').where('story_id', 'in', ids).execute();
  await db.deleteFrom('families').where('story_id', 'in', ids).execute();
  await db.deleteFrom('stories').where('id', 'in', ids).execute();
}

// The headline is the title of the story's earliest original, else of its earliest titled
// article; '' when none has a title, which setBodyHeadline then replaces.
const updateStoryCounts = compiledQuery((db, v: { ids: string[] }) =>
  db
    .updateTable('stories')
    .set((eb) => {
      const articles = () =>
        eb.selectFrom('articles').whereRef('articles.story_id', '=', 'stories.id');
      return {
        headline: eb.fn.coalesce(
          articles()
            .select('articles.title')
            .where('articles.title', 'is not', null)
            .where('articles.title', '!=', '')
            .orderBy('articles.is_original', 'desc')
            .orderBy('articles.first_seen')
            .orderBy('articles.id')
            .limit(1),
          sql<string>`''`,
        ),
        article_count: articles().select((s) => s.fn.countAll<number>().as('n')),
        family_count: eb
          .selectFrom('families as f')
          .whereRef('f.story_id', '=', 'stories.id')
          .select((s) => s.fn.countAll<number>().as('n')),
        outlet_count: articles().select((s) =>
          s.fn.count<number>('articles.outlet_id').distinct().as('outlets'),
        ),
        first_seen: articles().select((s) => s.fn.min('articles.first_seen').as('first')),
        last_updated: articles().select((s) => s.fn.max('articles.changed_at').as('last')),
      };
    })
    .where('id', 'in', v.ids),
);

const selectUntitledStories = compiledQuery((db, v: { ids: string[] }) =>
  db.selectFrom('stories').select('id').where('id', 'in', v.ids).where('headline', '=', ''),
);

/** A story none of whose articles has a title is headed by its earliest article's opening. */
async function setBodyHeadline(db: Kysely<Database>, id: string): Promise<void> {
  const first = await db
    .selectFrom('articles')
    .select('text')
    .where('story_id', '=', id)
    .orderBy('first_seen')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const text = first.text.replace(/\s+/g, ' ').trim();
  const headline =
    text.length <= UNTITLED_HEADLINE_CHARS
      ? text
      : `${text.slice(0, UNTITLED_HEADLINE_CHARS - 1).trimEnd()}…`;
  await db.updateTable('stories').set({ headline }).where('id', '=', id).execute();
}

const deleteStoryTopics = compiledQuery((db, v: { ids: string[] }) =>
  db.deleteFrom('story_topics').where('story_id', 'in', v.ids),
);

/** Every topic of a story's articles, with how many articles carry it. */
const insertStoryTopics = compiledQuery((db, v: { ids: string[] }) =>
  db
    .insertInto('story_topics')
    .columns(['story_id', 'topic_id', 'article_count'])
    .expression((eb) =>
      eb
        .selectFrom('article_topics')
        .innerJoin('articles', 'articles.id', 'article_topics.article_id')
        .where('articles.story_id', 'in', v.ids)
        .groupBy(['articles.story_id', 'article_topics.topic_id'])
        .select((s) => [
          'articles.story_id',
          'article_topics.topic_id',
          s.fn.countAll<number>().as('article_count'),
        ]),
    ),
);
