// Server-rendered reader pages and the stylesheet they share.
import type { FastifyInstance } from 'fastify';
import { layout } from '../layout.js';
import { readEdits } from '../edits.js';
import { editsPage } from '../pages/edits.js';
import { storyPath } from '../paths.js';
import { readPaging } from '../paging.js';
import {
  readArticle,
  readFamily,
  readFrontPage,
  readLeads,
  readRelated,
  readRevisions,
  readStory,
} from '../reads.js';
import { revisionsPage } from '../pages/revisions.js';
import { frontPage } from '../pages/front.js';
import { storyPage } from '../pages/story.js';
import { articlePage } from '../pages/article.js';
import { APP_CSS, APP_CSS_HASH } from './stylesheet.js';
import { APP_JS, APP_JS_HASH } from './app-script.js';
import { sendPage, type IdParams, type PagedQuery, type WebDeps } from './send-page.js';
import { registerTopicRoutes } from './topic-routes.js';
import { registerSearchRoutes } from './search-routes.js';
import { registerOutletRoutes } from './outlet-routes.js';

export type { WebDeps } from './send-page.js';

/** Length of the <meta name="description"> taken from the first paragraph (characters). */
const DESCRIPTION_CHARS = 200;

/** Related stories listed on a story page. */
export const RELATED_STORIES = 5;
/** One year: the stylesheet URL carries its content hash, so a new version gets a new URL. */
const CSS_MAX_AGE_S = 365 * 24 * 3600;

export function registerWebRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { siteName } = deps;

  app.get<PagedQuery>('/', async (request, reply) => {
    const paging = readPaging(request.query, deps.pageSize);
    const now = deps.now();
    const { stories, hasNext } = await readFrontPage(deps.store, paging, now);
    const leads = await readLeads(deps.store, stories);
    const title = paging.page > 1 ? `Stories, page ${paging.page}` : siteName;
    const body = frontPage({ stories, page: paging.page, hasNext, now, leads });
    const feed = { title: `${siteName}: latest stories`, href: '/feed.atom' };
    return sendPage(reply, layout({ title, siteName, body, feed }));
  });

  app.get<IdParams>('/stories/:id', async (request, reply) => {
    const view = await readStory(deps.store, request.params.id);
    const related = await readRelated(deps.store, view.story.id, RELATED_STORIES);
    const summary = deps.summaries?.of(view) ?? [];
    const body = storyPage(view, deps.now(), { edits: deps.diff !== null, summary, related });
    const title = view.story.headline || 'Story';
    const feed = { title: `${title}: new coverage`, href: `${storyPath(view.story.id)}/feed.atom` };
    return sendPage(reply, layout({ title, siteName, body, feed }));
  });

  app.get<IdParams>('/articles/:id', async (request, reply) => {
    const article = await readArticle(deps.store, request.params.id);
    const family = await readFamily(deps.store, article);
    const description = article.paragraphs[0]?.slice(0, DESCRIPTION_CHARS) ?? null;
    const body = articlePage(article, deps.now(), family, { edits: deps.diff !== null });
    return sendPage(
      reply,
      layout({ title: article.title || 'Article', siteName, description, body }),
    );
  });

  app.get<IdParams>('/articles/:id/edits', async (request, reply) => {
    const edits = await readEdits(deps.store, deps.diff, request.params.id);
    const body = editsPage(edits, deps.now());
    const title = `Edits: ${edits.copy.title || 'Article'}`;
    return sendPage(reply, layout({ title, siteName, body }));
  });

  app.get<IdParams>('/articles/:id/revisions', async (request, reply) => {
    const { article, revisions } = await readRevisions(deps.store, request.params.id);
    const body = revisionsPage(article, revisions, deps.now());
    const title = `Versions: ${article.title || 'Article'}`;
    return sendPage(reply, layout({ title, siteName, body }));
  });

  registerTopicRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerOutletRoutes(app, deps);

  app.get('/static/app.css', async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', `public, max-age=${CSS_MAX_AGE_S}, immutable`)
      .header('etag', `"${APP_CSS_HASH}"`)
      .send(APP_CSS),
  );
  app.get('/static/app.js', async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', `public, max-age=${CSS_MAX_AGE_S}, immutable`)
      .header('etag', `"${APP_JS_HASH}"`)
      .send(APP_JS),
  );
}
