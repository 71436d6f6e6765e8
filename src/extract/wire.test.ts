import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDateline, findSignOff } from './wire.js';

describe('wire datelines and sign-offs', () => {
  it('reads a Reuters dateline with city and date', () => {
    const d = findDateline(
      'MOSCOW, Aug 20 (Reuters) - Russia said on Wednesday that talks would continue.',
    );
    assert.equal(d?.dateline, 'MOSCOW, Aug 20 (Reuters) -');
    assert.equal(d?.credit, 'Reuters');
    assert.ok(d?.rest.startsWith('Russia said'));
  });

  it('reads an AP dateline without a date', () => {
    const d = findDateline('WASHINGTON (AP) — Lawmakers returned on Monday.');
    assert.equal(d?.credit, 'AP');
    assert.equal(d?.dateline, 'WASHINGTON (AP) —');
  });

  it('ignores a paragraph that merely mentions an agency', () => {
    assert.equal(findDateline('Officials told Reuters (Reuters) - nothing'), null);
    assert.equal(findDateline('The minister spoke to reporters on Monday.'), null);
  });

  it('cuts an upper-case agency sign-off and keeps the sentence', () => {
    const s = findSignOff('Kyiv says the invasion is a land grab. REUTERS');
    assert.deepEqual(s, { credit: 'Reuters', rest: 'Kyiv says the invasion is a land grab.' });
  });

  it('leaves a sentence ending in an ordinary word alone', () => {
    assert.equal(findSignOff('The deal was reported by Reuters.'), null);
    assert.equal(findSignOff('He works for AFP'), null);
  });
});
