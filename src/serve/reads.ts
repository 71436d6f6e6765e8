// The reader's reads from the store, shared by the HTML pages and the JSON API. Store failures
// become STORE_FAILED errors naming what we were reading; "no such story" is a null, and the
// routes turn it into NOT_FOUND.
import type {
  ArticleRow,
  FamilyView,
  RevisionRow,
  Store,
  StorySummaryRow,
  StoryView,
  TopicSummaryRow,
} from '../store/index.js';
import type { Topic } from '../types.js';
import { StorylineError, describeError, isStorylineError } from '../errors.js';
import type { Paging } from './paging.js';

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
export async function readStoryPage(store: Store, paging: Paging): Promise<StoryPage> {
  const rows = await guarded('stories', () =>
    store.listStories({ limit: paging.limit + 1, offset: paging.offset }),
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
  paging: Paging,
): Promise<StoryPage> {
  const rows = await guarded(`stories of topic ${key}`, () =>
    store.listStoriesByTopic(key, { limit: paging.limit + 1, offset: paging.offset }),
  );
  return { stories: rows.slice(0, paging.limit), hasNext: rows.length > paging.limit };
}

export interface TopicPage {
  topics: TopicSummaryRow[];
  hasNext: boolean;
}

export async function readTopicPage(store: Store, paging: Paging): Promise<TopicPage> {
  const rows = await guarded('topics', () =>
    store.listTopics({ limit: paging.limit + 1, offset: paging.offset }),
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

/** Superseded texts of an article, oldest first; NOT_FOUND for an unknown article. */
export async function readRevisions(
  store: Store,
  id: string,
): Promise<{ article: ArticleRow; revisions: RevisionRow[] }> {
  const article = await readArticle(store, id);
  const revisions = await guarded(`revisions of ${id}`, () => store.articleRevisions(id));
  return { article, revisions };
}
