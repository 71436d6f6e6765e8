import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemberTable } from './member-table.js';

/** Five slots: 0 <- 2 <- 4 one family (through 2), 1 and 3 alone. */
function table(): MemberTable {
  const t = new MemberTable(2);
  for (let s = 0; s < 5; s++) {
    t.allocate();
    t.signatures[2 * s] = 100 + s;
    t.publishedMs[s] = s * 1000;
  }
  t.parent[2] = 0;
  t.parent[4] = 2;
  t.familySize[0] = 3;
  t.nextInFamily[0] = 2;
  t.nextInFamily[2] = 4;
  t.nextInFamily[4] = 0;
  return t;
}

/** Marks a member removed the way the family index does (unlinked, family one smaller). */
function removeMember(t: MemberTable, slot: number, root: number, before: number): void {
  t.alive[slot] = 0;
  t.nextInFamily[before] = t.nextInFamily[slot]!;
  t.nextInFamily[slot] = slot;
  t.familySize[root] = t.familySize[root]! - 1;
}

describe('MemberTable', () => {
  it('compacts to the kept slots in order, keeping a removed root that names a live family', () => {
    const t = table();
    removeMember(t, 0, 0, 4); // the family's root: kept, it names the family
    removeMember(t, 2, 0, 4); // a member between 4 and its root: dropped, 4 now points at 0
    t.alive[3] = 0;
    t.familySize[3] = 0; // a family of one, removed: dropped
    const map = t.compact();
    assert.deepEqual([...map], [0, 1, -1, -1, 2]);
    assert.equal(t.count, 3);
    assert.deepEqual([...t.parent.subarray(0, 3)], [0, 1, 0]);
    assert.deepEqual([...t.alive.subarray(0, 3)], [0, 1, 1]);
    assert.deepEqual([...t.publishedMs.subarray(0, 3)], [0, 1000, 4000]);
    assert.deepEqual([t.signatures[0], t.signatures[2], t.signatures[4]], [100, 101, 104]);
    assert.equal(t.nextInFamily[2], 2);
    assert.equal(t.familySize[0], 1);
  });

  it('returns memory: a compacted table is sized for what it kept', () => {
    const t = new MemberTable(64);
    for (let s = 0; s < 10_000; s++) t.allocate();
    const full = t.byteLength;
    for (let s = 100; s < 10_000; s++) {
      t.alive[s] = 0;
      t.familySize[s] = 0;
    }
    t.compact();
    assert.equal(t.count, 100);
    assert.ok(t.byteLength < full / 8, `${t.byteLength} of ${full} bytes`);
  });

  it('finds the families whose newest member is before a cutoff', () => {
    const t = table();
    t.familyNewestMs[0] = 5;
    t.familyNewestMs[1] = 50;
    t.familyNewestMs[3] = Number.POSITIVE_INFINITY;
    const { roots, keptAfter } = t.familiesOlderThan(10);
    assert.deepEqual(roots, [0]);
    assert.equal(keptAfter, 2);
  });
});
