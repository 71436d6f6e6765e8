import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalisedWords, normaliseText } from './normalise.js';
import { scanWords, WordBuffer, wordHashes } from './scan.js';

const SAMPLES = [
  'The U.S. and NATO agreed on Tuesday.',
  '\u201cWe won\u2019t,\u201d she said \u2014 twice, about 1,200 people.',
  'Trump\u2019s aides met the E.U.\u2019s envoy at 3.5 p.m.',
  'Caf\u00e9 owners in M\u00fcnchen paid \uff11,200 euros for \ufb01sh.',
  'Plan B.The end.  ...  -- 12,5000 and 1,000,000',
  'emoji \ud83d\ude00 between words, and \ud835\udc00 math letters',
  // ASCII only (the fast path): abbreviations, inner apostrophes, digit groups, edges.
  "U.S.A. officials' view: it's `fine`, 'quoted' 1,200,000 at 3 a.m., e.g. B.The U.S",
  "rock 'n' roll -- O'Neil's 12,34 and 1,2345; x.y. a. ' ,9 ,123 word'",
  // Non-ASCII after ASCII words, and inside a dotted abbreviation: the general path takes over.
  'The U.S. team 1,200 strong met in Z\u00fcrich',
  'An u.\u00e9. abbreviation',
];

describe('scanWords', () => {
  it('finds the same words as normaliseText', () => {
    for (const text of SAMPLES) {
      const scanned = new WordBuffer();
      const count = scanWords(text, scanned);
      const expected = normalisedWords(normaliseText(text));
      assert.equal(count, expected.length, text);
      assert.deepEqual([...scanned.view()], expected.flatMap(wordHashes), text);
    }
  });

  it('gives equal words equal hashes and different words different ones', () => {
    const scan = (text: string) => {
      const out = new WordBuffer();
      scanWords(text, out);
      return [...out.view()];
    };
    const a = scan('U.S. NATO us nato');
    const b = scan('US Nato');
    assert.deepEqual(a.slice(0, 4), b);
    assert.deepEqual(a.slice(4), b);
    const c = scan('nato natos');
    assert.notEqual(c[0], c[2]);
    assert.notEqual(c[1], c[3]);
  });
});
