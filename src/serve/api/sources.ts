// The sources part of the JSON API: the same list, health, add, remove, import and export as
// `storyline sources`. Reading is public like the rest of the API; changing the list needs the
// server's admin token (STORYLINE_ADMIN_TOKEN) as a Bearer token, and is refused outright when
// no token is set, so a public reader never lets strangers make the server fetch URLs.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StorylineError } from '../../errors.js';
import { exportOpml, parseOpml } from '../../feeds/index.js';
import type { SourceKind, SourceRow, Store } from '../../store/index.js';

export type SourceKindToAdd = Exclude<SourceKind, 'file'>;

export interface SourceAdmin {
  /** Bearer token that allows changes; null turns changes off. */
  token: string | null;
  /**
   * Adds a source by URL, deciding its kind by fetching it (discovery) unless `kind` is given.
   * Supplied by the shell that owns a fetcher; without it, sources are added as given.
   */
  add?:
    | ((
        url: string,
        kind?: SourceKindToAdd,
      ) => Promise<{ uri: string; kind: SourceKind; title: string | null; note: string }>)
    | null;
}

/** Largest OPML upload accepted (bytes): thousands of feeds fit in well under a megabyte. */
export const MAX_OPML_BYTES = 2 * 1024 * 1024;

const KINDS = new Set(['feed', 'sitemap', 'page']);

export function registerSourceRoutes(
  app: FastifyInstance,
  deps: { store: Store; admin: SourceAdmin },
): void {
  const { store, admin } = deps;
  void app.register(async (scope) => {
    // OPML arrives as XML text; parsing it is ours (feeds/opml.ts), Fastify only hands the bytes.
    scope.addContentTypeParser(
      ['text/x-opml', 'application/xml', 'text/xml'],
      { parseAs: 'buffer', bodyLimit: MAX_OPML_BYTES },
      (_req, body, done) => done(null, body),
    );

    scope.get('/api/v1/sources', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { sources: (await store.listSources()).map(sourceJson) };
    });

    scope.get('/api/v1/sources.opml', async (_request, reply) => {
      const sources = (await store.listSources()).filter((s) => s.kind !== 'file');
      return reply
        .type('text/x-opml; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(exportOpml(sources, new Date()));
    });

    scope.post<{ Body: unknown }>('/api/v1/sources', async (request, reply) => {
      authorise(request, admin);
      const { url, kind } = readAddition(request.body);
      if (admin.add) {
        const added = await admin.add(url, kind).catch((error: unknown) => {
          // The admin asked for this URL: say why it could not be added (a 4xx, not a 5xx
          // whose details stay in the log).
          if (error instanceof StorylineError && error.code === 'FETCH_FAILED')
            throw new StorylineError('INPUT_INVALID', error.message);
          throw error;
        });
        return reply.code(201).send({
          source: { uri: added.uri, kind: added.kind, title: added.title },
          note: added.note,
        });
      }
      const uri = httpUrl(url);
      await store.addSource({ kind: kind ?? 'feed', uri });
      return reply
        .code(201)
        .send({ source: { uri, kind: kind ?? 'feed', title: null }, note: 'added as given' });
    });

    scope.delete<{ Querystring: { url?: string } }>('/api/v1/sources', async (request, reply) => {
      authorise(request, admin);
      const url = request.query.url;
      if (typeof url !== 'string' || url === '')
        throw new StorylineError('BAD_REQUEST', 'serve: give the source to remove as ?url=');
      if (!(await store.removeSource(url)))
        throw new StorylineError('NOT_FOUND', `serve: no source ${url}`);
      return reply.code(204).send();
    });

    scope.post<{ Body: unknown }>('/api/v1/sources/import', async (request) => {
      authorise(request, admin);
      if (!Buffer.isBuffer(request.body))
        throw new StorylineError(
          'BAD_REQUEST',
          'serve: send the OPML document with Content-Type text/x-opml',
        );
      let entries;
      try {
        entries = parseOpml(request.body);
      } catch (error) {
        throw new StorylineError(
          'INPUT_INVALID',
          `serve: unable to read the OPML: ${(error as Error).message}`,
        );
      }
      const skipped: { url: string; reason: string }[] = [];
      let imported = 0;
      for (const entry of entries) {
        try {
          await store.addSource({ kind: entry.kind, uri: httpUrl(entry.url), title: entry.title });
          imported += 1;
        } catch (error) {
          if (!(error instanceof StorylineError) || error.status >= 500) throw error;
          skipped.push({ url: entry.url, reason: error.message });
        }
      }
      return { imported, skipped };
    });
  });
}

function sourceJson(s: SourceRow) {
  return {
    id: s.id,
    kind: s.kind,
    uri: s.uri,
    title: s.title,
    addedAt: s.addedAt,
    health: {
      lastOkAt: s.lastOkAt,
      lastAttemptAt: s.lastAttemptAt,
      lastError: s.lastError,
      consecutiveFailures: s.failures,
      lastHttpStatus: s.lastHttpStatus,
      lastNewItemsAt: s.lastNewItemsAt,
    },
    schedule: { nextPollAt: s.nextPollAt, intervalSeconds: s.pollIntervalS },
  };
}

function authorise(request: FastifyRequest, admin: SourceAdmin): void {
  if (admin.token === null || admin.token === '') {
    throw new StorylineError(
      'FORBIDDEN',
      'serve: changing sources over the API is off (set STORYLINE_ADMIN_TOKEN on the server)',
    );
  }
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(admin.token);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new StorylineError('FORBIDDEN', 'serve: a valid admin token is needed to change sources');
}

function readAddition(body: unknown): { url: string; kind?: SourceKindToAdd } {
  if (typeof body !== 'object' || body === null)
    throw new StorylineError(
      'BAD_REQUEST',
      'serve: send {"url": "...", "kind"?: "feed" | "sitemap" | "page"}',
    );
  const { url, kind } = body as { url?: unknown; kind?: unknown };
  if (typeof url !== 'string' || url.trim() === '')
    throw new StorylineError('BAD_REQUEST', 'serve: "url" is required');
  if (kind !== undefined && (typeof kind !== 'string' || !KINDS.has(kind)))
    throw new StorylineError('BAD_REQUEST', 'serve: "kind" must be feed, sitemap or page');
  return kind === undefined ? { url } : { url, kind: kind as SourceKindToAdd };
}

function httpUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  } catch {
    // reported below
  }
  throw new StorylineError('BAD_REQUEST', `serve: not an http(s) URL: ${url}`);
}
