// The reader's search page: full text over titles and bodies, through the store's index;
// stories are found through their articles.
import type { FastifyInstance } from 'fastify';
import { layout } from '../layout.js';
import { readSearch, readStorySearch } from '../reads.js';
import { searchPage } from '../pages/search.js';
import { SEARCH_RESULTS, SEARCH_STORIES, readQuery } from '../search-query.js';
import { sendPage, type PagedQuery, type WebDeps } from './send-page.js';

export function registerSearchRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get<PagedQuery>('/search', async (request, reply) => {
    const query = readQuery(request.query);
    const [stories, results] = await Promise.all([
      readStorySearch(deps.store, query, SEARCH_STORIES),
      readSearch(deps.store, query, SEARCH_RESULTS),
    ]);
    const body = searchPage({ query, results, stories, now: deps.now() });
    const title = query ? `Search: ${query}` : 'Search';
    return sendPage(reply, layout({ title, siteName: deps.siteName, body }));
  });
}
