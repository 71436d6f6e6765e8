// OpenAPI paths of the corrections API (corrections.ts); spread into the document by openapi.ts.
import { int, nullableStr, ref, str } from './openapi-schemas.js';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const json = (description: string, schema: unknown) => ({
  description,
  content: { 'application/json': { schema } },
});
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const moves = { type: 'object', required: ['from', 'into'], properties: { from: str, into: str } };
const effect = {
  type: 'object',
  required: ['effect'],
  properties: {
    effect: {
      type: 'object',
      required: ['mergedStories', 'moved'],
      properties: {
        mergedStories: { type: 'array', items: moves },
        moved: {
          type: ['object', 'null'],
          required: ['familyId', 'from', 'to'],
          properties: { familyId: str, from: str, to: str },
        },
      },
    },
  },
};
const refusals = {
  400: error('Malformed body'),
  403: error('Corrections are off, or the admin token is missing or wrong'),
  404: error('No such story or article'),
  500: error('Store failure'),
};
const body = (field: string, required: boolean) => ({
  required,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        ...(required ? { required: [field] } : {}),
        properties: { [field]: nullableStr, note: str },
      },
    },
  },
});

/** Changes need `Authorization: Bearer <STORYLINE_ADMIN_TOKEN>`; without a token set they are off. */
export const CORRECTION_PATHS: Record<string, Record<string, unknown>> = {
  '/api/v1/corrections': {
    get: {
      summary: "Editors' corrections to story grouping, oldest first (re-applied on reprocessing)",
      responses: {
        200: json('The corrections', {
          type: 'object',
          required: ['corrections'],
          properties: {
            corrections: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'request', 'afterSeq', 'note', 'createdAt'],
                properties: {
                  id: int,
                  request: { type: 'object' },
                  afterSeq: int,
                  note: nullableStr,
                  createdAt: str,
                },
              },
            },
          },
        }),
        500: error('Store failure'),
      },
    },
  },
  '/api/v1/stories/{id}/merge': {
    post: {
      summary:
        'Merge this story and the story `into` (the older id survives); needs the admin token',
      parameters: [idParam],
      requestBody: body('into', true),
      responses: { 200: json('What changed', effect), ...refusals },
    },
  },
  '/api/v1/articles/{id}/move': {
    post: {
      summary:
        'Move the article, with its copies, out of its story (alone, or into story `to`); needs the admin token',
      parameters: [idParam],
      requestBody: body('to', false),
      responses: { 200: json('What changed', effect), ...refusals },
    },
  },
};
