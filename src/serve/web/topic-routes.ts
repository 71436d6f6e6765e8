// Reader pages for topics: the list of topics, and each topic's stories.
import type { FastifyInstance } from 'fastify';
import { layout } from '../layout.js';
import { topicPath } from '../paths.js';
import { readPaging } from '../paging.js';
import { readTopic, readTopicPage, readTopicStories } from '../reads.js';
import { topicPage, topicsPage } from '../pages/topics.js';
import { sendPage, type PagedQuery, type WebDeps } from './send-page.js';

/** Topics per page of /topics: names are short, so a long list still fits a few screens. */
export const TOPICS_PAGE_SIZE = 100;

type KeyParams = PagedQuery & { Params: { key: string } };

export function registerTopicRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { siteName } = deps;

  app.get<PagedQuery>('/topics', async (request, reply) => {
    const paging = readPaging(request.query, TOPICS_PAGE_SIZE);
    const { topics, hasNext } = await readTopicPage(deps.store, paging);
    const body = topicsPage({ topics, page: paging.page, hasNext });
    return sendPage(reply, layout({ title: 'Topics', siteName, body }));
  });

  app.get<KeyParams>('/topics/:key', async (request, reply) => {
    const paging = readPaging(request.query, deps.pageSize);
    const topic = await readTopic(deps.store, request.params.key);
    const { stories, hasNext } = await readTopicStories(deps.store, topic.key, paging);
    const body = topicPage({ topic, stories, page: paging.page, hasNext, now: deps.now() });
    const feed = { title: `${siteName}: ${topic.name}`, href: `${topicPath(topic.key)}/feed.atom` };
    return sendPage(reply, layout({ title: topic.name, siteName, body, feed }));
  });
}
