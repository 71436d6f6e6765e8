// Reads by topic, for topic pages and per-topic Atom feeds.
import type { Kysely } from 'kysely';
import type { Topic } from '../types.js';
import type { Database } from './schema.js';
import { listStoriesWhere } from './reads.js';
import type { StorySummaryRow } from './index.js';
import type { StoryListKey, TopicListKey } from './list-keys.js';

export interface TopicSummaryRow extends Topic {
  /** How many stories carry the topic. */
  storyCount: number;
}

/** Topics carried by the most stories first. */
export async function listTopics(
  db: Kysely<Database>,
  limit: number,
  offset: number,
  after: TopicListKey | null = null,
): Promise<TopicSummaryRow[]> {
  let query = db
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
    .orderBy('topics.key');
  if (after !== null) {
    // Counts are aggregates, so the seek is a HAVING on the same count the list sorts by.
    query = query.having((eb) =>
      eb.or([
        eb(eb.fn.countAll(), '<', after.storyCount),
        eb.and([
          eb(eb.fn.countAll(), '=', after.storyCount),
          eb.or([
            eb('topics.name', '>', after.name),
            eb.and([eb('topics.name', '=', after.name), eb('topics.key', '>', after.key)]),
          ]),
        ]),
      ]),
    );
  }
  const rows = await query.limit(limit).offset(offset).execute();
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
  after: StoryListKey | null = null,
): Promise<StorySummaryRow[]> {
  return listStoriesWhere(
    db,
    limit,
    offset,
    (q) =>
      q.where('stories.id', 'in', (eb) =>
        eb
          .selectFrom('story_topics')
          .innerJoin('topics', 'topics.id', 'story_topics.topic_id')
          .select('story_topics.story_id')
          .where('topics.key', '=', key),
      ),
    after,
  );
}
