// OpenAPI paths and schemas of reader-api.ts (outlets, related stories); spread into the
// document by openapi.ts. A field added in reader-api.ts must be added here.
import {
  cursorFields,
  cursorParams,
  cursorRequired,
  int,
  links,
  ref,
  str,
} from './openapi-schemas.js';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const json = (description: string, schema: unknown) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  400: error('Bad request (BAD_REQUEST)'),
  404: error('Not found (NOT_FOUND)'),
  500: error('Store or internal failure'),
};
const OUTLET_LIST_SCHEMA = {
  type: 'object',
  required: ['name', 'domain', 'articleCount', 'storyCount', 'links'],
  properties: {
    name: str,
    domain: { type: ['string', 'null'] },
    articleCount: int,
    storyCount: int,
    links: links('self', 'html'),
  },
};

export const OUTLET_SCHEMA = {
  type: 'object',
  required: ['name', 'domain', 'articleCount', 'storyCount', 'firstSeen', 'lastSeen', 'links'],
  properties: {
    name: str,
    domain: { type: ['string', 'null'] },
    articleCount: int,
    storyCount: int,
    firstSeen: str,
    lastSeen: str,
    links: links('self', 'html'),
  },
};

export const READER_PATHS = {
  '/api/v1/outlets': {
    get: {
      summary: 'Outlets with at least one article, most articles first',
      parameters: cursorParams,
      responses: {
        200: json('A page of outlets', {
          type: 'object',
          required: ['outlets', ...cursorRequired],
          properties: { outlets: { type: 'array', items: OUTLET_LIST_SCHEMA }, ...cursorFields },
        }),
        ...errors,
      },
    },
  },
  '/api/v1/outlets/{name}': {
    get: {
      summary: 'An outlet and the stories it covered, most recently updated first',
      parameters: [{ name: 'name', in: 'path', required: true, schema: str }, ...cursorParams],
      responses: {
        200: json('The outlet and a page of its stories', {
          type: 'object',
          required: ['outlet', 'stories', ...cursorRequired],
          properties: {
            outlet: OUTLET_SCHEMA,
            stories: { type: 'array', items: ref('StorySummary') },
            ...cursorFields,
          },
        }),
        ...errors,
      },
    },
  },
  '/api/v1/stories/{id}/related': {
    get: {
      summary: 'Other stories sharing this story’s topics, rare shared topics weighing most',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: str },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
      ],
      responses: {
        200: json('The story and its related stories, closest first', {
          type: 'object',
          required: ['story', 'related'],
          properties: {
            story: ref('StorySummary'),
            related: {
              type: 'array',
              items: {
                type: 'object',
                required: ['story', 'sharedTopics', 'score'],
                properties: {
                  story: ref('StorySummary'),
                  sharedTopics: { type: 'array', items: ref('Topic') },
                  score: {
                    type: 'number',
                    description: 'Sum over shared topics of 1 / stories carrying it',
                  },
                },
              },
            },
          },
        }),
        ...errors,
      },
    },
  },
};
