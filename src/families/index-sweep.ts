// Keeps the family index to the copy window (copy-window.ts): evicts whole families past it and
// compacts the tables they leave holes in, so the memory they held is returned. Apart from
// family-index.ts, which finds and joins copies; both work on the same tables.
import type { BandTable } from './band-table.js';
import type { CopyWindow } from './copy-window.js';
import type { ExactCache } from './exact-cache.js';
import type { MemberIds } from './member-ids.js';
import type { MemberTable } from './member-table.js';

export interface IndexTables {
  members: MemberTable;
  bands: BandTable;
  anchors: BandTable;
  exact: ExactCache;
  directory: MemberIds;
}

/** Evicts every family past the window, then compacts if enough slots are dead. */
export function sweepIndex(t: IndexTables, window: CopyWindow): void {
  const { roots, keptAfter } = t.members.familiesOlderThan(window.cutoffMs);
  const indexed: number[] = [];
  for (const root of roots) evictFamily(t, root, indexed);
  t.bands.removeSlots(indexed);
  t.anchors.removeSlots(indexed);
  if (window.compactionDue(t.members.count - keptAfter, t.members.count)) compact(t);
}

/** Forgets every member of a family, its removed root too; band entries go in `indexed`. */
function evictFamily(t: IndexTables, root: number, indexed: number[]): void {
  const m = t.members;
  const start = m.familyOriginal[root]!;
  for (let s = start, more = start >= 0; more;) {
    const next = m.nextInFamily[s]!;
    t.directory.forget(s, false);
    t.exact.delete(s);
    m.alive[s] = 0;
    m.nextInFamily[s] = s;
    if (m.shingles[s] !== 0) indexed.push(s);
    s = next;
    more = s !== start;
  }
  m.familySize[root] = 0;
  m.familyOriginal[root] = -1;
  t.directory.unname(root);
}

/**
 * Renumbers the kept slots in order (older is still smaller, so a merge keeps the survivor it
 * would have kept) and moves every table to them. A removed root that names a live family is
 * kept, so no live family's id (`f` + its root's id) changes.
 */
function compact(t: IndexTables): void {
  const map = t.members.compact();
  const capacity = t.members.capacity;
  t.bands.renumber(map, capacity);
  t.anchors.renumber(map, capacity);
  t.exact.renumber(map, capacity);
  t.directory.renumber(map, (slot) => t.members.alive[slot] === 1);
}
