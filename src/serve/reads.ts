// The reader's reads from the store, shared by the HTML pages and the JSON API. Store failures
// become STORE_FAILED errors naming what we were reading; "no such story" is a null, and the
// routes turn it into NOT_FOUND.
import type {
  ArticleRow,
  FamilyView,
  OutletListRow,
  OutletSummaryRow,
  RelatedStoryRow,
  RevisionRow,
  SourceRow,
  Store,
  StorySummaryRow,
  StoryView,
  TopicSummaryRow,
} from '../store/index.js';
import type { Topic } from '../types.js';
import { StorylineError, describeError, isStorylineError } from '../errors.js';
import type { ListWindow, OutletListKey, StoryListKey, TopicListKey } from '../store/index.js';
import type { Paging } from './paging.js';
import { RANK_POOL, rankStories } from './ranking.js';

async function guarded<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isStorylineError(error)) throw error;
    throw new StorylineError(
      'STORE_FAILED',
      `serve: unable to read ${what}: ${describeError(error)}`,
      {
        cause: error,
      },
    );
  }
}

export interface StoryPage {
  stories: StorySummaryRow[];
  hasNext: boolean;
}

/** One page of stories; asks for one extra row to learn whether a next page exists. */
export async function readStoryPage(
  store: Store,
  paging: ListWindow<StoryListKey>,
): Promise<StoryPage> {
  const rows = await guarded('stories', () =>
    store.listStories({ ...paging, limit: paging.limit + 1 }),
  );
  return { stories: rows.slice(0, paging.limit), hasNext: rows.length > paging.limit };
}

export async function readStory(store: Store, id: string): Promise<StoryView> {
  const view = await guarded(`story ${id}`, () => store.getStory(id));
  if (!view) throw new StorylineError('NOT_FOUND', `serve: no story ${id}`);
  return view;
}

export async function readArticle(store: Store, id: string): Promise<ArticleRow> {
  const row = await guarded(`article ${id}`, () => store.getArticle(id));
  if (!row) throw new StorylineError('NOT_FOUND', `serve: no article ${id}`);
  return row;
}

/** The article's copy family, read through its story; null when the story is gone. */
export async function readFamily(store: Store, article: ArticleRow): Promise<FamilyView | null> {
  const view = await guarded(`story ${article.storyId}`, () => store.getStory(article.storyId));
  return view?.families.find((f) => f.id === article.familyId) ?? null;
}

export async function readTopic(store: Store, key: string): Promise<Topic> {
  const topic = await guarded(`topic ${key}`, () => store.getTopic(key));
  if (!topic) throw new StorylineError('NOT_FOUND', `serve: no topic ${key}`);
  return topic;
}

export async function readTopicStories(
  store: Store,
  key: string,
  paging: ListWindow<StoryListKey>,
): Promise<StoryPage> {
  const rows = await guarded(`stories of topic ${key}`, () =>
    store.listStoriesByTopic(key, { ...paging, limit: paging.limit + 1 }),
  );
  return { stories: rows.slice(0, paging.limit), hasNext: rows.length > paging.limit };
}

export interface TopicPage {
  topics: TopicSummaryRow[];
  hasNext: boolean;
}

export async function readTopicPage(
  store: Store,
  paging: ListWindow<TopicListKey>,
): Promise<TopicPage> {
  const rows = await guarded('topics', () =>
    store.listTopics({ ...paging, limit: paging.limit + 1 }),
  );
  return { topics: rows.slice(0, paging.limit), hasNext: rows.length > paging.limit };
}

/** Articles matching every word of `query`; none for an empty query. */
export async function readSearch(
  store: Store,
  query: string,
  limit: number,
): Promise<ArticleRow[]> {
  if (query === '') return [];
  return guarded(`search results for ${JSON.stringify(query)}`, () => store.search(query, limit));
}

/** Stories with an article matching every word of `query`, best first; none for an empty query. */
export async function readStorySearch(
  store: Store,
  query: string,
  limit: number,
): Promise<StorySummaryRow[]> {
  if (query === '') return [];
  return guarded(`stories matching ${JSON.stringify(query)}`, () =>
    store.searchStories(query, limit),
  );
}

/** Superseded texts of an article, oldest first; NOT_FOUND for an unknown article. */
export async function readRevisions(
  store: Store,
  id: string,
): Promise<{ article: ArticleRow; revisions: RevisionRow[] }> {
  const article = await readArticle(store, id);
  const revisions = await guarded(`revisions of ${id}`, () => store.articleRevisions(id));
  return { article, revisions };
}

/**
 * One page of the front page's order (see ranking.ts): the ranked pool first, then the stories
 * past it newest first. One extra row is asked for to learn whether a next page exists.
 */
export async function readFrontPage(store: Store, paging: Paging, now: Date): Promise<StoryPage> {
  const end = paging.offset + paging.limit;
  let head: StorySummaryRow[] = [];
  let poolFull = false;
  if (paging.offset < RANK_POOL) {
    // Ranked on counts alone (one index scan); full rows are read for the page's stories only.
    const pool = await guarded('stories', () => store.rankCandidates(RANK_POOL));
    poolFull = pool.length === RANK_POOL;
    const ids = rankStories(pool, now)
      .slice(paging.offset, end)
      .map((s) => s.id);
    head = await guarded('stories', () => store.storySummaries(ids));
    if (!poolFull) {
      return { stories: head, hasNext: pool.length > end };
    }
  }
  const tailStart = Math.max(paging.offset, RANK_POOL);
  const tailWanted = end + 1 - tailStart;
  const tail =
    tailWanted > 0
      ? await guarded('stories', () => store.listStories({ limit: tailWanted, offset: tailStart }))
      : [];
  const rows = [...head, ...tail];
  return {
    stories: rows.slice(0, paging.limit),
    hasNext: rows.length > paging.limit || (end < RANK_POOL && poolFull),
  };
}

/** Opening text per story id, for the front page's summary lines. */
export async function readLeads(
  store: Store,
  stories: readonly StorySummaryRow[],
): Promise<Map<string, string>> {
  return guarded('story leads', () => store.storyLeads(stories.map((s) => s.id)));
}

export async function readOutlet(store: Store, name: string): Promise<OutletSummaryRow> {
  const outlet = await guarded(`outlet ${name}`, () => store.getOutlet(name));
  if (!outlet) throw new StorylineError('NOT_FOUND', `serve: no outlet ${name}`);
  return outlet;
}

export async function readOutletStories(
  store: Store,
  name: string,
  paging: ListWindow<StoryListKey>,
): Promise<StoryPage> {
  const rows = await guarded(`stories of outlet ${name}`, () =>
    store.listStoriesByOutlet(name, { ...paging, limit: paging.limit + 1 }),
  );
  return { stories: rows.slice(0, paging.limit), hasNext: rows.length > paging.limit };
}

export interface OutletPage {
  outlets: OutletListRow[];
  hasNext: boolean;
}

export async function readOutletPage(
  store: Store,
  paging: ListWindow<OutletListKey>,
): Promise<OutletPage> {
  const rows = await guarded('outlets', () =>
    store.listOutlets({ ...paging, limit: paging.limit + 1 }),
  );
  return { outlets: rows.slice(0, paging.limit), hasNext: rows.length > paging.limit };
}

export async function readRelated(
  store: Store,
  storyId: string,
  limit: number,
): Promise<RelatedStoryRow[]> {
  return guarded(`stories related to ${storyId}`, () => store.relatedStories(storyId, limit));
}

export async function readSources(store: Store): Promise<SourceRow[]> {
  return guarded('sources', () => store.listSources());
}
