import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { estimateDecides, EXACT_CONTAINMENT_MIN, judgeExact } from './copy-match.js';

const BINS = 512;
const CHANCE = 1 / 16;

describe('judgeExact', () => {
  it('puts the copy line at half of the smaller text contained in the larger', () => {
    assert.equal(EXACT_CONTAINMENT_MIN, 0.5);
    assert.equal(judgeExact(40, 80, 600).isCopy, true);
    assert.equal(judgeExact(39, 80, 600).isCopy, false);
  });

  it('joins a text below the containment minimum size only when it is nearly the same text', () => {
    assert.equal(judgeExact(10, 12, 600).isCopy, false);
    assert.equal(judgeExact(10, 12, 13).isCopy, true);
  });
});

describe('estimateDecides', () => {
  it('trusts the estimate far from the line: an edited copy, an unrelated report', () => {
    assert.equal(estimateDecides(0.8, 450, 480, BINS, CHANCE), true);
    assert.equal(estimateDecides(0.01, 450, 480, BINS, CHANCE), true);
  });

  it('asks for exact counts near the line, and for a brief inside a long report', () => {
    // Equal sizes, containment ~0.5: Jaccard ~1/3.
    assert.equal(estimateDecides(0.34, 450, 450, BINS, CHANCE), false);
    // 60 shingles in 900: containment 0.75 estimated, but one bin moves it by ~0.25.
    assert.equal(estimateDecides(0.05, 60, 900, BINS, CHANCE), false);
  });
});
