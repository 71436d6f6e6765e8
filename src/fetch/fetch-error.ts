// A failed fetch: a coded error (FETCH_FAILED) with the reason as a value the poller acts on
// (back off, honour Retry-After, give up on a gone feed) and a message fit for a log line.
import { StorylineError } from '../errors.js';

export type FetchFailure =
  | 'http' // an error status (4xx other than 410, 5xx)
  | 'gone' // 410: the publisher says it will not come back
  | 'timeout' // connect, headers, a stalled body, or the whole fetch took too long
  | 'too-large' // the body (after decompression) passed the size cap
  | 'blocked' // the SSRF guard refused the address
  | 'robots' // robots.txt disallows the URL for our user agent
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-url' // not http(s), or not a URL at all
  | 'corrupt' // a compressed body that does not decompress
  | 'network'; // refused, reset, DNS failure

export class FetchError extends StorylineError {
  constructor(
    readonly url: string,
    readonly reason: FetchFailure,
    detail: string,
    readonly httpStatus: number | null = null,
    /** How long the server asked us to wait (Retry-After), in milliseconds. */
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super('FETCH_FAILED', `fetch: unable to fetch ${url}: ${detail}`, options);
    this.name = 'FetchError';
  }

  /** Worth trying again soon: the server or the network may recover. */
  get transient(): boolean {
    if (this.reason === 'timeout' || this.reason === 'network') return true;
    return this.reason === 'http' && (this.httpStatus === 429 || (this.httpStatus ?? 0) >= 500);
  }
}

/** Most we wait for a Retry-After within one pass; longer asks move the next poll instead. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3); returns milliseconds from
 * `now`, never negative, capped at a day; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number.parseInt(text, 10) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
