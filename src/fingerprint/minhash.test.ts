import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fmix32 } from './hash.js';
import { estimateJaccard, minhashSignature } from './minhash.js';

function range(from: number, to: number): Uint32Array {
  const out = new Uint32Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = fmix32(i * 2654435761);
  return out;
}

describe('minhash', () => {
  it('keeps the mean estimate within 0.05 of true Jaccard over many sets', () => {
    // Sets of 400 elements overlapping by 200: true Jaccard 200/600.
    let total = 0;
    const runs = 50;
    for (let r = 0; r < runs; r++) {
      const base = r * 10000;
      const a = minhashSignature(range(base, base + 400));
      const b = minhashSignature(range(base + 200, base + 600));
      total += estimateJaccard(a, b);
    }
    assert.ok(Math.abs(total / runs - 1 / 3) < 0.05, `mean estimate ${total / runs}`);
  });

  it('fills every bin of a short set so two short sets stay comparable', () => {
    const a = minhashSignature(range(0, 5));
    assert.ok(!a.includes(0xffffffff));
    assert.equal(estimateJaccard(a, minhashSignature(range(0, 5))), 1);
    assert.ok(estimateJaccard(a, minhashSignature(range(100, 105))) < 0.1);
  });

  it('returns zero similarity for an empty set', () => {
    const empty = minhashSignature(new Uint32Array(0));
    assert.equal(estimateJaccard(empty, empty), 0);
  });
});
