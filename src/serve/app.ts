// The reader web app and JSON API, built without listening so tests drive it with inject().
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import type { DiffFn } from './edits.js';
import { SummaryCache, type SummariseFn } from './summary.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerEtags } from './etag.js';
import { registerPageCache } from './page-cache.js';
import { registerErrorReplies, type ErrorLog } from './error-reply.js';
import { registerWebRoutes } from './web/routes.js';
import { registerApiRoutes } from './api/routes.js';
import { registerFeedRoutes } from './feeds/feed-routes.js';
import { registerSourceRoutes, type SourceAdmin } from './api/sources.js';
import { registerCorrectionRoutes, type CorrectionAdmin } from './api/corrections.js';
import { DEFAULT_PAGE_SIZE } from './paging.js';

export interface ServeConfig {
  /** Shown in the header and page titles. */
  siteName: string;
  /** Stories per page (front page, and the API's default). */
  pageSize: number;
  /** The clock for relative times ("12 minutes ago"); a parameter so tests are repeatable. */
  now: () => Date;
  /** Fastify's request logger; off by default (the CLI prints its own lines). */
  logger: boolean;
  /**
   * Public origin for absolute links in feeds ("https://news.example"). When null the request's
   * own scheme and Host are used, which is right unless a proxy rewrites them.
   */
  publicUrl: string | null;
  /** Receives one line per failed request (5xx); stderr by default. */
  logError: ErrorLog;
  /**
   * How long (ms) a rendered response is served from memory before it is rendered again in
   * the background (page-cache.ts); 0, the default, renders every request.
   */
  pageCacheMs: number;
}

export interface AppDeps {
  store: Store;
  config?: Partial<ServeConfig>;
  /** The families stage's `diffCopy`, for the edit view; without it the view is off. */
  diff?: DiffFn | null;
  /** The enrich stage's `summarise`, for story summaries; without it stories have none. */
  summarise?: SummariseFn | null;
  /** Who may change the source list over the API, and how a URL is added; off without it. */
  sourceAdmin?: SourceAdmin | null;
  /** Who may correct story grouping over the API, and the pipeline that decides; off without it. */
  corrections?: CorrectionAdmin | null;
}

export const DEFAULT_SERVE_CONFIG: Readonly<ServeConfig> = Object.freeze({
  siteName: 'Storyline',
  pageSize: DEFAULT_PAGE_SIZE,
  now: () => new Date(),
  logger: false,
  publicUrl: null,
  logError: (line: string) => void process.stderr.write(`${line}\n`),
  pageCacheMs: 0,
});

/**
 * The page cache of a real server (`storyline serve`): 5 s keeps the hottest pages at about
 * one render each per 5 s under any load, and news at most that late. See page-cache.ts.
 */
export const SERVER_PAGE_CACHE_MS = 5_000;
/** Responses kept by the page cache, and how long past their time they may still be served. */
export const PAGE_CACHE_ENTRIES = 5000;
export const PAGE_CACHE_MAX_STALE_MS = 60_000;

/** Longest path parameter (characters): ids are ~17, topic keys are slugs of names. */
export const MAX_PARAM_CHARS = 500;

export function buildApp(deps: AppDeps): FastifyInstance {
  const config: ServeConfig = { ...DEFAULT_SERVE_CONFIG, ...deps.config };
  const app = Fastify({
    logger: config.logger,
    // "/stories/x/" is the same page as "/stories/x"; topic keys are slugs of names and can be
    // longer than Fastify's default 100-character parameter limit.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_CHARS },
  });
  registerSecurityHeaders(app);
  registerErrorReplies(app, config.siteName, config.logError);
  registerEtags(app);
  // After the ETag hook, so cached replies keep their ETag and answer If-None-Match.
  registerPageCache(app, {
    ttlMs: config.pageCacheMs,
    maxStaleMs: PAGE_CACHE_MAX_STALE_MS,
    maxEntries: PAGE_CACHE_ENTRIES,
  });

  app.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );
  const diff = deps.diff ?? null;
  const summaries = deps.summarise ? new SummaryCache(deps.summarise) : null;
  registerWebRoutes(app, { store: deps.store, diff, summaries, ...config });
  registerFeedRoutes(app, { store: deps.store, ...config });
  registerApiRoutes(app, { store: deps.store, pageSize: config.pageSize, diff });
  registerSourceRoutes(app, { store: deps.store, admin: deps.sourceAdmin ?? { token: null } });
  registerCorrectionRoutes(app, {
    store: deps.store,
    admin: deps.corrections ?? { token: null, correct: null },
  });
  return app;
}
