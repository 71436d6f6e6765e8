// Reader pages for outlets (every outlet, one outlet's stories) and the sources page.
import type { FastifyInstance } from 'fastify';
import { layout } from '../layout.js';
import { readPaging } from '../paging.js';
import { readLeads, readOutlet, readOutletPage, readOutletStories, readSources } from '../reads.js';
import { outletPage, outletsPage } from '../pages/outlets.js';
import { sourcesPage } from '../pages/sources.js';
import { sendPage, type PagedQuery, type WebDeps } from './send-page.js';

/** Outlets per page of /outlets. */
export const OUTLETS_PAGE_SIZE = 100;

type NameParams = PagedQuery & { Params: { name: string } };

export function registerOutletRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { siteName } = deps;

  app.get<PagedQuery>('/outlets', async (request, reply) => {
    const paging = readPaging(request.query, OUTLETS_PAGE_SIZE);
    const { outlets, hasNext } = await readOutletPage(deps.store, paging);
    const body = outletsPage({ outlets, page: paging.page, hasNext, now: deps.now() });
    return sendPage(reply, layout({ title: 'Outlets', siteName, body }));
  });

  app.get<NameParams>('/outlets/:name', async (request, reply) => {
    const paging = readPaging(request.query, deps.pageSize);
    const outlet = await readOutlet(deps.store, request.params.name);
    const { stories, hasNext } = await readOutletStories(deps.store, outlet.name, paging);
    const leads = await readLeads(deps.store, stories);
    const body = outletPage({
      outlet,
      stories,
      page: paging.page,
      hasNext,
      now: deps.now(),
      leads,
    });
    return sendPage(reply, layout({ title: outlet.name, siteName, body }));
  });

  app.get('/sources', async (_request, reply) => {
    const sources = await readSources(deps.store);
    const body = sourcesPage(sources, deps.now());
    return sendPage(reply, layout({ title: 'Sources', siteName, body }));
  });
}
