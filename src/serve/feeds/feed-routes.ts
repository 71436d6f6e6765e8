// Atom feeds: the latest stories, one story's articles, one topic's stories. Feed readers poll
// these, so they carry ETags like everything else (see etag.ts) and are cheap to answer 304.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleRow, Store, StorySummaryRow } from '../../store/index.js';
import { outletList } from '../pages/front.js';
import { snippet } from '../pages/search.js';
import { sourceLabel } from '../pages/parts.js';
import { safeHref } from '../format/url.js';
import { articlePath, storyPath, topicPath } from '../paths.js';
import { readPaging } from '../paging.js';
import { readStory, readStoryPage, readTopic, readTopicStories } from '../reads.js';
import { renderAtom, type AtomEntry, type AtomFeed } from './atom.js';

/** Entries per feed: readers poll often, so a day of news fits well within this. */
export const FEED_ENTRIES = 50;

export interface FeedDeps {
  store: Store;
  siteName: string;
  /** Public origin ("https://news.example") for absolute links; else taken from the request. */
  publicUrl: string | null;
}

/** A Host header that is a plain host name or address with an optional port (RFC 9110 §7.2). */
const HOST_HEADER = /^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/;

function originOf(request: FastifyRequest, deps: FeedDeps): string {
  if (deps.publicUrl) return deps.publicUrl.replace(/\/+$/, '');
  // The Host header is the client's to choose; anything odd falls back to a neutral name rather
  // than being copied into links that a shared cache might hand to other readers.
  const host = HOST_HEADER.test(request.host) ? request.host : 'localhost';
  return `${request.protocol}://${host}`;
}

function storyEntry(origin: string, story: StorySummaryRow): AtomEntry {
  return {
    id: `urn:storyline:story:${story.id}`,
    title: story.headline || 'Untitled story',
    link: origin + storyPath(story.id),
    updated: story.lastUpdated,
    published: story.firstSeen,
    summary: `${outletList(story.outlets)}: ${story.articleCount} article${story.articleCount === 1 ? '' : 's'}`,
  };
}

function articleEntry(origin: string, article: ArticleRow): AtomEntry {
  return {
    id: `urn:storyline:article:${article.id}`,
    title: article.title || 'Untitled article',
    link: origin + articlePath(article.id),
    related: safeHref(article.url ?? article.pageUrl),
    updated: article.lastSeen,
    published: article.published ?? article.firstSeen,
    author: sourceLabel(article),
    summary: snippet(article.text),
  };
}

function sendFeed(reply: FastifyReply, feed: AtomFeed): FastifyReply {
  return reply
    .type('application/atom+xml; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(renderAtom(feed));
}

const newest = (times: string[], fallback: string) =>
  times.reduce((a, b) => (b > a ? b : a), fallback);

export function registerFeedRoutes(app: FastifyInstance, deps: FeedDeps): void {
  const firstPage = readPaging({}, FEED_ENTRIES);

  app.get('/feed.atom', async (request, reply) => {
    const origin = originOf(request, deps);
    const { stories } = await readStoryPage(deps.store, firstPage);
    return sendFeed(reply, {
      id: 'urn:storyline:feed:latest',
      title: `${deps.siteName}: latest stories`,
      self: `${origin}/feed.atom`,
      alternate: `${origin}/`,
      updated: newest(
        stories.map((s) => s.lastUpdated),
        '',
      ),
      entries: stories.map((s) => storyEntry(origin, s)),
    });
  });

  app.get<{ Params: { id: string } }>('/stories/:id/feed.atom', async (request, reply) => {
    const origin = originOf(request, deps);
    const view = await readStory(deps.store, request.params.id);
    const articles = view.families
      .flatMap((f) => f.articles)
      .sort((a, b) => b.firstSeen.localeCompare(a.firstSeen))
      .slice(0, FEED_ENTRIES);
    return sendFeed(reply, {
      id: `urn:storyline:story:${view.story.id}`,
      title: view.story.headline || 'Untitled story',
      self: origin + storyPath(view.story.id) + '/feed.atom',
      alternate: origin + storyPath(view.story.id),
      updated: view.story.lastUpdated,
      entries: articles.map((a) => articleEntry(origin, a)),
    });
  });

  app.get<{ Params: { key: string } }>('/topics/:key/feed.atom', async (request, reply) => {
    const origin = originOf(request, deps);
    const topic = await readTopic(deps.store, request.params.key);
    const { stories } = await readTopicStories(deps.store, topic.key, firstPage);
    return sendFeed(reply, {
      id: `urn:storyline:topic:${topic.key}`,
      title: `${deps.siteName}: ${topic.name}`,
      self: origin + topicPath(topic.key) + '/feed.atom',
      alternate: origin + topicPath(topic.key),
      updated: newest(
        stories.map((s) => s.lastUpdated),
        '',
      ),
      entries: stories.map((s) => storyEntry(origin, s)),
    });
  });
}
