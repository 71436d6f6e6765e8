// The API of the reader's newer pages: outlets (with their stories) and a story's related
// stories. Same conventions as routes.ts: cursor/limit paging with links, errors as coded JSON.
import type { FastifyInstance } from 'fastify';
import type { OutletListRow, Store } from '../../store/index.js';
import { MAX_PAGE_SIZE } from '../paging.js';
import {
  cursorPage,
  outletCursor,
  readCursorPaging,
  readSinglePage,
  storyCursor,
} from '../cursor.js';
import { readOutlet, readOutletPage, readOutletStories, readRelated, readStory } from '../reads.js';
import { apiOutletPath, outletPath } from '../paths.js';
import { storySummaryJson } from './dto.js';

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

export function registerReaderApi(app: FastifyInstance, deps: ReaderApiDeps): void {
  app.get<Paged>('/api/v1/outlets', async (request) => {
    const paging = readCursorPaging(request.query, MAX_PAGE_SIZE, outletCursor.decode);
    const { outlets, hasNext } = await readOutletPage(deps.store, paging);
    return {
      outlets: outlets.map(outletJson),
      ...cursorPage('/api/v1/outlets', paging.limit, outlets, hasNext, outletCursor.encode),
    };
  });

  app.get<Paged & { Params: { name: string } }>('/api/v1/outlets/:name', async (request) => {
    const paging = readCursorPaging(request.query, deps.pageSize, storyCursor.decode);
    const outlet = await readOutlet(deps.store, request.params.name);
    const { stories, hasNext } = await readOutletStories(deps.store, outlet.name, paging);
    const path = apiOutletPath(outlet.name);
    return {
      outlet: outletJson(outlet),
      stories: stories.map(storySummaryJson),
      ...cursorPage(path, paging.limit, stories, hasNext, storyCursor.encode),
    };
  });

  app.get<Paged & { Params: { id: string } }>('/api/v1/stories/:id/related', async (request) => {
    const limit = readSinglePage(request.query, 5, 'related stories');
    const { story } = await readStory(deps.store, request.params.id);
    const related = await readRelated(deps.store, story.id, Math.min(limit, MAX_RELATED));
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
