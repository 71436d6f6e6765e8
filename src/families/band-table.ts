// LSH bucket table on typed arrays. Every member owns BANDS fixed entries (entry = slot * BANDS
// + band) holding that band's 32-bit key; buckets are singly linked chains through the entries,
// reached from a power-of-two head array indexed by the key's low bits. No per-entry objects:
// about 4 (key) + 4 (next) + 4..8 (head share) bytes per band and member, against the 50+ bytes
// a Map entry costs in V8. Chains are kept newest first, so a capped scan sees recent members.
// An entry's key and link sit side by side (cells[2e], cells[2e + 1]): walking a chain in an
// index of a million members is one cache miss per entry, not two (profiled at 300k members:
// chain walks are most of the lookup cost once the arrays outgrow the CPU caches).

const NONE = -1;
/** Marks an entry that is in no chain (never inserted, or removed). */
const UNLINKED = -2;
const MIN_HEADS = 1024;
/**
 * Entries per head slot before the head array doubles. 1 keeps chains about one entry long at
 * 4 bytes of heads per entry (~130 of the ~810 bytes per article at 1M); 2 halved that memory
 * but cost a third more in lookups (bench/families A/B at 500k members: 11.5 -> 8.3 us per
 * article for the 32 band lookups, CPU time), and lookups are most of the per-article cost
 * growth from 10k to 1M indexed.
 */
const MAX_HEAD_LOAD = 1;
/** Capacity growth factor: 1.25 leaves at most a fifth of the entry arrays unused after a resize. */
const GROWTH = 1.25;
/** Most holders of one key that forKey collects before giving up on it. */
const MAX_KEY_HOLDERS = 1024;

export class BandTable {
  readonly bands: number;
  /** cells[2e] = key of entry e (as int32), cells[2e + 1] = next entry in its chain. */
  private cells: Int32Array;
  private heads: Int32Array;
  private mask: number;
  private live = 0;
  private readonly holders = new Int32Array(MAX_KEY_HOLDERS);

  constructor(bands: number, capacity = 1024) {
    this.bands = bands;
    this.cells = unlinkedCells(capacity * bands);
    this.heads = new Int32Array(MIN_HEADS).fill(NONE);
    this.mask = MIN_HEADS - 1;
  }

  /** Links `slot` into the bucket of each of its band keys. */
  insert(slot: number, bandKeys: Uint32Array): void {
    this.ensureSlot(slot);
    if (this.live + this.bands > this.heads.length * MAX_HEAD_LOAD)
      this.rehash(this.heads.length * 2);
    const cells = this.cells;
    for (let band = 0; band < this.bands; band++) {
      const entry = slot * this.bands + band;
      const key = bandKeys[band]! | 0;
      const head = key & this.mask;
      cells[2 * entry] = key;
      cells[2 * entry + 1] = this.heads[head]!;
      this.heads[head] = entry;
    }
    this.live += this.bands;
  }

  /** Unlinks every entry of `slot` (it must have been inserted). */
  remove(slot: number): void {
    for (let band = 0; band < this.bands; band++) this.unlink(slot * this.bands + band);
    this.live -= this.bands;
  }

  /**
   * Unlinks every entry of each of `slots` (all inserted), walking each chain they are in once:
   * one by one, evicting the holders of a stock paragraph's anchor (a chain as long as the
   * window's articles from one site, the oldest last) would walk that chain once per holder.
   */
  removeSlots(slots: readonly number[]): void {
    if (slots.length === 0) return;
    const gone = new Set(slots);
    const chains = new Set<number>();
    for (const slot of slots)
      for (let band = 0; band < this.bands; band++)
        chains.add(this.cells[2 * (slot * this.bands + band)]! & this.mask);
    for (const head of chains) this.prune(head, gone);
  }

  /**
   * Follows a renumbering of the slots (`map`: old slot -> new, -1 for a dropped slot, which
   * must have been removed) into entry arrays for `capacity` slots and a head array sized for
   * the entries left, so the memory of dropped members is returned.
   */
  renumber(map: Int32Array, capacity: number): void {
    const old = this.cells;
    const bands = this.bands;
    const cells = unlinkedCells(capacity * bands);
    const slots = Math.min(map.length, old.length / 2 / bands);
    for (let s = 0; s < slots; s++) {
      const to = map[s]!;
      if (to < 0) continue;
      for (let band = 0; band < bands; band++) {
        const from = s * bands + band;
        const e = to * bands + band;
        cells[2 * e] = old[2 * from]!;
        if (old[2 * from + 1] !== UNLINKED) cells[2 * e + 1] = NONE;
      }
    }
    this.cells = cells;
    let heads = MIN_HEADS;
    while (heads * MAX_HEAD_LOAD < this.live) heads *= 2;
    this.rehash(heads);
  }

  /**
   * Calls `visit(slot)` for members sharing a band key with `bandKeys`, at most `perBucket` per
   * band (a slot may be visited once per shared band: the caller deduplicates).
   */
  forCandidates(bandKeys: Uint32Array, perBucket: number, visit: (slot: number) => void): void {
    const cells = this.cells;
    const bands = this.bands;
    for (let band = 0; band < bands; band++) {
      const key = bandKeys[band]! | 0;
      let seen = 0;
      for (
        let e = this.heads[key & this.mask]!;
        e !== NONE && seen < perBucket;
        e = cells[2 * e + 1]!
      ) {
        if (cells[2 * e] !== key || e % bands !== band) continue;
        seen++;
        visit((e / bands) | 0);
      }
    }
  }

  /**
   * Calls `visit(slot)` for members holding `key` in any band, unless more than `limit` do: a
   * key that common (a stock paragraph, page furniture) is no evidence of copying. One pass:
   * holders are collected first, so nobody is visited for a key that turns out too common.
   */
  forKey(key: number, limit: number, visit: (slot: number) => void): void {
    const cells = this.cells;
    const k = key | 0;
    const cap = Math.min(limit, MAX_KEY_HOLDERS);
    let count = 0;
    for (let e = this.heads[k & this.mask]!; e !== NONE; e = cells[2 * e + 1]!) {
      if (cells[2 * e] !== k) continue;
      if (count === cap) return;
      this.holders[count++] = e;
    }
    for (let i = 0; i < count; i++) visit((this.holders[i]! / this.bands) | 0);
  }

  /** Bytes held by the typed arrays (for the memory benchmark). */
  get byteLength(): number {
    return this.cells.byteLength + this.heads.byteLength + this.holders.byteLength;
  }

  private unlink(entry: number): void {
    const cells = this.cells;
    const head = cells[2 * entry]! & this.mask;
    let e = this.heads[head]!;
    if (e === entry) {
      this.heads[head] = cells[2 * entry + 1]!;
    } else {
      while (e !== NONE && cells[2 * e + 1] !== entry) e = cells[2 * e + 1]!;
      if (e !== NONE) cells[2 * e + 1] = cells[2 * entry + 1]!;
    }
    cells[2 * entry + 1] = UNLINKED;
  }

  /** Relinks the chain at `head` without the entries of `gone` slots, keeping its order. */
  private prune(head: number, gone: ReadonlySet<number>): void {
    const cells = this.cells;
    let last = NONE;
    for (let e = this.heads[head]!; e !== NONE;) {
      const next = cells[2 * e + 1]!;
      if (gone.has((e / this.bands) | 0)) {
        cells[2 * e + 1] = UNLINKED;
        this.live--;
      } else {
        if (last === NONE) this.heads[head] = e;
        else cells[2 * last + 1] = e;
        last = e;
      }
      e = next;
    }
    if (last === NONE) this.heads[head] = NONE;
    else cells[2 * last + 1] = NONE;
  }

  private ensureSlot(slot: number): void {
    const needed = (slot + 1) * this.bands;
    let size = this.cells.length / 2;
    if (needed <= size) return;
    while (size < needed) size = Math.ceil((size * GROWTH) / this.bands) * this.bands;
    const cells = unlinkedCells(size);
    cells.set(this.cells);
    this.cells = cells;
  }

  /** Rebuilds the chains for a head array of `size`; ascending entries keep newest first. */
  private rehash(size: number): void {
    const cells = this.cells;
    const heads = new Int32Array(size).fill(NONE);
    const mask = size - 1;
    for (let e = 0; e < cells.length / 2; e++) {
      if (cells[2 * e + 1] === UNLINKED) continue;
      const head = cells[2 * e]! & mask;
      cells[2 * e + 1] = heads[head]!;
      heads[head] = e;
    }
    this.heads = heads;
    this.mask = mask;
  }
}

/** Cells for `entries` entries, every one unlinked. */
function unlinkedCells(entries: number): Int32Array {
  const cells = new Int32Array(entries * 2);
  for (let e = 0; e < entries; e++) cells[2 * e + 1] = UNLINKED;
  return cells;
}
