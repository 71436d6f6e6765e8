// Adaptive polling: a feed that keeps delivering new items is polled more often, a quiet one
// less, a failing one backs off exponentially (or as long as Retry-After asks), and a gone one
// (410) drops to the slowest rate. Pure: the clock comes in as `now`.

export interface ScheduleLimits {
  /** Interval of a new source (seconds). */
  defaultIntervalS: number;
  /** Never poll a source more often than this (seconds). */
  minIntervalS: number;
  /** Never wait longer than this between polls, even for dead sources (seconds). */
  maxIntervalS: number;
}

/**
 * 15 minutes for a new source, between 5 minutes and a day after that: the range mature feed
 * readers use (Miniflux's default is 60 min with a 24 h cap; busy news feeds publish every few
 * minutes, so we start faster and let quiet feeds slow down).
 */
export const DEFAULT_SCHEDULE: Readonly<ScheduleLimits> = Object.freeze({
  defaultIntervalS: 15 * 60,
  minIntervalS: 5 * 60,
  maxIntervalS: 24 * 60 * 60,
});

/** New items halve the interval; a poll with nothing new stretches it by half. */
export const BUSY_FACTOR = 0.5;
export const QUIET_FACTOR = 1.5;

export type PollResult =
  | { kind: 'new-items' }
  | { kind: 'quiet' }
  | { kind: 'failed'; failures: number; retryAfterMs: number | null }
  | { kind: 'gone' };

export interface Schedule {
  intervalS: number;
  nextPollAt: string;
}

export function nextSchedule(
  previousIntervalS: number | null,
  result: PollResult,
  now: Date,
  limits: ScheduleLimits = DEFAULT_SCHEDULE,
): Schedule {
  const clamp = (s: number) =>
    Math.round(Math.min(limits.maxIntervalS, Math.max(limits.minIntervalS, s)));
  const interval = clamp(previousIntervalS ?? limits.defaultIntervalS);
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
  switch (result.kind) {
    case 'new-items': {
      const next = clamp(interval * BUSY_FACTOR);
      return { intervalS: next, nextPollAt: at(next) };
    }
    case 'quiet': {
      const next = clamp(interval * QUIET_FACTOR);
      return { intervalS: next, nextPollAt: at(next) };
    }
    case 'gone':
      return { intervalS: limits.maxIntervalS, nextPollAt: at(limits.maxIntervalS) };
    case 'failed': {
      // The interval itself is kept (it describes the feed, not the outage); the wait grows
      // 1x, 2x, 4x... the interval with each consecutive failure, up to the maximum.
      const backoff = Math.min(
        limits.maxIntervalS,
        interval * 2 ** Math.min(Math.max(result.failures - 1, 0), 16),
      );
      const wait = Math.max(backoff, (result.retryAfterMs ?? 0) / 1000);
      return { intervalS: interval, nextPollAt: at(Math.min(wait, limits.maxIntervalS)) };
    }
  }
}

/** True when the source should be polled at `now`. */
export function isDue(nextPollAt: string | null, now: Date): boolean {
  return nextPollAt === null || Date.parse(nextPollAt) <= now.getTime();
}
