// Topics: people, organisations, places and themes, found by their stable key. An article's
// topics come from enrich; a story's topics are derived from its articles' on every recount.
import type { Kysely } from 'kysely';
import type { Topic } from '../types.js';
import type { Database } from './schema.js';
import { chunks } from './chunks.js';
import { compiledQuery } from './compiled-query.js';

/**
 * The article topics of one save, written together at its end: three statements for the whole
 * batch where one article's topics were three of its own (bench/scale lane, 2026-12-07). Topic
 * ids come out in the order the sequential writes gave them: first appearance in the batch.
 */
export class TopicWrites {
  private readonly pending = new Map<string, readonly Topic[]>();
  /** Every topic queued, in order: one replaced before the flush was still created. */
  private readonly topics = new Map<string, Topic>();

  /** Replaces the article's topics at flush (the last set queued wins). */
  set(articleId: string, topics: readonly Topic[]): void {
    this.pending.set(articleId, topics);
    for (const topic of topics) if (!this.topics.has(topic.key)) this.topics.set(topic.key, topic);
  }

  /** Forgets the article's queued topics: its row is going. */
  drop(articleId: string): void {
    this.pending.delete(articleId);
  }

  /** Replaces the queued articles' topics, creating topics that are new. */
  async flush(db: Kysely<Database>): Promise<void> {
    const articleIds = [...this.pending.keys()];
    const links: { articleId: string; key: string }[] = [];
    for (const [articleId, list] of this.pending)
      for (const topic of list) links.push({ articleId, key: topic.key });
    const topics = [...this.topics.values()];
    this.pending.clear();
    this.topics.clear();
    for (const ids of chunks(articleIds)) await deleteArticleTopics(db, { ids });
    const idOfKey = new Map<string, number>();
    for (const unique of chunks(topics)) {
      const keys = unique.map((t) => t.key);
      await insertTopics(db, {
        keys,
        kinds: unique.map((t) => t.kind),
        names: unique.map((t) => t.name),
      });
      for (const row of (await selectTopicIds(db, { keys })).rows) idOfKey.set(row.key, row.id);
    }
    const pairs = new Map<string, { articleId: string; topicId: number }>();
    for (const { articleId, key } of links) {
      const topicId = idOfKey.get(key)!;
      pairs.set(`${articleId}\u0000${topicId}`, { articleId, topicId });
    }
    for (const rows of chunks([...pairs.values()]))
      await insertArticleTopics(db, {
        articleIds: rows.map((r) => r.articleId),
        topicIds: rows.map((r) => r.topicId),
      });
  }
}

const deleteArticleTopics = compiledQuery((db, v: { ids: string[] }) =>
  db.deleteFrom('article_topics').where('article_id', 'in', v.ids),
);

const insertTopics = compiledQuery(
  (db, v: { keys: string[]; kinds: Topic['kind'][]; names: string[] }) =>
    db
      .insertInto('topics')
      .values(v.keys.map((key, i) => ({ key, kind: v.kinds[i]!, name: v.names[i]! })))
      .onConflict((oc) => oc.column('key').doNothing()),
);

const selectTopicIds = compiledQuery((db, v: { keys: string[] }) =>
  db.selectFrom('topics').select(['id', 'key']).where('key', 'in', v.keys),
);

const insertArticleTopics = compiledQuery((db, v: { articleIds: string[]; topicIds: number[] }) =>
  db
    .insertInto('article_topics')
    .values(
      v.articleIds.map((articleId, i) => ({ article_id: articleId, topic_id: v.topicIds[i]! })),
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
