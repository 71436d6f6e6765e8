// Per-member columns in typed arrays, indexed by slot. Slots are handed out in arrival order and
// never reused, so a smaller slot always means an older member (the family index relies on it:
// the older family survives a merge). A removed member keeps its slot as a tombstone until a
// compaction renumbers the kept slots, in the same order, into smaller columns.

/** Capacity growth factor: 1.25 leaves at most a fifth of the columns unused after a resize. */
const GROWTH = 1.25;
/** Slots a table starts with, and the least it is compacted to. */
const MIN_CAPACITY = 1024;

export class MemberTable {
  /** 32-bit words of packed signature per member. */
  readonly signatureWords: number;
  capacity: number;
  count = 0;
  /**
   * The low 4 bits of each MinHash bin, eight bins to a 32-bit word (b-bit MinHash, Li & Koenig,
   * WWW 2010). Bins of unrelated texts agree by chance 1/16 of the time, which the Jaccard
   * estimate corrects for; at equal memory, 512 bins of 4 bits estimate Jaccard with a smaller
   * variance than 256 bins of 8 bits (0.023 against 0.030 at J = 0.34).
   */
  signatures: Uint32Array;
  shingles: Uint32Array;
  credited: Uint8Array;
  alive: Uint8Array;
  publishedMs: Float64Array;
  words: Uint32Array;
  /** Union-find parent, never a later slot; a family's root is its founding (oldest) slot. */
  parent: Int32Array;
  /** Circular list of the live members of a family. */
  nextInFamily: Int32Array;
  /** For roots: live member count and the slot of the likely original (-1 when empty). */
  familySize: Int32Array;
  familyOriginal: Int32Array;
  /**
   * For roots: the newest clock of any member the family had (ms, see copy-window.ts; a removal
   * does not lower it), +Infinity once an undated member joined.
   */
  familyNewestMs: Float64Array;
  /** Last query that visited the slot, to deduplicate LSH candidates without a Set. */
  stamp: Int32Array;

  constructor(signatureWords: number, capacity = MIN_CAPACITY) {
    this.signatureWords = signatureWords;
    this.capacity = capacity;
    this.signatures = new Uint32Array(capacity * signatureWords);
    this.shingles = new Uint32Array(capacity);
    this.credited = new Uint8Array(capacity);
    this.alive = new Uint8Array(capacity);
    this.publishedMs = new Float64Array(capacity);
    this.words = new Uint32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.nextInFamily = new Int32Array(capacity);
    this.familySize = new Int32Array(capacity);
    this.familyOriginal = new Int32Array(capacity);
    this.familyNewestMs = new Float64Array(capacity);
    this.stamp = new Int32Array(capacity);
  }

  /** A fresh slot, founding its own family. */
  allocate(): number {
    if (this.count === this.capacity) this.grow(Math.ceil(this.capacity * GROWTH));
    const slot = this.count++;
    this.parent[slot] = slot;
    this.nextInFamily[slot] = slot;
    this.familySize[slot] = 1;
    this.familyOriginal[slot] = slot;
    this.familyNewestMs[slot] = Number.NEGATIVE_INFINITY;
    this.alive[slot] = 1;
    return slot;
  }

  /** A slot the table must keep: a live member, or a removed one still naming a live family. */
  isKept(slot: number): boolean {
    return this.alive[slot] === 1 || (this.parent[slot] === slot && this.familySize[slot]! > 0);
  }

  /**
   * Roots of the families whose newest member's clock is before `cutoffMs`, and how many slots
   * are kept (see isKept) once those families are gone: one pass over the slots.
   */
  familiesOlderThan(cutoffMs: number): { roots: number[]; keptAfter: number } {
    const roots: number[] = [];
    let keptAfter = 0;
    for (let s = 0; s < this.count; s++) {
      if (this.parent[s] !== s || this.familySize[s] === 0) continue;
      if (this.familyNewestMs[s]! < cutoffMs) roots.push(s);
      else keptAfter += this.familySize[s]! + (this.alive[s] === 1 ? 0 : 1);
    }
    return { roots, keptAfter };
  }

  /**
   * Renumbers the kept slots in ascending order (so a smaller slot is still an older member)
   * into columns sized for them plus growth room, pointing every member straight at its root.
   * Returns the new slot of each old one (-1: dropped); the caller moves what it keeps by slot.
   */
  compact(): Int32Array {
    const map = new Int32Array(this.count).fill(-1);
    let kept = 0;
    for (let s = 0; s < this.count; s++) if (this.isKept(s)) map[s] = kept++;
    const capacity = Math.max(MIN_CAPACITY, Math.ceil(kept * GROWTH));
    // A parent is never a later slot (a merge hangs the younger root under the older, path
    // compression points at the root), so one ascending pass points every slot at its root.
    for (let s = 0; s < this.count; s++) this.parent[s] = this.parent[this.parent[s]!]!;
    const slotOf = (old: number) => (old < 0 ? -1 : map[old]!);
    const parent = new Int32Array(capacity);
    const next = new Int32Array(capacity);
    const original = new Int32Array(capacity);
    const signatures = new Uint32Array(capacity * this.signatureWords);
    for (let s = 0; s < this.count; s++) {
      const to = map[s]!;
      if (to < 0) continue;
      parent[to] = map[this.parent[s]!]!;
      next[to] = map[this.nextInFamily[s]!]!;
      // Stale (and unused) on members that are not roots: may name a dropped slot.
      original[to] = slotOf(this.familyOriginal[s]!);
      const w = this.signatureWords;
      signatures.set(this.signatures.subarray(s * w, (s + 1) * w), to * w);
    }
    this.parent = parent;
    this.nextInFamily = next;
    this.familyOriginal = original;
    this.signatures = signatures;
    this.shingles = pick(this.shingles, map, capacity);
    this.credited = pick(this.credited, map, capacity);
    this.alive = pick(this.alive, map, capacity);
    this.publishedMs = pick(this.publishedMs, map, capacity);
    this.words = pick(this.words, map, capacity);
    this.familySize = pick(this.familySize, map, capacity);
    this.familyNewestMs = pick(this.familyNewestMs, map, capacity);
    this.stamp = new Int32Array(capacity);
    this.count = kept;
    this.capacity = capacity;
    return map;
  }

  get byteLength(): number {
    return (
      this.signatures.byteLength +
      this.shingles.byteLength +
      this.credited.byteLength +
      this.alive.byteLength +
      this.publishedMs.byteLength +
      this.words.byteLength +
      this.parent.byteLength +
      this.nextInFamily.byteLength +
      this.familySize.byteLength +
      this.familyOriginal.byteLength +
      this.familyNewestMs.byteLength +
      this.stamp.byteLength
    );
  }

  private grow(capacity: number): void {
    this.signatures = extend(this.signatures, capacity * this.signatureWords);
    this.shingles = extend(this.shingles, capacity);
    this.credited = extend(this.credited, capacity);
    this.alive = extend(this.alive, capacity);
    this.publishedMs = extend(this.publishedMs, capacity);
    this.words = extend(this.words, capacity);
    this.parent = extend(this.parent, capacity);
    this.nextInFamily = extend(this.nextInFamily, capacity);
    this.familySize = extend(this.familySize, capacity);
    this.familyOriginal = extend(this.familyOriginal, capacity);
    this.familyNewestMs = extend(this.familyNewestMs, capacity);
    this.stamp = extend(this.stamp, capacity);
    this.capacity = capacity;
  }
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

function extend<T extends TypedArray>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/** The kept elements of a column, moved to their new slots, in an array of `capacity`. */
function pick<T extends TypedArray>(array: T, map: Int32Array, capacity: number): T {
  const kept = new (array.constructor as new (n: number) => T)(capacity);
  for (let s = 0; s < map.length; s++) if (map[s]! >= 0) kept[map[s]!] = array[s]!;
  return kept;
}
