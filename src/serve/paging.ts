// Reads ?page= and ?limit= from a query string. Bad values are the client's mistake (400), not
// something to guess around: "?page=abc" silently showing page 1 hides broken links.
import { StorylineError } from '../errors.js';

/** Stories per page on the front page and the API's default: one screenful of headlines. */
export const DEFAULT_PAGE_SIZE = 20;
/** The API's largest page: bounds one request's work on the store. */
export const MAX_PAGE_SIZE = 100;
/** Deepest page served: bounds the OFFSET a client can ask the store to skip (page × size). */
export const MAX_PAGE = 10_000;

export interface Paging {
  page: number;
  limit: number;
  offset: number;
}

function positiveInt(name: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const text = Array.isArray(value) ? value[value.length - 1] : value;
  if (typeof text !== 'string' || !/^[0-9]{1,9}$/.test(text)) {
    throw new StorylineError('BAD_REQUEST', `serve: ${name} must be a positive whole number`);
  }
  const n = Number.parseInt(text, 10);
  if (n < 1 || n > max) {
    throw new StorylineError('BAD_REQUEST', `serve: ${name} must be between 1 and ${max}`);
  }
  return n;
}

export function readPaging(
  query: Record<string, unknown>,
  defaultLimit = DEFAULT_PAGE_SIZE,
  allowLimit = false,
): Paging {
  const page = positiveInt('page', query.page, 1, MAX_PAGE);
  const limit = allowLimit
    ? positiveInt('limit', query.limit, defaultLimit, MAX_PAGE_SIZE)
    : defaultLimit;
  return { page, limit, offset: (page - 1) * limit };
}
