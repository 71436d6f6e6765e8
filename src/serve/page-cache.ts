// A short-lived cache of whole responses (pages, feeds, API) in front of the routes, in the
// spirit of nginx "microcaching": under load the hottest URLs (the front page, a breaking
// story) are rendered about once per `ttlMs` instead of once per request, so 50 readers at
// once cost what one does. Entries past their time are served stale while one background
// render refreshes them (RFC 5861 stale-while-revalidate), so no reader waits on the refresh
// and no herd of renders starts at each expiry. Nothing is kept past `maxStaleMs`.
//
// What a reader may see: a page up to `ttlMs` plus one render old. News a few seconds late is
// the price; relative times ("12 minutes ago") are off by as much. Off when `ttlMs` is 0.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface PageCacheOptions {
  /** How long a response is served as fresh (ms); 0 turns the cache off. */
  ttlMs: number;
  /** Past this age (ms) an entry is not served even stale: the next request renders. */
  maxStaleMs: number;
  /** Most entries kept; the least recently used go first. */
  maxEntries: number;
  /** The clock (ms, monotonic); a parameter for tests. */
  clock?: () => number;
}

/** Responses cached: reader pages, feeds and the JSON API. Not /static (immutable already). */
const CACHEABLE_TYPE = /^(text\/html|application\/atom\+xml|application\/json)/;
/** Responses bigger than this (bytes) are not kept: a cache of whole pages must stay small. */
const MAX_ENTRY_BYTES = 512 * 1024;

interface Entry {
  body: string;
  type: string;
  headers: Record<string, string>;
  storedAt: number;
  refreshing: boolean;
}

/** Headers of a cached reply that are replayed with it (security headers come from their hook). */
const REPLAYED = ['etag', 'cache-control'];

export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): void {
  if (options.ttlMs <= 0) return;
  const clock = options.clock ?? (() => performance.now());
  const entries = new Map<string, Entry>();
  // Background refreshes go through app.inject with this header; its value is secret so a
  // client cannot make every request skip the cache.
  const refreshToken = randomBytes(16).toString('hex');
  // Replies sent from the cache, so onSend does not store them again as if freshly rendered.
  const replayed = new WeakSet<object>();

  const refresh = (url: string, entry: Entry) => {
    entry.refreshing = true;
    app
      .inject({ method: 'GET', url, headers: { 'x-storyline-refresh': refreshToken } })
      .catch(() => undefined)
      .finally(() => {
        entry.refreshing = false;
      });
  };

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return;
    if (request.headers['x-storyline-refresh'] === refreshToken) return;
    const entry = entries.get(request.url);
    if (!entry) return;
    const age = clock() - entry.storedAt;
    if (age > options.maxStaleMs) {
      entries.delete(request.url);
      return;
    }
    if (age > options.ttlMs && !entry.refreshing) refresh(request.url, entry);
    // Most recently used last, so eviction drops the coldest.
    entries.delete(request.url);
    entries.set(request.url, entry);
    replayed.add(request);
    return reply.type(entry.type).headers(entry.headers).send(entry.body);
  });

  // A change made through this server (adding a source, a correction) shows at once: any
  // successful write empties the cache. Writes by other processes show within ttlMs.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      entries.clear();
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200) return payload;
    if (replayed.has(request)) return payload;
    if (typeof payload !== 'string' || payload.length > MAX_ENTRY_BYTES) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!CACHEABLE_TYPE.test(type)) return payload;
    const previous = entries.get(request.url);
    if (previous?.body === payload) {
      previous.storedAt = clock();
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    entries.delete(request.url);
    entries.set(request.url, {
      body: payload,
      type,
      headers,
      storedAt: clock(),
      refreshing: false,
    });
    if (entries.size > options.maxEntries) {
      const coldest = entries.keys().next().value;
      if (coldest !== undefined) entries.delete(coldest);
    }
    return payload;
  });
}
