import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distinctCount, shingleHashes, SHINGLE_WORDS } from './shingles.js';

/** Word-hash pairs (scanWords layout) for small integers standing in for words. */
const words = (...ids: number[]) => ids.flatMap((id) => [id * 2654435761, id]);

describe('shingleHashes', () => {
  it('hashes a window the same wherever it occurs (the rolling hash forgets old words)', () => {
    const long = shingleHashes(words(9, 1, 2, 3, 4, 5, 6));
    const short = shingleHashes(words(1, 2, 3, 4, 5, 6));
    assert.equal(SHINGLE_WORDS, 5);
    assert.equal(long.length, 3);
    assert.equal(long[1], short[0]);
    assert.equal(long[2], short[1]);
    assert.notEqual(long[0], long[1]);
  });

  it('makes one shingle of a text shorter than a window, and none of an empty one', () => {
    assert.equal(shingleHashes(words(1, 2)).length, 1);
    assert.notEqual(shingleHashes(words(1, 2))[0], shingleHashes(words(2, 1))[0]);
    assert.equal(shingleHashes([]).length, 0);
  });
});

describe('distinctCount', () => {
  it('counts distinct values, zero included', () => {
    assert.equal(distinctCount(Uint32Array.of(5, 0, 5, 7, 0, 9)), 4);
    assert.equal(distinctCount(new Uint32Array(0)), 0);
    const many = Uint32Array.from({ length: 5000 }, (_, i) => (i % 2500) * 7919 + 1);
    assert.equal(distinctCount(many), 2500);
  });
});
