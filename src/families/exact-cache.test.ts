import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ExactCache } from './exact-cache.js';

/** A two-hash set; with the two header words each entry takes 16 bytes. */
const pair = (n: number) => Uint32Array.of(n, n + 1);

describe('ExactCache', () => {
  it('returns the hashes it was given', () => {
    const cache = new ExactCache();
    cache.put(7, Uint32Array.of(3, 1, 4, 1, 5));
    assert.deepEqual([...cache.get(7)!], [3, 1, 4, 1, 5]);
    assert.equal(cache.get(8), undefined);
  });

  it('evicts by arrival order, the older half of the capacity at a time', () => {
    const cache = new ExactCache(64); // two slabs of 32 bytes: two entries each
    for (let slot = 1; slot <= 4; slot++) cache.put(slot, pair(slot));
    assert.ok([1, 2, 3, 4].every((s) => cache.get(s) !== undefined));
    cache.put(5, pair(5)); // the slab of 1 and 2 is emptied for it
    assert.equal(cache.get(1), undefined);
    assert.equal(cache.get(2), undefined);
    assert.deepEqual([...cache.get(3)!], [3, 4]);
    assert.deepEqual([...cache.get(5)!], [5, 6]);
    assert.ok(cache.byteLength <= 64);
  });

  it('keeps a replaced set by its newest arrival', () => {
    const cache = new ExactCache(64);
    cache.put(1, pair(1));
    cache.put(2, pair(2));
    cache.put(1, pair(10)); // now in the second slab
    cache.put(3, pair(3));
    cache.put(4, pair(4)); // empties the first slab: 2 and the old copy of 1
    assert.equal(cache.get(2), undefined);
    assert.deepEqual([...cache.get(1)!], [10, 11]);
  });

  it('forgets deleted slots and refuses a set larger than half the capacity', () => {
    const cache = new ExactCache(64);
    cache.put(1, pair(1));
    cache.delete(1);
    cache.put(2, new Uint32Array(7));
    assert.equal(cache.get(1), undefined);
    assert.equal(cache.get(2), undefined);
  });

  it('stays within capacity over many arrivals and keeps the newest', () => {
    const cache = new ExactCache(4000);
    for (let i = 0; i < 20_000; i++) cache.put(i, new Uint32Array(1 + (i % 7)).fill(i));
    assert.ok(cache.byteLength <= 4000);
    assert.deepEqual([...cache.get(19_998)!], Array(7).fill(19_998));
  });
});

describe('ExactCache renumbering', () => {
  it('moves kept sets to their new slots and forgets dropped ones', () => {
    const cache = new ExactCache(64);
    for (let slot = 1; slot <= 3; slot++) cache.put(slot, pair(slot * 10));
    cache.put(2, pair(20)); // the first copy of 2's set is now stale
    cache.renumber(Int32Array.of(-1, 0, -1, 1), 16);
    assert.deepEqual([...cache.get(0)!], [10, 11]);
    assert.deepEqual([...cache.get(1)!], [30, 31]);
    assert.equal(cache.get(2), undefined);
    // Eviction by arrival order still works on the renumbered headers.
    cache.put(2, pair(40));
    cache.put(3, pair(50)); // empties the slab of 1 and the stale 2
    assert.equal(cache.get(0), undefined);
    assert.deepEqual([...cache.get(1)!], [30, 31]);
    assert.deepEqual([...cache.get(3)!], [50, 51]);
  });
});
