// Reads ?q= for search. A missing or blank query is an empty search (the form), not an error.
import { StorylineError } from '../errors.js';

/** Longest query accepted (characters): longer is a pasted article, not a search. */
export const MAX_QUERY_CHARS = 200;
/** Results per search: the store caps at 200; a reader page past 50 stops being read. */
export const SEARCH_RESULTS = 50;
/** Stories shown above the articles on the search page: the few a reader would follow. */
export const SEARCH_STORIES = 10;

export function readQuery(query: Record<string, unknown>): string {
  const value = query.q;
  const text = Array.isArray(value) ? value[value.length - 1] : value;
  if (text === undefined) return '';
  if (typeof text !== 'string') throw new StorylineError('BAD_REQUEST', 'serve: q must be text');
  const trimmed = text.trim();
  if (trimmed.length > MAX_QUERY_CHARS) {
    throw new StorylineError(
      'BAD_REQUEST',
      `serve: q must be at most ${MAX_QUERY_CHARS} characters`,
    );
  }
  return trimmed;
}
