// The Store implementation: one Kysely instance, methods delegating to the table-group files.
// Reads wrap failures as STORE_FAILED with the operation in the message; savePage does its own.
import { StorylineError, describeError } from '../errors.js';
import { listRevisions } from './articles.js';
import { clearDerived } from './clear-derived.js';
import { listCorrections, saveCorrection } from './corrections.js';
import type { Connection } from './dialect.js';
import { groupingState } from './grouping-state.js';
import { findPageId, readPage, readPageBody, storedPages } from './pages.js';
import { getArticle, getArticles, getFamily, getStory, listStories } from './reads.js';
import { savePage, savePages } from './save-page.js';
import { listSources, recordSourceFetch, removeSource, upsertSource } from './sources.js';
import {
  enqueuePage,
  failQueuedPage,
  finishQueuedPage,
  isQueued,
  pendingPages,
} from './fetch-queue.js';
import { forgetSourceItems, markSourceItems, sourceItems } from './source-items.js';
import { countRows } from './stats.js';
import { searchStories } from './story-search.js';
import { getTopic, listStoriesByTopic, listTopics } from './topic-reads.js';
import {
  getOutlet,
  listOutlets,
  listStoriesByOutlet,
  rankCandidates,
  relatedStories,
  storyLeads,
  storySummaries,
} from './reader-reads.js';
import type { Store } from './index.js';

/** Most search results one call returns, whatever the caller asks. */
export const MAX_SEARCH_RESULTS = 200;
/** Most rows one list call returns (the reader shows 30 a page; the API allows up to 100). */
export const MAX_LIST_ROWS = 500;

/** A limit and offset that SQL will not misread (SQLite takes LIMIT -1 as "no limit"). */
export function pageWindow(limit: number, offset = 0): { limit: number; offset: number } {
  const whole = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0);
  return { limit: Math.min(whole(limit), MAX_LIST_ROWS), offset: whole(offset) };
}

function storeFailure(action: string, error: unknown): unknown {
  if (error instanceof StorylineError) return error;
  return new StorylineError('STORE_FAILED', `store: unable to ${action}: ${describeError(error)}`, {
    cause: error,
  });
}

/** Streams `rows`, rethrowing a failure half-way as STORE_FAILED like every other read. */
async function* streamed<T>(action: string, rows: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* rows;
  } catch (error) {
    throw storeFailure(action, error);
  }
}

export function createStore({ db, dialect }: Connection, now: () => Date): Store {
  const attempt = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw storeFailure(action, error);
    }
  };
  return {
    dialect: dialect.name,
    hasPage: (sha256) =>
      attempt('look up a page', async () => (await findPageId(db, sha256)) !== null),
    savePage: (input) => savePage(db, dialect, input, now()),
    savePages: (inputs) => savePages(db, dialect, inputs, now()),
    groupingState: (afterSeq) =>
      streamed('read the grouping state', groupingState(db, undefined, afterSeq)),
    listStories: ({ limit, offset, after }) => {
      const w = pageWindow(limit, offset);
      return attempt('list stories', () => listStories(db, w.limit, w.offset, after ?? null));
    },
    getStory: (id) => attempt(`read story ${id}`, () => getStory(db, id)),
    getArticle: (id) => attempt(`read article ${id}`, () => getArticle(db, id)),
    getFamily: (id) => attempt(`read family ${id}`, () => getFamily(db, id)),
    articleRevisions: (id) => attempt(`read revisions of ${id}`, () => listRevisions(db, id)),
    search: (query, limit) =>
      attempt('search', async () =>
        getArticles(
          db,
          await dialect.search(db, query, Math.min(pageWindow(limit).limit, MAX_SEARCH_RESULTS)),
        ),
      ),
    searchStories: (query, limit) =>
      attempt('search stories', async () =>
        searchStories(
          db,
          await dialect.search(db, query, MAX_SEARCH_RESULTS),
          Math.min(pageWindow(limit).limit, MAX_SEARCH_RESULTS),
        ),
      ),
    pageBody: (pageId) => attempt(`read page ${pageId}`, () => readPageBody(db, pageId)),
    storedPages: () => streamed('list pages', storedPages(db)),
    readPage: (pageId) => attempt(`read page ${pageId}`, () => readPage(db, pageId)),
    listTopics: ({ limit, offset, after }) => {
      const w = pageWindow(limit, offset);
      return attempt('list topics', () => listTopics(db, w.limit, w.offset, after ?? null));
    },
    getTopic: (key) => attempt(`read topic ${key}`, () => getTopic(db, key)),
    listStoriesByTopic: (key, { limit, offset, after }) => {
      const w = pageWindow(limit, offset);
      return attempt(`list stories of topic ${key}`, () =>
        listStoriesByTopic(db, key, w.limit, w.offset, after ?? null),
      );
    },
    listOutlets: ({ limit, offset, after }) => {
      const w = pageWindow(limit, offset);
      return attempt('list outlets', () => listOutlets(db, w.limit, w.offset, after ?? null));
    },
    getOutlet: (name) => attempt(`read outlet ${name}`, () => getOutlet(db, name)),
    listStoriesByOutlet: (name, { limit, offset, after }) => {
      const w = pageWindow(limit, offset);
      return attempt(`list stories of outlet ${name}`, () =>
        listStoriesByOutlet(db, name, w.limit, w.offset, after ?? null),
      );
    },
    relatedStories: (storyId, limit) =>
      attempt(`read stories related to ${storyId}`, () =>
        relatedStories(db, storyId, pageWindow(limit).limit),
      ),
    storyLeads: (storyIds) =>
      attempt('read story leads', () => storyLeads(db, storyIds.slice(0, MAX_LIST_ROWS))),
    rankCandidates: (limit) =>
      attempt('read stories to rank', () => rankCandidates(db, pageWindow(limit).limit)),
    storySummaries: (ids) =>
      attempt('read stories', () => storySummaries(db, ids.slice(0, MAX_LIST_ROWS))),
    addSource: (source) =>
      attempt(`add source ${source.uri}`, () => upsertSource(db, source, now().toISOString())),
    listSources: () => attempt('list sources', () => listSources(db)),
    recordSourceFetch: (uri, fetch) =>
      attempt(`record a fetch of ${uri}`, () => recordSourceFetch(db, uri, fetch)),
    removeSource: (uri) => attempt(`remove source ${uri}`, () => removeSource(db, uri)),
    enqueuePage: (input) => attempt(`queue ${input.page.url}`, () => enqueuePage(db, input)),
    pendingPages: (limit, maxAttempts) =>
      attempt('list queued pages', () => pendingPages(db, pageWindow(limit).limit, maxAttempts)),
    finishQueuedPage: (id) => attempt(`finish queued page ${id}`, () => finishQueuedPage(db, id)),
    failQueuedPage: (id, error) =>
      attempt(`record a failure of queued page ${id}`, () => failQueuedPage(db, id, error)),
    hasFetched: (sha256) =>
      attempt(
        'look up a fetched page',
        async () => (await findPageId(db, sha256)) !== null || (await isQueued(db, sha256)),
      ),
    sourceItems: (uri) => attempt(`read items of ${uri}`, () => sourceItems(db, uri)),
    markSourceItems: (uri, items, at) =>
      attempt(`record items of ${uri}`, () => markSourceItems(db, uri, items, at)),
    forgetSourceItems: (uri, before) =>
      attempt(`forget old items of ${uri}`, () => forgetSourceItems(db, uri, before)),
    clearDerived: () => attempt('clear derived rows', () => clearDerived(db, dialect)),
    saveCorrection: (input) =>
      attempt(`save a ${input.request.kind} correction`, () =>
        saveCorrection(db, dialect, input, now().toISOString()),
      ),
    corrections: () => attempt('list corrections', () => listCorrections(db)),
    stats: () => attempt('count rows', () => countRows(db)),
    close: () => db.destroy(),
  };
}
