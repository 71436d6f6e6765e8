// Reads for the reader's outlet pages, related stories and front-page summary lines.
import { sql, type Kysely } from 'kysely';
import type { Topic } from '../types.js';
import type { Database } from './schema.js';
import { listStoriesWhere } from './reads.js';
import type { StorySummaryRow } from './index.js';
import type { OutletListKey, StoryListKey } from './list-keys.js';

export interface OutletSummaryRow {
  name: string;
  domain: string | null;
  articleCount: number;
  storyCount: number;
  firstSeen: string;
  lastSeen: string;
}

/** An outlet in the list of outlets: counts only (times would cost a read of every article). */
export interface OutletListRow {
  name: string;
  domain: string | null;
  articleCount: number;
  storyCount: number;
}

/**
 * Outlets with at least one article, most articles first (ties by name). Counted from the
 * articles_outlet index alone: joining outlets to articles first read every article row
 * (557 ms against 4.5 ms at 5 thousand articles).
 */
export async function listOutlets(
  db: Kysely<Database>,
  limit: number,
  offset: number,
  after: OutletListKey | null = null,
): Promise<OutletListRow[]> {
  let query = db
    .selectFrom((eb) =>
      eb
        .selectFrom('articles')
        .where('outlet_id', 'is not', null)
        .groupBy('outlet_id')
        .select((c) => [
          'outlet_id',
          c.fn.countAll<number>().as('articles'),
          c.fn.count<number>('story_id').distinct().as('stories'),
        ])
        .as('c'),
    )
    .innerJoin('outlets', 'outlets.id', 'c.outlet_id')
    .select(['outlets.name', 'outlets.domain', 'c.articles', 'c.stories'])
    .orderBy('c.articles', 'desc')
    .orderBy('outlets.name');
  if (after !== null) {
    query = query.where((eb) =>
      eb.or([
        eb('c.articles', '<', after.articleCount),
        eb.and([eb('c.articles', '=', after.articleCount), eb('outlets.name', '>', after.name)]),
      ]),
    );
  }
  const rows = await query.limit(limit).offset(offset).execute();
  return rows.map((r) => ({
    name: r.name,
    domain: r.domain,
    articleCount: Number(r.articles),
    storyCount: Number(r.stories),
  }));
}

export async function getOutlet(
  db: Kysely<Database>,
  name: string,
): Promise<OutletSummaryRow | null> {
  const row = await outletQuery(db).where('outlets.name', '=', name).executeTakeFirst();
  return row ? toOutlet(row) : null;
}

function outletQuery(db: Kysely<Database>) {
  return db
    .selectFrom('outlets')
    .innerJoin('articles', 'articles.outlet_id', 'outlets.id')
    .groupBy(['outlets.id', 'outlets.name', 'outlets.domain'])
    .select((eb) => [
      'outlets.name',
      'outlets.domain',
      eb.fn.countAll<number>().as('articles'),
      eb.fn.count<number>('articles.story_id').distinct().as('stories'),
      eb.fn.min('articles.first_seen').as('first_seen'),
      eb.fn.max('articles.first_seen').as('last_seen'),
    ]);
}

type OutletQueryRow = Awaited<ReturnType<ReturnType<typeof outletQuery>['execute']>>[number];

function toOutlet(r: OutletQueryRow): OutletSummaryRow {
  return {
    name: r.name,
    domain: r.domain,
    articleCount: Number(r.articles),
    storyCount: Number(r.stories),
    firstSeen: String(r.first_seen),
    lastSeen: String(r.last_seen),
  };
}

/** Stories the outlet covered, most recently updated first. */
export function listStoriesByOutlet(
  db: Kysely<Database>,
  name: string,
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
          .selectFrom('articles')
          .innerJoin('outlets', 'outlets.id', 'articles.outlet_id')
          .select('articles.story_id')
          .where('outlets.name', '=', name),
      ),
    after,
  );
}

export interface RelatedStoryRow {
  story: StorySummaryRow;
  /** Topics both stories carry, rarest first: the reason they are related. */
  shared: Topic[];
  /** Sum over shared topics of 1 / (stories carrying the topic): higher is closer. */
  score: number;
}

/**
 * A topic carried by more stories than this says nothing about two stories being related (a
 * country every story names); skipping it also bounds the join. Chosen by judgement, not tuned.
 */
export const RELATED_MAX_TOPIC_STORIES = 1000;

/**
 * Two stories are related when they share at least this many actors (people or
 * organisations). A shared place or theme ranks and explains a relation but never makes one on
 * its own: a town's bridge repair and its winter fair, or two stories that merely both happen in
 * Washington and name the president, are not one thread. One shared actor is as weak: the
 * head of state appears in half of all political news. Chosen by judgement on the seed case and
 * the sample corpus; the store has no labelled related pairs to calibrate against.
 */
export const RELATED_MIN_SHARED_ACTORS = 2;

const ACTOR_KINDS = new Set(['person', 'organisation']);

/**
 * Other stories sharing topics with `storyId`: most shared topics first, weighted so a rare
 * topic counts more than a common one (1 / number of stories carrying it), then most recent.
 */
export async function relatedStories(
  db: Kysely<Database>,
  storyId: string,
  limit: number,
): Promise<RelatedStoryRow[]> {
  const own = await db
    .selectFrom('story_topics')
    .innerJoin('topics', 'topics.id', 'story_topics.topic_id')
    .select(['topics.id', 'topics.key', 'topics.kind', 'topics.name'])
    .select((eb) =>
      eb
        .selectFrom('story_topics as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.topic_id', '=', 'topics.id')
        .as('stories'),
    )
    .where('story_topics.story_id', '=', storyId)
    // An outlet named in the text ("told Reuters") is a source, not an actor of the story.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outlets')
            .select('outlets.id')
            .where(sql<boolean>`lower(outlets.name) = lower(topics.name)`),
        ),
      ),
    )
    .execute();
  const useful = own.filter((t) => Number(t.stories) <= RELATED_MAX_TOPIC_STORIES);
  if (useful.length === 0 || limit <= 0) return [];
  const weight = new Map(useful.map((t) => [t.id, 1 / Math.max(1, Number(t.stories))]));
  const pairs = await db
    .selectFrom('story_topics')
    .select(['story_id', 'topic_id'])
    .where(
      'topic_id',
      'in',
      useful.map((t) => t.id),
    )
    .where('story_id', '!=', storyId)
    .execute();
  const scores = new Map<string, { score: number; topics: number[] }>();
  for (const p of pairs) {
    const entry = scores.get(p.story_id) ?? { score: 0, topics: [] };
    entry.score += weight.get(p.topic_id) ?? 0;
    entry.topics.push(p.topic_id);
    scores.set(p.story_id, entry);
  }
  const kindOf = new Map(useful.map((t) => [t.id, t.kind]));
  const best = [...scores]
    .filter(
      ([, e]) =>
        e.topics.filter((t) => ACTOR_KINDS.has(kindOf.get(t) ?? '')).length >=
        RELATED_MIN_SHARED_ACTORS,
    )
    .sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1));
  const chosen = best.slice(0, limit);
  if (chosen.length === 0) return [];
  const stories = await listStoriesWhere(db, chosen.length, 0, (q) =>
    q.where(
      'stories.id',
      'in',
      chosen.map(([id]) => id),
    ),
  );
  const byId = new Map(stories.map((s) => [s.id, s]));
  const topicOf = new Map(
    useful.map((t) => [t.id, { key: t.key, kind: t.kind, name: t.name } as Topic]),
  );
  return chosen.flatMap(([id, entry]) => {
    const story = byId.get(id);
    if (!story) return [];
    const shared = entry.topics
      .sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0))
      .flatMap((t) => topicOf.get(t) ?? []);
    return [{ story, shared, score: entry.score }];
  });
}

/** Characters of lead text returned per story: enough for a first sentence or two. */
export const LEAD_CHARS = 400;

/**
 * The opening text of each story's first article (its likely originals before copies), keyed
 * by story id: the front page's summary line.
 */
export async function storyLeads(
  db: Kysely<Database>,
  storyIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (storyIds.length === 0) return out;
  // ROW_NUMBER() is in SQLite since 3.25 and in every PostgreSQL we support.
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('articles')
        .select([
          'story_id',
          sql<string>`substr(text, 1, ${sql.lit(LEAD_CHARS)})`.as('lead'),
          sql<number>`row_number() over (partition by story_id order by is_original desc, first_seen, id)`.as(
            'rank',
          ),
        ])
        .where('story_id', 'in', storyIds)
        .as('ranked'),
    )
    .select(['story_id', 'lead'])
    .where('rank', '=', 1)
    .execute();
  for (const r of rows) out.set(r.story_id, r.lead);
  return out;
}

/** What the front page ranks by: counts and time, no joins. */
export interface StoryRankRow {
  id: string;
  articleCount: number;
  outletCount: number;
  lastUpdated: string;
}

/** The `limit` most recently updated stories with their counts: one index scan of stories. */
export async function rankCandidates(db: Kysely<Database>, limit: number): Promise<StoryRankRow[]> {
  const rows = await db
    .selectFrom('stories')
    .select(['id', 'article_count', 'outlet_count', 'last_updated'])
    .orderBy('last_updated', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleCount: r.article_count,
    outletCount: r.outlet_count,
    lastUpdated: r.last_updated,
  }));
}

/** Story summaries in the order of `ids`; unknown ids are skipped. */
export async function storySummaries(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<StorySummaryRow[]> {
  if (ids.length === 0) return [];
  const rows = await listStoriesWhere(db, ids.length, 0, (q) => q.where('stories.id', 'in', ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
