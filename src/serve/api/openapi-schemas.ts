// Component schemas of the OpenAPI document (see openapi.ts), mirroring api/dto.ts and the
// families stage's CopyDiff. openapi.test.ts checks real replies against them.

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const str = { type: 'string' };
export const nullableStr = { type: ['string', 'null'] };
export const int = { type: 'integer' };
export const links = (...names: string[]) => ({
  type: 'object',
  required: names,
  properties: Object.fromEntries(names.map((n) => [n, str])),
});

const wordOps = {
  type: 'array',
  items: {
    type: 'object',
    required: ['op', 'before', 'after', 'kind'],
    properties: {
      op: { enum: ['equal', 'insert', 'delete', 'replace'] },
      before: str,
      after: str,
      kind: {
        ...nullableStr,
        description: 'Edit kind (house-style, date-rewrite, ...); null for equal runs',
      },
    },
  },
};

const copyDiff = {
  type: 'object',
  required: ['title', 'paragraphs', 'counts', 'editedPercent', 'copyWords', 'uniqueSentences'],
  properties: {
    title: {
      type: 'object',
      required: ['ops', 'rewritten'],
      properties: { ops: wordOps, rewritten: { type: 'boolean' } },
    },
    paragraphs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['original', 'copy', 'status', 'reordered', 'similarity', 'ops'],
        properties: {
          original: { type: ['integer', 'null'] },
          copy: { type: ['integer', 'null'] },
          status: { enum: ['equal', 'edited', 'added', 'cut'] },
          reordered: { type: 'boolean' },
          similarity: { type: 'number' },
          ops: wordOps,
        },
      },
    },
    counts: { type: 'object', additionalProperties: int },
    editedPercent: { type: 'number' },
    copyWords: int,
    uniqueSentences: { type: 'array', items: str },
  },
};

const topic = {
  type: 'object',
  required: ['kind', 'name', 'key'],
  properties: { kind: { enum: ['person', 'organisation', 'place', 'theme'] }, name: str, key: str },
};

export const schemas = {
  Revision: {
    type: 'object',
    required: ['revision', 'pageId', 'title', 'text', 'textHash', 'seenAt'],
    properties: {
      revision: int,
      pageId: int,
      title: nullableStr,
      text: str,
      textHash: str,
      seenAt: str,
    },
  },
  CopyDiff: copyDiff,
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'status', 'message'],
        properties: { code: str, status: int, message: str },
      },
    },
  },
  Topic: topic,
  TopicSummary: {
    allOf: [
      ref('Topic'),
      {
        type: 'object',
        required: ['storyCount', 'links'],
        properties: { storyCount: int, links: links('self', 'html') },
      },
    ],
  },
  StorySummary: {
    type: 'object',
    required: [
      'id',
      'headline',
      'articleCount',
      'familyCount',
      'outlets',
      'firstSeen',
      'lastUpdated',
      'links',
    ],
    properties: {
      id: str,
      headline: str,
      articleCount: int,
      familyCount: int,
      outlets: { type: 'array', items: str },
      firstSeen: str,
      lastUpdated: str,
      links: links('self', 'html'),
    },
  },
  ArticleSummary: {
    type: 'object',
    required: [
      'id',
      'title',
      'outlet',
      'url',
      'published',
      'credit',
      'wordCount',
      'isOriginal',
      'firstSeen',
      'links',
    ],
    properties: {
      id: str,
      title: nullableStr,
      outlet: nullableStr,
      url: nullableStr,
      published: nullableStr,
      credit: nullableStr,
      wordCount: int,
      isOriginal: { type: 'boolean' },
      firstSeen: str,
      links: links('self', 'html'),
    },
  },
  Story: {
    type: 'object',
    required: ['story', 'families', 'topics'],
    properties: {
      story: ref('StorySummary'),
      families: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'originalId', 'articles'],
          properties: {
            id: str,
            originalId: str,
            articles: { type: 'array', items: ref('ArticleSummary') },
          },
        },
      },
      topics: { type: 'array', items: ref('Topic') },
    },
  },
  Article: {
    type: 'object',
    required: [
      'id',
      'revision',
      'url',
      'pageUrl',
      'title',
      'outlet',
      'byline',
      'published',
      'updated',
      'dateline',
      'credit',
      'language',
      'text',
      'paragraphs',
      'html',
      'images',
      'wordCount',
      'familyId',
      'storyId',
      'isOriginal',
      'firstSeen',
      'lastSeen',
      'topics',
      'links',
    ],
    properties: {
      id: str,
      revision: int,
      url: nullableStr,
      pageUrl: str,
      title: nullableStr,
      outlet: nullableStr,
      byline: nullableStr,
      published: nullableStr,
      updated: nullableStr,
      dateline: nullableStr,
      credit: nullableStr,
      language: nullableStr,
      text: str,
      paragraphs: { type: 'array', items: str },
      html: {
        ...nullableStr,
        description: 'Body HTML after the server allow-list (p, lists, links, images...)',
      },
      images: {
        type: 'array',
        items: {
          type: 'object',
          required: ['src', 'caption', 'credit'],
          properties: { src: nullableStr, caption: nullableStr, credit: nullableStr },
        },
      },
      wordCount: int,
      familyId: str,
      storyId: str,
      isOriginal: { type: 'boolean' },
      firstSeen: str,
      lastSeen: str,
      topics: { type: 'array', items: ref('Topic') },
      links: links('self', 'html', 'story'),
    },
  },
};

/** ?cursor= and ?limit= of every list (cursor.ts). */
export const cursorParams = [
  {
    name: 'cursor',
    in: 'query',
    description: 'Opaque: the nextCursor of the previous page; omit for the first page',
    schema: { type: 'string', maxLength: 600 },
  },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
];
/** The paging fields of every list reply (cursorPage in cursor.ts). */
export const cursorFields = {
  limit: int,
  hasNext: { type: 'boolean' },
  nextCursor: { type: ['string', 'null'], description: 'Null on the last page' },
  links: { type: 'object', required: ['next'], properties: { next: nullableStr } },
};
export const cursorRequired = ['limit', 'hasNext', 'nextCursor', 'links'];
