// Reads by topic, for topic pages and per-topic Atom feeds.
import type { Kysely } from 'kysely';
import type { Topic } from '../types.js';
import type { Database } from './schema.js';
import { listStoriesWhere } from './reads.js';
import type { StorySummaryRow } from './index.js';

export interface TopicSummaryRow extends Topic {
  /** How many stories carry the topic. */
  storyCount: number;
}

/** Topics carried by the most stories first. */
export async function listTopics(
  db: Kysely<Database>,
  limit: number,
  offset: number,
): Promise<TopicSummaryRow[]> {
  const rows = await db
    .selectFrom('topics')
    .innerJoin('story_topics', 'story_topics.topic_id', 'topics.id')
    .groupBy(['topics.id', 'topics.key', 'topics.kind', 'topics.name'])
    .select((eb) => [
      'topics.key',
      'topics.kind',
      'topics.name',
      eb.fn.countAll<number>().as('stories'),
    ])
    .orderBy('stories', 'desc')
    .orderBy('topics.name')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    kind: r.kind,
    name: r.name,
    storyCount: Number(r.stories),
  }));
}

export async function getTopic(db: Kysely<Database>, key: string): Promise<Topic | null> {
  const row = await db
    .selectFrom('topics')
    .select(['key', 'kind', 'name'])
    .where('key', '=', key)
    .executeTakeFirst();
  return row ?? null;
}

/** Stories carrying the topic, most recently updated first. */
export function listStoriesByTopic(
  db: Kysely<Database>,
  key: string,
  limit: number,
  offset: number,
): Promise<StorySummaryRow[]> {
  return listStoriesWhere(db, limit, offset, (q) =>
    q.where('stories.id', 'in', (eb) =>
      eb
        .selectFrom('story_topics')
        .innerJoin('topics', 'topics.id', 'story_topics.topic_id')
        .select('story_topics.story_id')
        .where('topics.key', '=', key),
    ),
  );
}
