import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dateFromDateline,
  dateFromUrl,
  isRelativeAge,
  parseAbsoluteDate,
  resolveRelativeAge,
} from './dates.js';

const AT = new Date('2025-08-20T12:00:00Z');

describe('relative ages', () => {
  it('resolves minutes, hours, days and "an hour" against the reference time', () => {
    assert.equal(resolveRelativeAge('12 minutes ago', AT), '2025-08-20T11:48:00.000Z');
    assert.equal(resolveRelativeAge('2 hrs ago', AT), '2025-08-20T10:00:00.000Z');
    assert.equal(resolveRelativeAge('an hour ago', AT), '2025-08-20T11:00:00.000Z');
    assert.equal(resolveRelativeAge('3 days ago', AT), '2025-08-17T12:00:00.000Z');
    assert.equal(resolveRelativeAge('yesterday', AT), '2025-08-19T12:00:00.000Z');
    assert.equal(resolveRelativeAge('5m ago', AT), '2025-08-20T11:55:00.000Z');
  });

  it('rejects lines that only contain an age inside a sentence', () => {
    assert.equal(isRelativeAge('He left 12 minutes ago to catch the train.'), false);
    assert.equal(resolveRelativeAge('Daily Mirror', AT), null);
  });
});

describe('absolute dates', () => {
  it('parses ISO dates with and without zones as UTC', () => {
    assert.equal(parseAbsoluteDate('2025-08-20T08:30:00+02:00'), '2025-08-20T06:30:00.000Z');
    assert.equal(parseAbsoluteDate('2025-08-20'), '2025-08-20T00:00:00.000Z');
    assert.equal(parseAbsoluteDate('2025-08-20 14:05'), '2025-08-20T14:05:00.000Z');
  });

  it('parses English month names in both orders', () => {
    assert.equal(parseAbsoluteDate('Aug 20, 2025'), '2025-08-20T00:00:00.000Z');
    assert.equal(parseAbsoluteDate('20 August 2025'), '2025-08-20T00:00:00.000Z');
  });

  it('parses German, French, Spanish, Italian, Portuguese and CJK dates', () => {
    const want = '2025-08-20T00:00:00.000Z';
    for (const d of [
      '20. August 2025',
      '20 août 2025',
      '20 de agosto de 2025',
      '20 agosto 2025',
      'Mittwoch, 20. Aug. 2025',
      '2025年8月20日',
      '2025년 8월 20일',
      '20.08.2025',
      '20/08/2025',
      '08/20/2025',
      '19:42, 20 Aug 2025',
    ])
      assert.equal(parseAbsoluteDate(d), want, d);
    assert.equal(parseAbsoluteDate('1er mars 2025'), '2025-03-01T00:00:00.000Z');
    assert.equal(parseAbsoluteDate('3 févr. 2025'), '2025-02-03T00:00:00.000Z');
    assert.equal(parseAbsoluteDate('5 dic 2025'), '2025-12-05T00:00:00.000Z');
  });

  it('leaves a day/month order it cannot tell alone', () => {
    assert.equal(parseAbsoluteDate('03/04/2026'), null);
    assert.equal(parseAbsoluteDate('Augusta 20, 2025'), null);
  });

  it('rejects impossible dates and plain text', () => {
    assert.equal(parseAbsoluteDate('2025-02-30'), null);
    assert.equal(parseAbsoluteDate('no date here'), null);
  });

  it('reads dates written into URL paths', () => {
    assert.equal(
      dateFromUrl('https://x.example/news/2025/08/20/story'),
      '2025-08-20T00:00:00.000Z',
    );
    assert.equal(dateFromUrl('https://x.example/2025-08-20/story'), '2025-08-20T00:00:00.000Z');
    assert.equal(dateFromUrl('https://x.example/news/123456/story'), null);
  });
});

describe('dateFromDateline', () => {
  const at = new Date('2026-03-05T12:00:00Z');
  it('takes the year from the reference time', () => {
    assert.equal(dateFromDateline('VALDORA, March 3 (Meridian) -', at), '2026-03-03T00:00:00.000Z');
    assert.equal(dateFromDateline('PARIS, 4 Mar (AFP) -', at), '2026-03-04T00:00:00.000Z');
  });
  it('puts a date far after the reference time in the year before', () => {
    assert.equal(dateFromDateline('MOSCOW, Dec 30 (Reuters) -', at), '2025-12-30T00:00:00.000Z');
  });
  it('returns null for a dateline without a date', () => {
    assert.equal(dateFromDateline('WASHINGTON (AP) —', at), null);
    assert.equal(dateFromDateline('LONDON, Smith (AP) —', at), null);
  });
});
