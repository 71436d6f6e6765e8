// The exact shingle sets of the most recently added members, bounded in bytes. Copies of a wire
// story arrive within hours or days of each other, so the recent members are the ones a near-line
// pair needs; an older member is judged by its MinHash estimate alone. Eviction is by arrival
// order only, so a process that replays the same articles in the same order (warm-up, another
// worker's lane) keeps the same sets and decides every pair the same way.
//
// Two slabs (generations) of 32-bit words, each entry [slot, length, ...hashes]: new sets go to
// the current slab; when it is full the other, older one is emptied and becomes current. So the
// cache holds between half and all of its capacity, in flat arrays: no object per member for the
// garbage collector to trace (a Uint32Array per kept member cost ~35% of the index's speed at
// 1M members, profiled).

/**
 * Bytes of shingle sets kept (4 bytes a shingle; a 500-word article is ~2 KB): 12,000-25,000
 * average articles, a day or more of a large installation's intake.
 */
export const EXACT_CACHE_BYTES = 48 * 1024 * 1024;
/** Words a slab starts with; it doubles up to half the capacity as it fills. */
const FIRST_SLAB_WORDS = 16 * 1024;
const HEADER_WORDS = 2;
/** Slots the directory (`where`) starts with, and the least it is renumbered to. */
const FIRST_SLOTS = 1024;
/** Header slot of an entry no slot owns (replaced or forgotten) after a renumbering. */
const NO_SLOT = 0xffffffff;

export class ExactCache {
  private readonly slabWords: number;
  private slabs: [Uint32Array, Uint32Array];
  private used: [number, number] = [0, 0];
  private current: 0 | 1 = 0;
  /** Where each slot's entry is: position * 2 + slab, or -1. */
  private where = new Int32Array(FIRST_SLOTS).fill(-1);

  constructor(capacityBytes = EXACT_CACHE_BYTES) {
    this.slabWords = Math.floor(capacityBytes / 8);
    const first = Math.min(FIRST_SLAB_WORDS, this.slabWords);
    this.slabs = [new Uint32Array(first), new Uint32Array(first)];
  }

  /** Bytes of the sets held (live or replaced but not yet evicted, headers included). */
  get byteLength(): number {
    return (this.used[0] + this.used[1]) * 4;
  }

  /** Bytes of the two slabs as allocated (they grow to the capacity as sets arrive). */
  get allocatedBytes(): number {
    return this.slabs[0].byteLength + this.slabs[1].byteLength;
  }

  /** Bytes of the slot directory, which follows the slots in use (see renumber). */
  get directoryBytes(): number {
    return this.where.byteLength;
  }

  /** The set kept for `slot` (a view, valid until the next put), or undefined. */
  get(slot: number): Uint32Array | undefined {
    const at = slot < this.where.length ? this.where[slot]! : -1;
    if (at < 0) return undefined;
    const slab = this.slabs[at & 1]!;
    const position = at >>> 1;
    return slab.subarray(position + HEADER_WORDS, position + HEADER_WORDS + slab[position + 1]!);
  }

  /** Keeps `set` for `slot` as the newest entry, evicting the oldest generation when full. */
  put(slot: number, set: ArrayLike<number>): void {
    this.delete(slot);
    const need = set.length + HEADER_WORDS;
    if (need > this.slabWords) return;
    if (this.used[this.current] + need > this.slabWords) this.turnOver();
    const slab = this.room(need);
    const position = this.used[this.current];
    slab[position] = slot;
    slab[position + 1] = set.length;
    slab.set(set, position + HEADER_WORDS);
    this.used[this.current] += need;
    this.ensureSlot(slot);
    this.where[slot] = position * 2 + this.current;
  }

  delete(slot: number): void {
    if (slot < this.where.length) this.where[slot] = -1;
  }

  /**
   * Follows a renumbering of the slots (`map`: old slot -> new, -1 for a dropped slot) with a
   * directory for `capacity` slots. The sets stay where they are, in the same arrival order, so
   * eviction forgets the same ones as if nothing had been renumbered.
   */
  renumber(map: Int32Array, capacity: number): void {
    const where = new Int32Array(Math.max(FIRST_SLOTS, capacity)).fill(-1);
    for (const k of [0, 1] as const) {
      const slab = this.slabs[k];
      for (let p = 0; p < this.used[k]; p += HEADER_WORDS + slab[p + 1]!) {
        const old = slab[p]!;
        const owned = old < this.where.length && this.where[old] === p * 2 + k;
        const to = owned && old < map.length ? map[old]! : -1;
        slab[p] = to < 0 ? NO_SLOT : to;
        if (to >= 0) where[to] = p * 2 + k;
      }
    }
    this.where = where;
  }

  /** Empties the older slab (forgetting its live entries) and makes it current. */
  private turnOver(): void {
    const older = this.current === 0 ? 1 : 0;
    const slab = this.slabs[older];
    for (let p = 0; p < this.used[older]; p += HEADER_WORDS + slab[p + 1]!) {
      const slot = slab[p]!;
      if (this.where[slot] === p * 2 + older) this.where[slot] = -1;
    }
    this.used[older] = 0;
    this.current = older;
  }

  /** The current slab, grown (doubling, up to the slab size) to fit `need` more words. */
  private room(need: number): Uint32Array {
    let slab = this.slabs[this.current];
    const wanted = this.used[this.current] + need;
    if (wanted <= slab.length) return slab;
    let size = slab.length;
    while (size < wanted) size = Math.min(this.slabWords, size * 2);
    const bigger = new Uint32Array(size);
    bigger.set(slab.subarray(0, this.used[this.current]));
    this.slabs[this.current] = slab = bigger;
    return slab;
  }

  private ensureSlot(slot: number): void {
    if (slot < this.where.length) return;
    let size = this.where.length;
    while (size <= slot) size *= 2;
    const bigger = new Int32Array(size).fill(-1);
    bigger.set(this.where);
    this.where = bigger;
  }
}
