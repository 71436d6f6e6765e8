import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateTime, relativeTime, timeElement } from './time.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('relative time', () => {
  it('says minutes, hours and days with correct plurals', () => {
    assert.equal(relativeTime(ago(12 * 60), NOW), '12 minutes ago');
    assert.equal(relativeTime(ago(60), NOW), '1 minute ago');
    assert.equal(relativeTime(ago(3 * 3600), NOW), '3 hours ago');
    assert.equal(relativeTime(ago(26 * 3600), NOW), '1 day ago');
  });

  it('says just now for a few seconds and speaks of the future for times ahead', () => {
    assert.equal(relativeTime(ago(10), NOW), 'just now');
    assert.equal(relativeTime(ago(-2 * 3600), NOW), 'in 2 hours');
  });

  it('falls back to the calendar date after thirty days', () => {
    assert.equal(relativeTime(new Date('2026-01-05T10:00:00Z'), NOW), '5 Jan 2026');
  });

  it('keeps the absolute time in the datetime and title attributes', () => {
    const out = timeElement('2026-11-22T11:48:00Z', NOW).value;
    assert.equal(
      out,
      `<time datetime="2026-11-22T11:48:00.000Z" title="${formatDateTime(ago(12 * 60))}">12 minutes ago</time>`,
    );
    assert.match(out, /22 Nov 2026, 11:48 UTC/);
  });

  it('shows an unparseable time as escaped text rather than guessing', () => {
    assert.equal(timeElement('<b>soon</b>', NOW).value, '&lt;b&gt;soon&lt;/b&gt;');
    assert.equal(timeElement(null, NOW).value, '');
  });
});
