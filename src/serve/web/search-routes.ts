// The reader's search page: full text over titles and bodies, through the store's index.
import type { FastifyInstance } from 'fastify';
import { layout } from '../layout.js';
import { readSearch } from '../reads.js';
import { searchPage } from '../pages/search.js';
import { SEARCH_RESULTS, readQuery } from '../search-query.js';
import { sendPage, type PagedQuery, type WebDeps } from './send-page.js';

export function registerSearchRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get<PagedQuery>('/search', async (request, reply) => {
    const query = readQuery(request.query);
    const results = await readSearch(deps.store, query, SEARCH_RESULTS);
    const body = searchPage({ query, results, now: deps.now() });
    const title = query ? `Search: ${query}` : 'Search';
    return sendPage(reply, layout({ title, siteName: deps.siteName, body }));
  });
}
