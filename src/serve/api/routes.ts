// The versioned JSON API. Reads only; errors are `{ error: { code, status, message } }`.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import { readPaging } from '../paging.js';
import { readArticle, readStory, readStoryPage } from '../reads.js';
import { articleJson, storyJson, storySummaryJson } from './dto.js';

export interface ApiDeps {
  store: Store;
  pageSize: number;
}

type IdParams = { Params: { id: string } };

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Querystring: Record<string, unknown> }>('/api/v1/stories', async (request) => {
    const paging = readPaging(request.query, deps.pageSize, true);
    const { stories, hasNext } = await readStoryPage(deps.store, paging);
    const link = (page: number) => `/api/v1/stories?page=${page}&limit=${paging.limit}`;
    return {
      stories: stories.map(storySummaryJson),
      page: paging.page,
      limit: paging.limit,
      hasNext,
      links: {
        next: hasNext ? link(paging.page + 1) : null,
        prev: paging.page > 1 ? link(paging.page - 1) : null,
      },
    };
  });

  app.get<IdParams>('/api/v1/stories/:id', async (request) =>
    storyJson(await readStory(deps.store, request.params.id)),
  );

  app.get<IdParams>('/api/v1/articles/:id', async (request) =>
    articleJson(await readArticle(deps.store, request.params.id)),
  );
}
