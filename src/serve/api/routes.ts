// The versioned JSON API. Reads only; errors are `{ error: { code, status, message } }`.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import { readEdits, type DiffFn } from '../edits.js';
import { MAX_PAGE_SIZE } from '../paging.js';
import {
  cursorPage,
  readCursorPaging,
  readSinglePage,
  storyCursor,
  topicCursor,
} from '../cursor.js';
import { SEARCH_RESULTS, readQuery } from '../search-query.js';
import {
  readArticle,
  readRevisions,
  readSearch,
  readStorySearch,
  readStory,
  readStoryPage,
  readTopic,
  readTopicPage,
  readTopicStories,
} from '../reads.js';
import { apiTopicPath, topicPath } from '../paths.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { registerReaderApi } from './reader-api.js';
import { articleJson, articleSummaryJson, storyJson, storySummaryJson } from './dto.js';
import { registerFamilyRoutes } from './family-routes.js';

export interface ApiDeps {
  store: Store;
  pageSize: number;
  diff: DiffFn | null;
}

type IdParams = { Params: { id: string } };
type Paged = { Querystring: Record<string, unknown> };

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  // /api/v1/families/:id and /api/v1/articles/:id/diff (issue 4).
  registerFamilyRoutes(app, deps);
  app.get<Paged>('/api/v1/stories', async (request) => {
    const paging = readCursorPaging(request.query, deps.pageSize, storyCursor.decode);
    const { stories, hasNext } = await readStoryPage(deps.store, paging);
    return {
      stories: stories.map(storySummaryJson),
      ...cursorPage('/api/v1/stories', paging.limit, stories, hasNext, storyCursor.encode),
    };
  });

  app.get('/api/v1/openapi.json', async () => OPENAPI_DOCUMENT);

  app.get<IdParams>('/api/v1/stories/:id', async (request) =>
    storyJson(await readStory(deps.store, request.params.id)),
  );

  app.get<Paged>('/api/v1/topics', async (request) => {
    const paging = readCursorPaging(request.query, MAX_PAGE_SIZE, topicCursor.decode);
    const { topics, hasNext } = await readTopicPage(deps.store, paging);
    return {
      topics: topics.map((t) => ({
        ...t,
        links: { self: apiTopicPath(t.key), html: topicPath(t.key) },
      })),
      ...cursorPage('/api/v1/topics', paging.limit, topics, hasNext, topicCursor.encode),
    };
  });

  app.get<Paged & { Params: { key: string } }>('/api/v1/topics/:key', async (request) => {
    const paging = readCursorPaging(request.query, deps.pageSize, storyCursor.decode);
    const topic = await readTopic(deps.store, request.params.key);
    const { stories, hasNext } = await readTopicStories(deps.store, topic.key, paging);
    return {
      topic: { ...topic, links: { self: apiTopicPath(topic.key), html: topicPath(topic.key) } },
      stories: stories.map(storySummaryJson),
      ...cursorPage(apiTopicPath(topic.key), paging.limit, stories, hasNext, storyCursor.encode),
    };
  });

  app.get<Paged>('/api/v1/search', async (request) => {
    const query = readQuery(request.query);
    const limit = readSinglePage(request.query, SEARCH_RESULTS, 'search results');
    const [stories, articles] = await Promise.all([
      readStorySearch(deps.store, query, limit),
      readSearch(deps.store, query, limit),
    ]);
    return { query, stories: stories.map(storySummaryJson), articles: articles.map(articleJson) };
  });

  app.get<IdParams>('/api/v1/articles/:id/edits', async (request) => {
    const { original, copy, diff } = await readEdits(deps.store, deps.diff, request.params.id);
    return {
      original: articleSummaryJson(original, original.id),
      copy: articleSummaryJson(copy, original.id),
      diff,
    };
  });

  app.get<IdParams>('/api/v1/articles/:id/revisions', async (request) => {
    const { article, revisions } = await readRevisions(deps.store, request.params.id);
    return {
      article: articleSummaryJson(article, article.isOriginal ? article.id : ''),
      current: article.revision,
      revisions: [...revisions].sort((a, b) => b.revision - a.revision),
    };
  });

  app.get<IdParams>('/api/v1/articles/:id', async (request) =>
    articleJson(await readArticle(deps.store, request.params.id)),
  );
  registerReaderApi(app, { store: deps.store, pageSize: deps.pageSize });
}
