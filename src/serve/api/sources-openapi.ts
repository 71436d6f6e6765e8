// OpenAPI paths of the sources API (sources.ts); spread into the document by openapi.ts. A
// field added to sourceJson in sources.ts must be added here (openapi.test.ts checks routes).
import { int, nullableStr, ref, str } from './openapi-schemas.js';

const nullableInt = { type: ['integer', 'null'] };
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const json = (description: string, schema: unknown) => ({
  description,
  content: { 'application/json': { schema } },
});
const kind = { enum: ['file', 'feed', 'sitemap', 'page'] };

export const SOURCE_SCHEMAS = {
  Source: {
    type: 'object',
    required: ['id', 'kind', 'uri', 'title', 'addedAt', 'health', 'schedule'],
    properties: {
      id: int,
      kind,
      uri: str,
      title: nullableStr,
      addedAt: str,
      health: {
        type: 'object',
        required: [
          'lastOkAt',
          'lastAttemptAt',
          'lastError',
          'consecutiveFailures',
          'lastHttpStatus',
          'lastNewItemsAt',
        ],
        properties: {
          lastOkAt: nullableStr,
          lastAttemptAt: nullableStr,
          lastError: nullableStr,
          consecutiveFailures: int,
          lastHttpStatus: nullableInt,
          lastNewItemsAt: nullableStr,
        },
      },
      schedule: {
        type: 'object',
        required: ['nextPollAt', 'intervalSeconds'],
        properties: { nextPollAt: nullableStr, intervalSeconds: nullableInt },
      },
    },
  },
};

/** Changes need `Authorization: Bearer <STORYLINE_ADMIN_TOKEN>`; without a token set they are off. */
export const SOURCE_PATHS: Record<string, Record<string, unknown>> = {
  '/api/v1/sources': {
    get: {
      summary:
        'Every source with its health record (last success, last error, consecutive failures) and schedule',
      responses: {
        200: json('The sources', {
          type: 'object',
          required: ['sources'],
          properties: { sources: { type: 'array', items: SOURCE_SCHEMAS.Source } },
        }),
        500: error('Store failure'),
      },
    },
    post: {
      summary:
        'Add a source by URL (a home page adds the feed it announces); needs the admin token',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['url'],
              properties: { url: str, kind: { enum: ['feed', 'sitemap', 'page'] } },
            },
          },
        },
      },
      responses: {
        201: json('Added (an existing source is kept as it was)', {
          type: 'object',
          required: ['source', 'note'],
          properties: {
            source: {
              type: 'object',
              required: ['uri', 'kind', 'title'],
              properties: { uri: str, kind, title: nullableStr },
            },
            note: str,
          },
        }),
        400: error('Bad request (BAD_REQUEST), or the URL could not be fetched (INPUT_INVALID)'),
        403: error('No or wrong admin token, or changes are off (FORBIDDEN)'),
      },
    },
    delete: {
      summary:
        'Remove the source given as ?url= (its pages and articles stay); needs the admin token',
      parameters: [{ name: 'url', in: 'query', required: true, schema: str }],
      responses: {
        204: { description: 'Removed' },
        403: error('FORBIDDEN'),
        404: error('No such source (NOT_FOUND)'),
      },
    },
  },
  '/api/v1/sources.opml': {
    get: {
      summary: 'Every feed, sitemap and page source as OPML 2.0',
      responses: { 200: { description: 'OPML', content: { 'text/x-opml': { schema: str } } } },
    },
  },
  '/api/v1/sources/import': {
    post: {
      summary:
        'Add every feed of an OPML document (Content-Type text/x-opml); needs the admin token',
      requestBody: { required: true, content: { 'text/x-opml': { schema: str } } },
      responses: {
        200: json('What was imported', {
          type: 'object',
          required: ['imported', 'skipped'],
          properties: {
            imported: int,
            skipped: {
              type: 'array',
              items: {
                type: 'object',
                required: ['url', 'reason'],
                properties: { url: str, reason: str },
              },
            },
          },
        }),
        400: error('Not OPML (INPUT_INVALID) or bad request'),
        403: error('FORBIDDEN'),
      },
    },
  },
};
