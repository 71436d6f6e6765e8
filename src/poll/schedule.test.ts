import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCHEDULE, isDue, nextSchedule } from './schedule.js';

const now = new Date('2026-03-02T12:00:00.000Z');
const minutesAway = (iso: string) => (Date.parse(iso) - now.getTime()) / 60_000;

describe('nextSchedule', () => {
  it('starts at the default, halves for a busy feed and stretches a quiet one, within the limits', () => {
    const busy = nextSchedule(null, { kind: 'new-items' }, now);
    assert.equal(
      busy.intervalS,
      450 < DEFAULT_SCHEDULE.minIntervalS ? DEFAULT_SCHEDULE.minIntervalS : 450,
    );
    assert.equal(
      nextSchedule(300, { kind: 'new-items' }, now).intervalS,
      300,
      'never below the minimum',
    );
    const quiet = nextSchedule(900, { kind: 'quiet' }, now);
    assert.deepEqual([quiet.intervalS, minutesAway(quiet.nextPollAt)], [1350, 22.5]);
    assert.equal(
      nextSchedule(80_000, { kind: 'quiet' }, now).intervalS,
      DEFAULT_SCHEDULE.maxIntervalS,
    );
  });

  it('backs off exponentially on consecutive failures, keeping the interval', () => {
    const waits = [1, 2, 3, 4].map((failures) =>
      nextSchedule(900, { kind: 'failed', failures, retryAfterMs: null }, now),
    );
    assert.deepEqual(
      waits.map((w) => minutesAway(w.nextPollAt)),
      [15, 30, 60, 120],
    );
    assert.ok(waits.every((w) => w.intervalS === 900));
    assert.equal(
      minutesAway(
        nextSchedule(900, { kind: 'failed', failures: 40, retryAfterMs: null }, now).nextPollAt,
      ),
      24 * 60,
    );
  });

  it('waits at least as long as Retry-After asks, and a day for a gone source', () => {
    assert.equal(
      minutesAway(
        nextSchedule(900, { kind: 'failed', failures: 1, retryAfterMs: 3 * 3600_000 }, now)
          .nextPollAt,
      ),
      180,
    );
    assert.equal(minutesAway(nextSchedule(900, { kind: 'gone' }, now).nextPollAt), 24 * 60);
  });

  it('says a source is due when it has no next poll or the time has come', () => {
    assert.equal(isDue(null, now), true);
    assert.equal(isDue('2026-03-02T11:59:59.000Z', now), true);
    assert.equal(isDue('2026-03-02T12:00:01.000Z', now), false);
  });
});
