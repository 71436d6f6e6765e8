// Public door of fetching: one Fetcher per process holds the guarded agent, the per-host gate
// and the robots.txt cache. `get` runs, in order: robots.txt check, per-host politeness slot,
// the guarded GET (redirects, caps, timeouts), and retries with backoff for transient failures
// (timeouts, network errors, 429 and 5xx), honouring Retry-After when it is short enough.
import type { Agent } from 'undici';
import { AddressPolicy } from './addresses.js';
import { guardedAgent } from './agent.js';
import { FetchError } from './fetch-error.js';
import { HostGate } from './host-gate.js';
import { httpGet, type Conditional, type HttpLimits, type HttpResult } from './http-get.js';
import { ROBOTS_MAX_BYTES, RobotsCache } from './robots.js';

export { AddressPolicy, BLOCKED_RANGES } from './addresses.js';
export { FetchError, parseRetryAfter, type FetchFailure } from './fetch-error.js';
export type { Conditional, HttpResult } from './http-get.js';

export interface FetchConfig extends HttpLimits {
  connectTimeoutMs: number;
  /** Requests in flight to one host at a time. */
  hostConcurrency: number;
  /** Pause between request starts to one host (ms). */
  hostDelayMs: number;
  /** Further attempts after a transient failure. */
  retries: number;
  /** First backoff (ms); doubles each attempt. */
  retryBaseMs: number;
  /** Longest wait within one pass (ms): a longer Retry-After moves the next poll instead. */
  maxRetryWaitMs: number;
  /** Obey robots.txt (on by default; off only for local tests and benches). */
  robots: boolean;
  robotsTtlMs: number;
  /** How long an unreachable robots.txt keeps a host closed (ms). */
  robotsErrorTtlMs: number;
  /** CIDR ranges or addresses reachable despite the SSRF guard (tests, intranets). */
  allowAddresses: readonly string[];
}

/** Names the project and where to learn about it, so publishers can tell what we are. */
export const USER_AGENT =
  'Storyline/0.1 (+https://github.com/storyline-news/storyline; news aggregation)';

export const DEFAULT_FETCH_CONFIG: Readonly<FetchConfig> = Object.freeze({
  userAgent: USER_AGENT,
  // 10 MB, as for ingested files (config.maxPageBytes): five times the largest benchmark page.
  maxBytes: 10 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 20_000,
  bodyTimeoutMs: 20_000,
  totalTimeoutMs: 60_000,
  // Browsers allow 20; five covers http→https→www→canonical chains seen on news sites.
  maxRedirects: 5,
  hostConcurrency: 2,
  // One request a second per host: the common crawler courtesy when robots.txt says nothing.
  hostDelayMs: 1000,
  retries: 2,
  retryBaseMs: 2000,
  maxRetryWaitMs: 60_000,
  robots: true,
  robotsTtlMs: 24 * 60 * 60 * 1000,
  robotsErrorTtlMs: 60 * 60 * 1000,
  allowAddresses: [],
});

export class Fetcher {
  readonly config: Readonly<FetchConfig>;
  private readonly policy: AddressPolicy;
  private readonly agent: Agent;
  private readonly gate: HostGate;
  private readonly robots: RobotsCache;

  constructor(
    config: Partial<FetchConfig> = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.config = Object.freeze({ ...DEFAULT_FETCH_CONFIG, ...config });
    this.policy = new AddressPolicy(this.config.allowAddresses);
    this.agent = guardedAgent({
      policy: this.policy,
      connectTimeoutMs: this.config.connectTimeoutMs,
      connections: Math.max(1, this.config.hostConcurrency),
    });
    this.gate = new HostGate(this.config.hostConcurrency, this.config.hostDelayMs);
    this.robots = new RobotsCache(
      (url) => this.gated(url, {}, { ...this.config, maxBytes: ROBOTS_MAX_BYTES, maxRedirects: 3 }),
      this.config.userAgent,
      this.config.robotsTtlMs,
      this.config.robotsErrorTtlMs,
      (host, ms) => this.gate.setDelay(host, ms),
    );
  }

  /** Fetches `url` politely; throws FetchError with a reason for every failure. */
  async get(url: string, conditional: Conditional = {}): Promise<HttpResult> {
    if (this.config.robots) {
      try {
        await this.robots.check(url);
      } catch (error) {
        if (error instanceof TypeError) throw new FetchError(url, 'bad-url', `not a URL: ${url}`);
        throw error;
      }
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.gated(url, conditional, this.config);
      } catch (error) {
        if (!(error instanceof FetchError) || !error.transient || attempt >= this.config.retries)
          throw error;
        const backoff = this.config.retryBaseMs * 2 ** attempt;
        const wait = Math.max(backoff, error.retryAfterMs ?? 0);
        if (wait > this.config.maxRetryWaitMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private gated(url: string, conditional: Conditional, limits: HttpLimits): Promise<HttpResult> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return Promise.reject(new FetchError(url, 'bad-url', `not a URL: ${url}`));
    }
    return this.gate.run(host, () =>
      httpGet(url, conditional, limits, this.agent, this.policy, this.now),
    );
  }
}
