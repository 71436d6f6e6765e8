// robots.txt per origin (RFC 9309), parsed by robots-parser and cached. A missing file (4xx)
// allows everything; an unreachable one (5xx, timeout) disallows everything until the entry
// expires (RFC 9309 §2.3.1.4), so a struggling server is not also crawled. Crawl-delay, when
// present, lengthens our per-host delay.
import robotsModule from 'robots-parser';
import { FetchError } from './fetch-error.js';
import type { HttpResult } from './http-get.js';

/** robots.txt files larger than this are cut (RFC 9309 §2.5 asks parsers to read at least 500 KiB). */
export const ROBOTS_MAX_BYTES = 512 * 1024;
/** Longest Crawl-delay we honour (ms): longer asks would stall a poll pass, so we cap them. */
export const MAX_CRAWL_DELAY_MS = 30_000;

/** The parts of robots-parser's Robot we use. */
interface Robot {
  isDisallowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS (module.exports = function); its typings declare a default export.
const robotsParser = ((robotsModule as unknown as { default?: unknown }).default ??
  robotsModule) as unknown as (url: string, text: string) => Robot;

type Rules =
  { kind: 'parsed'; robot: Robot } | { kind: 'allow-all' } | { kind: 'deny-all'; why: string };

export class RobotsCache {
  private readonly entries = new Map<string, { rules: Promise<Rules>; expires: number }>();

  constructor(
    private readonly get: (url: string) => Promise<HttpResult>,
    private readonly userAgent: string,
    private readonly ttlMs: number,
    private readonly errorTtlMs: number,
    private readonly onCrawlDelay: (host: string, ms: number) => void,
  ) {}

  /** Throws FetchError('robots') when robots.txt disallows `url`. */
  async check(url: string): Promise<void> {
    const target = new URL(url);
    const rules = await this.rules(target);
    if (rules.kind === 'allow-all') return;
    if (rules.kind === 'deny-all')
      throw new FetchError(
        url,
        'robots',
        `robots.txt of ${target.host} unreachable (${rules.why}); not fetching until it answers`,
      );
    if (rules.robot.isDisallowed(url, this.userAgent) === true) {
      throw new FetchError(url, 'robots', `disallowed by ${target.origin}/robots.txt`);
    }
  }

  private async rules(target: URL): Promise<Rules> {
    const now = Date.now();
    const cached = this.entries.get(target.origin);
    if (cached !== undefined && cached.expires > now) return cached.rules;
    const entry = { rules: this.load(target), expires: now + this.ttlMs };
    this.entries.set(target.origin, entry);
    const rules = await entry.rules;
    if (rules.kind === 'deny-all') entry.expires = Date.now() + this.errorTtlMs;
    return rules;
  }

  private async load(target: URL): Promise<Rules> {
    const robotsUrl = `${target.origin}/robots.txt`;
    try {
      const result = await this.get(robotsUrl);
      if (result.kind !== 'ok') return { kind: 'allow-all' };
      const robot = robotsParser(robotsUrl, new TextDecoder().decode(result.body));
      const delay = robot.getCrawlDelay(this.userAgent);
      if (typeof delay === 'number' && delay > 0)
        this.onCrawlDelay(target.host, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
      return { kind: 'parsed', robot };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      if (error.reason === 'blocked' || error.reason === 'bad-url') throw error;
      // 4xx: no usable file, everything allowed (RFC 9309 §2.3.1.3); a robots.txt too big to
      // read is treated the same way rather than blocking a site for its size.
      if (error.reason === 'gone' || error.reason === 'too-large') return { kind: 'allow-all' };
      if (
        error.reason === 'http' &&
        error.httpStatus !== null &&
        error.httpStatus < 500 &&
        error.httpStatus !== 429
      )
        return { kind: 'allow-all' };
      return {
        kind: 'deny-all',
        why: error.httpStatus ? `HTTP ${error.httpStatus}` : error.reason,
      };
    }
  }
}
