// Topics: people, organisations, places and themes, found by their stable key. An article's
// topics come from enrich; a story's topics are derived from its articles' on every recount.
import type { Kysely } from 'kysely';
import type { Topic } from '../types.js';
import type { Database } from './schema.js';
import { compiledQuery } from './compiled-query.js';

/** Replaces the topics of one article, creating topics that are new. */
export async function setArticleTopics(
  db: Kysely<Database>,
  articleId: string,
  topics: readonly Topic[],
): Promise<void> {
  await deleteArticleTopics(db, { articleId });
  const unique = [...new Map(topics.map((t) => [t.key, t])).values()];
  if (unique.length === 0) return;
  const keys = unique.map((t) => t.key);
  await insertTopics(db, {
    keys,
    kinds: unique.map((t) => t.kind),
    names: unique.map((t) => t.name),
  });
  await insertArticleTopics(db, { articleId, keys });
}

const deleteArticleTopics = compiledQuery((db, v: { articleId: string }) =>
  db.deleteFrom('article_topics').where('article_id', '=', v.articleId),
);

const insertTopics = compiledQuery(
  (db, v: { keys: string[]; kinds: Topic['kind'][]; names: string[] }) =>
    db
      .insertInto('topics')
      .values(v.keys.map((key, i) => ({ key, kind: v.kinds[i]!, name: v.names[i]! })))
      .onConflict((oc) => oc.column('key').doNothing()),
);

const insertArticleTopics = compiledQuery((db, v: { articleId: string; keys: string[] }) =>
  db
    .insertInto('article_topics')
    .columns(['article_id', 'topic_id'])
    .expression((eb) =>
      eb
        .selectFrom('topics')
        .select((s) => [s.val(v.articleId).as('article_id'), 'id'])
        .where('key', 'in', v.keys),
    ),
);

/** Topics of many articles at once (one query), keyed by article id. */
export async function topicsOfArticles(
  db: Kysely<Database>,
  articleIds: readonly string[],
): Promise<Map<string, Topic[]>> {
  const out = new Map<string, Topic[]>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('article_topics')
    .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
    .select(['article_topics.article_id', 'topics.key', 'topics.kind', 'topics.name'])
    .where('article_topics.article_id', 'in', articleIds)
    .orderBy('topics.name')
    .execute();
  for (const row of rows) {
    const list = out.get(row.article_id) ?? [];
    list.push({ key: row.key, kind: row.kind, name: row.name });
    out.set(row.article_id, list);
  }
  return out;
}

/** A story's topics, most widely carried first. */
export async function topicsOfStory(db: Kysely<Database>, storyId: string): Promise<Topic[]> {
  const rows = await db
    .selectFrom('story_topics')
    .innerJoin('topics', 'topics.id', 'story_topics.topic_id')
    .select(['topics.key', 'topics.kind', 'topics.name'])
    .where('story_topics.story_id', '=', storyId)
    .orderBy('story_topics.article_count', 'desc')
    .orderBy('topics.name')
    .execute();
  return rows.map((r) => ({ key: r.key, kind: r.kind, name: r.name }));
}
