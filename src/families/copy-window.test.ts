import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clockOf as clockOfMs, MAX_CLOCK_LEAD_MS } from './copy-window.js';

const SEEN = new Date('2026-03-04T12:00:00Z');
/** As the index calls it, with the publication time parsed for the original's rank. */
const clockOf = (published: string | null, seenAt: Date | undefined) =>
  clockOfMs(published === null ? Number.NaN : Date.parse(published), seenAt);

describe('clockOf', () => {
  it('takes the publication time when it parses', () => {
    assert.equal(clockOf('2026-03-01T08:00:00Z', SEEN), Date.parse('2026-03-01T08:00:00Z'));
  });

  it('takes the seen time for a missing, unparseable or far-future publication time', () => {
    assert.equal(clockOf(null, SEEN), SEEN.getTime());
    assert.equal(clockOf('soon', SEEN), SEEN.getTime());
    assert.equal(clockOf('2099-01-01T00:00:00Z', SEEN), SEEN.getTime());
    const justAhead = new Date(SEEN.getTime() + MAX_CLOCK_LEAD_MS).toISOString();
    assert.equal(clockOf(justAhead, SEEN), SEEN.getTime() + MAX_CLOCK_LEAD_MS);
  });

  it('gives no clock (never evicted) without a valid seen time', () => {
    assert.equal(clockOf('2026-03-01T08:00:00Z', undefined), Number.POSITIVE_INFINITY);
    assert.equal(clockOf(null, new Date('garbage')), Number.POSITIVE_INFINITY);
  });
});
