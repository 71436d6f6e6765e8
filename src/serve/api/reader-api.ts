// The API of the reader's newer pages: outlets (with their stories) and a story's related
// stories. Same conventions as routes.ts: page/limit paging with links, errors as coded JSON.
import type { FastifyInstance } from 'fastify';
import type { OutletListRow, Store } from '../../store/index.js';
import { MAX_PAGE_SIZE, readPaging } from '../paging.js';
import { readOutlet, readOutletPage, readOutletStories, readRelated, readStory } from '../reads.js';
import { apiOutletPath, outletPath } from '../paths.js';
import { storySummaryJson } from './dto.js';
import { StorylineError } from '../../errors.js';

/** Related stories returned at most (the reader shows 5). */
export const MAX_RELATED = 20;

export interface ReaderApiDeps {
  store: Store;
  pageSize: number;
}

type Paged = { Querystring: Record<string, unknown> };

function outletJson<T extends OutletListRow>(outlet: T) {
  return { ...outlet, links: { self: apiOutletPath(outlet.name), html: outletPath(outlet.name) } };
}

function pageLinks(path: string, page: number, limit: number, hasNext: boolean) {
  const link = (n: number) => `${path}?page=${n}&limit=${limit}`;
  return { next: hasNext ? link(page + 1) : null, prev: page > 1 ? link(page - 1) : null };
}

export function registerReaderApi(app: FastifyInstance, deps: ReaderApiDeps): void {
  app.get<Paged>('/api/v1/outlets', async (request) => {
    const paging = readPaging(request.query, MAX_PAGE_SIZE, true);
    const { outlets, hasNext } = await readOutletPage(deps.store, paging);
    return {
      outlets: outlets.map(outletJson),
      page: paging.page,
      limit: paging.limit,
      hasNext,
      links: pageLinks('/api/v1/outlets', paging.page, paging.limit, hasNext),
    };
  });

  app.get<Paged & { Params: { name: string } }>('/api/v1/outlets/:name', async (request) => {
    const paging = readPaging(request.query, deps.pageSize, true);
    const outlet = await readOutlet(deps.store, request.params.name);
    const { stories, hasNext } = await readOutletStories(deps.store, outlet.name, paging);
    return {
      outlet: outletJson(outlet),
      stories: stories.map(storySummaryJson),
      page: paging.page,
      limit: paging.limit,
      hasNext,
      links: pageLinks(apiOutletPath(outlet.name), paging.page, paging.limit, hasNext),
    };
  });

  app.get<Paged & { Params: { id: string } }>('/api/v1/stories/:id/related', async (request) => {
    const paging = readPaging(request.query, 5, true);
    if (paging.page !== 1) {
      throw new StorylineError('BAD_REQUEST', 'serve: related stories have one page; use limit');
    }
    const { story } = await readStory(deps.store, request.params.id);
    const related = await readRelated(deps.store, story.id, Math.min(paging.limit, MAX_RELATED));
    return {
      story: storySummaryJson(story),
      related: related.map((r) => ({
        story: storySummaryJson(r.story),
        sharedTopics: r.shared,
        score: Math.round(r.score * 1000) / 1000,
      })),
    };
  });
}
