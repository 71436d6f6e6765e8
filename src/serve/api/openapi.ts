// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Written by hand next
// to dto.ts: a field added there must be added here (openapi.test.ts checks every route is
// described and that real replies carry every required field).

import {
  cursorFields,
  cursorParams,
  cursorRequired,
  int,
  links,
  ref,
  schemas,
  str,
} from './openapi-schemas.js';
import { SOURCE_PATHS } from './sources-openapi.js';
import { CORRECTION_PATHS } from './corrections-openapi.js';
import { READER_PATHS } from './reader-openapi.js';

const idParam = (name: string) => ({ name, in: 'path', required: true, schema: str });
const paged = (field: string, item: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: [field, ...cursorRequired, ...Object.keys(extra)],
  properties: { ...extra, [field]: { type: 'array', items: item }, ...cursorFields },
});
const ok = (description: string, schema: unknown) => ({
  200: { description, content: { 'application/json': { schema } } },
  400: {
    description: 'Bad request (BAD_REQUEST)',
    content: { 'application/json': { schema: ref('Error') } },
  },
  404: {
    description: 'Not found (NOT_FOUND)',
    content: { 'application/json': { schema: ref('Error') } },
  },
  500: {
    description: 'Store or internal failure',
    content: { 'application/json': { schema: ref('Error') } },
  },
});

export const OPENAPI_DOCUMENT = Object.freeze({
  openapi: '3.1.0',
  info: {
    title: 'Storyline API',
    version: '1',
    description: 'Stories, copy families, articles, topics, outlets and search.',
  },
  paths: {
    '/api/v1/stories': {
      get: {
        summary: 'Stories, most recently updated first',
        parameters: cursorParams,
        responses: ok('A page of stories', paged('stories', ref('StorySummary'))),
      },
    },
    '/api/v1/stories/{id}': {
      get: {
        summary: 'One story with its copy families',
        parameters: [idParam('id')],
        responses: ok('The story', ref('Story')),
      },
    },
    '/api/v1/articles/{id}': {
      get: {
        summary: 'One article',
        parameters: [idParam('id')],
        responses: ok('The article', ref('Article')),
      },
    },
    '/api/v1/topics': {
      get: {
        summary: 'Topics carried by the most stories first',
        parameters: cursorParams,
        responses: ok('A page of topics', paged('topics', ref('TopicSummary'))),
      },
    },
    '/api/v1/topics/{key}': {
      get: {
        summary: 'A topic and its stories',
        parameters: [idParam('key'), ...cursorParams],
        responses: ok(
          'The topic',
          paged('stories', ref('StorySummary'), {
            topic: {
              allOf: [
                ref('Topic'),
                {
                  type: 'object',
                  required: ['links'],
                  properties: { links: links('self', 'html') },
                },
              ],
            },
          }),
        ),
      },
    },
    '/api/v1/families/{id}': {
      get: {
        summary:
          'A copy family: its likely original and, per copy, how it edited the text (edited %, edit counts by kind, sentences unique to the copy)',
        parameters: [idParam('id')],
        responses: ok('The family', {
          type: 'object',
          required: ['family', 'original', 'copies', 'links'],
          properties: {
            family: {
              type: 'object',
              required: ['id', 'storyId', 'originalId', 'size'],
              properties: { id: str, storyId: str, originalId: str, size: int },
            },
            original: ref('ArticleSummary'),
            copies: {
              type: 'array',
              items: {
                type: 'object',
                required: ['article', 'edits', 'links'],
                properties: {
                  article: ref('ArticleSummary'),
                  edits: {
                    type: ['object', 'null'],
                    required: [
                      'editedPercent',
                      'copyWords',
                      'headlineRewritten',
                      'counts',
                      'uniqueSentences',
                    ],
                    properties: {
                      editedPercent: { type: 'number' },
                      copyWords: int,
                      headlineRewritten: { type: 'boolean' },
                      counts: { type: 'object', additionalProperties: int },
                      uniqueSentences: { type: 'array', items: str },
                    },
                  },
                  links: links('diff'),
                },
              },
            },
            links: links('self', 'html'),
          },
        }),
      },
    },
    '/api/v1/articles/{id}/diff': {
      get: {
        summary:
          "How a copy differs from its family's likely original: paragraphs aligned, word edits named (404 for an original)",
        parameters: [idParam('id')],
        responses: ok('The edit view', {
          type: 'object',
          required: ['original', 'copy', 'diff'],
          properties: {
            original: ref('ArticleSummary'),
            copy: ref('ArticleSummary'),
            diff: ref('CopyDiff'),
          },
        }),
      },
    },
    '/api/v1/articles/{id}/edits': {
      get: {
        summary: "How a copy differs from its family's likely original (404 for an original)",
        parameters: [idParam('id')],
        responses: ok('The edit view', {
          type: 'object',
          required: ['original', 'copy', 'diff'],
          properties: {
            original: ref('ArticleSummary'),
            copy: ref('ArticleSummary'),
            diff: ref('CopyDiff'),
          },
        }),
      },
    },
    '/api/v1/articles/{id}/revisions': {
      get: {
        summary: 'Earlier texts of an article, newest first (the current text is on the article)',
        parameters: [idParam('id')],
        responses: ok('The versions', {
          type: 'object',
          required: ['article', 'current', 'revisions'],
          properties: {
            article: ref('ArticleSummary'),
            current: int,
            revisions: { type: 'array', items: ref('Revision') },
          },
        }),
      },
    },
    '/api/v1/search': {
      get: {
        summary:
          'Stories and articles matching every word of q (one page, best first; a story matches through its articles)',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
        ],
        responses: ok('Matching stories and articles, best first', {
          type: 'object',
          required: ['query', 'stories', 'articles'],
          properties: {
            query: str,
            stories: { type: 'array', items: ref('StorySummary') },
            articles: { type: 'array', items: ref('Article') },
          },
        }),
      },
    },
    ...SOURCE_PATHS,
    ...CORRECTION_PATHS,
    ...READER_PATHS,
  },
  components: { schemas },
});
