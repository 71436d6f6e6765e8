// Reads for the web app and API: story lists, one story with its families, one article.
import type { Kysely, Selectable } from 'kysely';
import type { Article } from '../types.js';
import { decodeParagraphs, fromJson } from './codec.js';
import type { Database, StoryTable } from './schema.js';
import { topicsOfArticles, topicsOfStory } from './topics.js';
import type { ArticleRow, FamilyView, StorySummaryRow, StoryView } from './index.js';
import type { StoryListKey } from './list-keys.js';

/** Stories, most recently updated first; ties broken by id so paging is stable. */
export function listStories(
  db: Kysely<Database>,
  limit: number,
  offset: number,
  after: StoryListKey | null = null,
): Promise<StorySummaryRow[]> {
  return listStoriesWhere(db, limit, offset, (q) => q, after);
}

function storiesQuery(db: Kysely<Database>) {
  return db.selectFrom('stories').selectAll('stories');
}

type StoriesQuery = ReturnType<typeof storiesQuery>;

/** Stories strictly after `after` in list order (`last_updated DESC, id`). */
function afterStory(q: StoriesQuery, after: StoryListKey | null): StoriesQuery {
  if (after === null) return q;
  return q.where((eb) =>
    eb.or([
      eb('stories.last_updated', '<', after.lastUpdated),
      eb.and([eb('stories.last_updated', '=', after.lastUpdated), eb('stories.id', '>', after.id)]),
    ]),
  );
}

/**
 * The story list narrowed by `filter` (a topic, an outlet), in list order, from `offset` or,
 * for keyset paging, from just after the story `after`.
 */
export async function listStoriesWhere(
  db: Kysely<Database>,
  limit: number,
  offset: number,
  filter: (q: StoriesQuery) => StoriesQuery,
  after: StoryListKey | null = null,
): Promise<StorySummaryRow[]> {
  const rows = await afterStory(filter(storiesQuery(db)), after)
    .orderBy('stories.last_updated', 'desc')
    .orderBy('stories.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const outlets = await outletsOfStories(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, outlets.get(r.id) ?? []));
}

export async function getStory(db: Kysely<Database>, id: string): Promise<StoryView | null> {
  const story = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  if (story === undefined) return null;
  const families = await db
    .selectFrom('families')
    .selectAll()
    .where('story_id', '=', id)
    .orderBy('first_seen')
    .orderBy('id')
    .execute();
  const articles = await readArticles(db, (q) => q.where('articles.story_id', '=', id));
  const views: FamilyView[] = families.map((f) => ({
    id: f.id,
    originalId: f.original_article_id ?? '',
    articles: originalFirst(articles.filter((a) => a.familyId === f.id)),
  }));
  const outlets = await outletsOfStories(db, [id]);
  return {
    story: toSummary(story, outlets.get(id) ?? []),
    families: views,
    topics: await topicsOfStory(db, id),
  };
}

/** One copy family with its story and articles (original first); null for an unknown id. */
export async function getFamily(
  db: Kysely<Database>,
  id: string,
): Promise<(FamilyView & { storyId: string }) | null> {
  const family = await db
    .selectFrom('families')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (family === undefined) return null;
  const articles = await readArticles(db, (q) => q.where('articles.family_id', '=', id));
  return {
    id: family.id,
    storyId: family.story_id,
    originalId: family.original_article_id ?? '',
    articles: originalFirst(articles),
  };
}

export async function getArticle(db: Kysely<Database>, id: string): Promise<ArticleRow | null> {
  const [row] = await readArticles(db, (q) => q.where('articles.id', '=', id));
  return row ?? null;
}

/** Articles in the order of `ids` (unknown ids are skipped), for search results. */
export async function getArticles(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ArticleRow[]> {
  if (ids.length === 0) return [];
  const rows = await readArticles(db, (q) => q.where('articles.id', 'in', ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function originalFirst(articles: ArticleRow[]): ArticleRow[] {
  return [...articles.filter((a) => a.isOriginal), ...articles.filter((a) => !a.isOriginal)];
}

function articleQuery(db: Kysely<Database>) {
  return db
    .selectFrom('articles')
    .innerJoin('pages', 'pages.id', 'articles.page_id')
    .leftJoin('outlets', 'outlets.id', 'articles.outlet_id')
    .selectAll('articles')
    .select(['pages.url as page_url', 'outlets.name as outlet_name'])
    .orderBy('articles.first_seen')
    .orderBy('articles.id');
}

type ArticleQuery = ReturnType<typeof articleQuery>;
type ArticleQueryRow = Awaited<ReturnType<ArticleQuery['execute']>>[number];

async function readArticles(
  db: Kysely<Database>,
  filter: (q: ArticleQuery) => ArticleQuery,
): Promise<ArticleRow[]> {
  const rows = await filter(articleQuery(db)).execute();
  const topics = await topicsOfArticles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toArticleRow(r, topics.get(r.id) ?? []));
}

function toArticleRow(r: ArticleQueryRow, topics: ArticleRow['topics']): ArticleRow {
  return {
    id: r.id,
    pageId: r.page_id,
    position: r.position,
    revision: r.revision,
    url: r.url,
    pageUrl: r.page_url,
    title: r.title,
    outlet: r.outlet_name,
    byline: r.byline,
    published: r.published,
    updated: r.updated,
    dateline: r.dateline,
    credit: r.credit,
    language: r.language,
    text: r.text,
    paragraphs: decodeParagraphs(r.text, r.paragraphs),
    html: r.html,
    images: fromJson<Article['images']>(r.images),
    wordCount: r.word_count,
    familyId: r.family_id,
    storyId: r.story_id,
    isOriginal: r.is_original === 1,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    topics,
  };
}

/** Outlet names per story, in the order they first covered it. */
async function outletsOfStories(
  db: Kysely<Database>,
  storyIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (storyIds.length === 0) return out;
  const rows = await db
    .selectFrom('articles')
    .innerJoin('outlets', 'outlets.id', 'articles.outlet_id')
    .where('articles.story_id', 'in', storyIds)
    .groupBy(['articles.story_id', 'outlets.name'])
    .select((eb) => [
      'articles.story_id',
      'outlets.name',
      eb.fn.min('articles.first_seen').as('first'),
    ])
    .orderBy('first')
    .orderBy('outlets.name')
    .execute();
  for (const row of rows) {
    const list = out.get(row.story_id) ?? [];
    list.push(row.name);
    out.set(row.story_id, list);
  }
  return out;
}

function toSummary(r: Selectable<StoryTable>, outlets: string[]): StorySummaryRow {
  return {
    id: r.id,
    headline: r.headline,
    articleCount: r.article_count,
    familyCount: r.family_count,
    outlets,
    firstSeen: r.first_seen,
    lastUpdated: r.last_updated,
  };
}
