import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LEAD_LINE_CHARS, leadLine } from './lead.js';

describe('lead line', () => {
  it('takes the first sentence and drops a wire dateline', () => {
    assert.equal(
      leadLine('PORT ELWYN, Nov 22 (Lantern Wire) - The bridge opened at dawn. Traffic resumed.'),
      'The bridge opened at dawn.',
    );
    assert.equal(leadLine('CALDER BAY — Crews walked out. Talks resume.'), 'Crews walked out.');
  });
  it('keeps ordinary openings and cuts a long sentence at a word', () => {
    assert.equal(leadLine('Ferries stopped on Sunday'), 'Ferries stopped on Sunday');
    const long = leadLine('word '.repeat(100));
    assert.ok(long.length <= LEAD_LINE_CHARS + 1);
    assert.match(long, /word…$/);
  });
});
