// Public door of the serve stage: the reader web app and JSON API (Fastify), built without
// listen so tests use app.inject(), plus the helpers other shells may reuse.
export {
  buildApp,
  DEFAULT_SERVE_CONFIG,
  SERVER_PAGE_CACHE_MS,
  type AppDeps,
  type ServeConfig,
} from './app.js';
export { startServer, type ListenOptions } from './server.js';
export { hasEdits, type DiffFn } from './edits.js';
export { OPENAPI_DOCUMENT } from './api/openapi.js';
export { html, raw, escapeHtml, type SafeHtml, type HtmlValue } from './html.js';
export { sanitizeHtml } from './sanitize.js';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers.js';
export type { ArticleJson, StoryJson, StorySummaryJson, ArticleSummaryJson } from './api/dto.js';
