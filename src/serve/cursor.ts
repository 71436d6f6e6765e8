// Cursor paging for the JSON API. A cursor is the sort key of the last row a client was given,
// encoded as base64url JSON so clients treat it as opaque (the key's shape may change). A page
// built from a key stays right while stories are updated between two requests; page numbers
// (OFFSET) would repeat or skip rows as stories move up the list. Bad cursors are the client's
// mistake (400), never a silent first page.
import { StorylineError } from '../errors.js';
import type { OutletListKey, StoryListKey, TopicListKey } from '../store/index.js';
import { MAX_PAGE_SIZE } from './paging.js';

/** Longest cursor accepted (characters): every real key is far shorter. */
export const MAX_CURSOR_CHARS = 600;

export interface CursorPaging<K> {
  limit: number;
  after: K | null;
}

/** Decodes a key's parts (from JSON) or returns null when they do not have the key's shape. */
export type KeyDecoder<K> = (parts: unknown[]) => K | null;

export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

function lastValue(value: unknown): unknown {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function badCursor(): StorylineError {
  return new StorylineError(
    'BAD_REQUEST',
    'serve: cursor is not one this API gave out; follow links.next, or omit it for the first page',
  );
}

function decodeCursor<K>(text: string, decode: KeyDecoder<K>): K {
  if (text.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) throw badCursor();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const key = Array.isArray(parts) ? decode(parts) : null;
  if (key === null) throw badCursor();
  return key;
}

function readLimit(value: unknown, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const text = lastValue(value);
  const n = typeof text === 'string' && /^[0-9]{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_PAGE_SIZE)) {
    throw new StorylineError(
      'BAD_REQUEST',
      `serve: limit must be a whole number between 1 and ${MAX_PAGE_SIZE}`,
    );
  }
  return n;
}

/** Reads ?cursor= and ?limit=. ?page= is refused by name: the API has no page numbers. */
export function readCursorPaging<K>(
  query: Record<string, unknown>,
  defaultLimit: number,
  decode: KeyDecoder<K>,
): CursorPaging<K> {
  if (query.page !== undefined) {
    throw new StorylineError(
      'BAD_REQUEST',
      'serve: the API pages by cursor, not page number; follow links.next',
    );
  }
  const cursor = lastValue(query.cursor);
  if (cursor !== undefined && typeof cursor !== 'string') throw badCursor();
  const after = cursor === undefined || cursor === '' ? null : decodeCursor(cursor, decode);
  return { limit: readLimit(query.limit, defaultLimit), after };
}

/** Reads ?limit= of a list that has one page only (best first): a cursor or page is refused. */
export function readSinglePage(
  query: Record<string, unknown>,
  defaultLimit: number,
  what: string,
): number {
  if (query.page !== undefined || query.cursor !== undefined) {
    throw new StorylineError('BAD_REQUEST', `serve: ${what} have one page; use limit`);
  }
  return readLimit(query.limit, defaultLimit);
}

/**
 * The paging fields of an API list reply: `nextCursor` is the key of the page's last row when
 * more rows follow (null on the last page), and `links.next` the URL that fetches them.
 */
export function cursorPage<T>(
  path: string,
  limit: number,
  rows: readonly T[],
  hasNext: boolean,
  encode: (row: T) => string,
) {
  const last = rows.at(-1);
  const nextCursor = hasNext && last !== undefined ? encode(last) : null;
  const next = nextCursor === null ? null : `${path}?cursor=${nextCursor}&limit=${limit}`;
  return { limit, hasNext, nextCursor, links: { next } };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 400;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export const storyCursor = {
  encode: (s: StoryListKey) => encodeCursor([s.lastUpdated, s.id]),
  decode: ([lastUpdated, id, ...rest]: unknown[]): StoryListKey | null =>
    isText(lastUpdated) && isText(id) && rest.length === 0 ? { lastUpdated, id } : null,
};

export const topicCursor = {
  encode: (t: TopicListKey) => encodeCursor([t.storyCount, t.name, t.key]),
  decode: ([storyCount, name, key, ...rest]: unknown[]): TopicListKey | null =>
    isCount(storyCount) && isText(name) && isText(key) && rest.length === 0
      ? { storyCount, name, key }
      : null,
};

export const outletCursor = {
  encode: (o: OutletListKey) => encodeCursor([o.articleCount, o.name]),
  decode: ([articleCount, name, ...rest]: unknown[]): OutletListKey | null =>
    isCount(articleCount) && isText(name) && rest.length === 0 ? { articleCount, name } : null,
};
