import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BandTable } from './band-table.js';

/** Member m holds keys m*10+band in every band but the last, which all share (key 7); 3 is nobody's. */
function keysOf(member: number, bands: number): Uint32Array {
  return Uint32Array.from({ length: bands }, (_, band) =>
    band === bands - 1 ? 7 : member * 10 + band,
  );
}

function candidates(table: BandTable, keys: Uint32Array, perBucket = 1000): number[] {
  const seen = new Set<number>();
  table.forCandidates(keys, perBucket, (slot) => seen.add(slot));
  return [...seen].sort((a, b) => a - b);
}

describe('BandTable', () => {
  it('finds members by band key across resizes and forgets removed ones', () => {
    const bands = 4;
    const table = new BandTable(bands, 8);
    for (let m = 0; m < 3000; m++) table.insert(m, keysOf(m, bands));
    assert.deepEqual(candidates(table, Uint32Array.of(1230, 3, 3, 3)), [123]);
    assert.deepEqual(candidates(table, Uint32Array.of(3, 3, 1232, 3)), [123]);
    // A key in the wrong band is no match.
    assert.deepEqual(
      candidates(
        table,
        Uint32Array.of(1231, 0, 0, 0).map((k, i) => (i === 0 ? k : 3)),
      ),
      [],
    );
    for (let m = 0; m < 3000; m += 2) table.remove(m);
    assert.deepEqual(candidates(table, Uint32Array.of(1240, 3, 3, 3)), []);
    assert.deepEqual(candidates(table, Uint32Array.of(1250, 3, 3, 3)), [125]);
    assert.equal(candidates(table, Uint32Array.of(3, 3, 3, 7), 5000).length, 1500);
  });

  it('scans at most perBucket members of a bucket, newest first', () => {
    const table = new BandTable(2);
    for (let m = 0; m < 100; m++) table.insert(m, Uint32Array.of(5, m));
    assert.deepEqual(candidates(table, Uint32Array.of(5, 9999), 3), [97, 98, 99]);
  });

  it('skips a key held by more members than the limit', () => {
    const table = new BandTable(2);
    for (let m = 0; m < 10; m++) table.insert(m, Uint32Array.of(42, 100 + m));
    const common: number[] = [];
    table.forKey(42, 5, (slot) => common.push(slot));
    assert.equal(common.length, 0);
    const rare: number[] = [];
    table.forKey(105, 5, (slot) => rare.push(slot));
    assert.deepEqual(rare, [5]);
  });
});

describe('BandTable eviction and renumbering', () => {
  it('removes many slots at once, also from a long shared chain', () => {
    const bands = 4;
    const table = new BandTable(bands, 8);
    for (let m = 0; m < 2000; m++) table.insert(m, keysOf(m, bands));
    const gone = Array.from({ length: 1000 }, (_, m) => m);
    table.removeSlots(gone);
    assert.deepEqual(candidates(table, Uint32Array.of(1230, 3, 3, 3)), []);
    assert.deepEqual(candidates(table, Uint32Array.of(12340, 3, 3, 3)), [1234]);
    assert.equal(candidates(table, Uint32Array.of(3, 3, 3, 7), 5000).length, 1000);
    // Removed entries are out of every chain: removing a survivor afterwards still works.
    table.remove(1234);
    assert.deepEqual(candidates(table, Uint32Array.of(12340, 3, 3, 3)), []);
  });

  it('follows a renumbering, newest first, in less memory', () => {
    const bands = 2;
    const table = new BandTable(bands);
    for (let m = 0; m < 5000; m++) table.insert(m, Uint32Array.of(5, 100_000 + m));
    const before = table.byteLength;
    const gone = Array.from({ length: 4900 }, (_, m) => m);
    table.removeSlots(gone);
    const map = Int32Array.from({ length: 5000 }, (_, m) => (m < 4900 ? -1 : m - 4900));
    table.renumber(map, 128);
    assert.ok(table.byteLength < before / 4, `${table.byteLength} of ${before} bytes`);
    assert.deepEqual(candidates(table, Uint32Array.of(5, 0), 3), [97, 98, 99]);
    assert.deepEqual(candidates(table, Uint32Array.of(0, 104_950)), [50]);
    table.insert(100, Uint32Array.of(5, 7));
    assert.deepEqual(candidates(table, Uint32Array.of(5, 0), 2), [99, 100]);
  });
});
