// LSH bucket table on typed arrays. Every member owns BANDS fixed entries (entry = slot * BANDS
// + band) holding that band's 32-bit key; buckets are singly linked chains through `next`,
// reached from a power-of-two head array indexed by the key's low bits. No per-entry objects:
// about 4 (key) + 4 (next) + 4..8 (head share) bytes per band and member, against the 50+ bytes
// a Map entry costs in V8. Chains are kept newest first, so a capped scan sees recent members.

const NONE = -1;
/** Marks an entry that is in no chain (never inserted, or removed). */
const UNLINKED = -2;
const MIN_HEADS = 1024;
/** Chains per head slot before the head array doubles: 2 keeps heads at 2 bytes per entry. */
const MAX_HEAD_LOAD = 2;
/** Capacity growth factor: 1.25 leaves at most a fifth of the entry arrays unused after a resize. */
const GROWTH = 1.25;

export class BandTable {
  readonly bands: number;
  private keys: Uint32Array;
  private next: Int32Array;
  private heads: Int32Array;
  private mask: number;
  private live = 0;

  constructor(bands: number, capacity = 1024) {
    this.bands = bands;
    this.keys = new Uint32Array(capacity * bands);
    this.next = new Int32Array(capacity * bands).fill(UNLINKED);
    this.heads = new Int32Array(MIN_HEADS).fill(NONE);
    this.mask = MIN_HEADS - 1;
  }

  /** Links `slot` into the bucket of each of its band keys. */
  insert(slot: number, bandKeys: Uint32Array): void {
    this.ensureSlot(slot);
    if (this.live + this.bands > this.heads.length * MAX_HEAD_LOAD)
      this.rehash(this.heads.length * 2);
    for (let band = 0; band < this.bands; band++) {
      const entry = slot * this.bands + band;
      const key = bandKeys[band]!;
      const head = key & this.mask;
      this.keys[entry] = key;
      this.next[entry] = this.heads[head]!;
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
   * Calls `visit(slot)` for members sharing a band key with `bandKeys`, at most `perBucket` per
   * band (a slot may be visited once per shared band: the caller deduplicates).
   */
  forCandidates(bandKeys: Uint32Array, perBucket: number, visit: (slot: number) => void): void {
    for (let band = 0; band < this.bands; band++) {
      const key = bandKeys[band]!;
      let seen = 0;
      for (
        let e = this.heads[key & this.mask]!;
        e !== NONE && seen < perBucket;
        e = this.next[e]!
      ) {
        if (this.keys[e] !== key || e % this.bands !== band) continue;
        seen++;
        visit((e / this.bands) | 0);
      }
    }
  }

  /**
   * Calls `visit(slot)` for members holding `key` in any band, unless more than `limit` do: a
   * key that common (a stock paragraph, page furniture) is no evidence of copying.
   */
  forKey(key: number, limit: number, visit: (slot: number) => void): void {
    let count = 0;
    const head = this.heads[key & this.mask]!;
    for (let e = head; e !== NONE; e = this.next[e]!)
      if (this.keys[e] === key && ++count > limit) return;
    for (let e = head; e !== NONE; e = this.next[e]!)
      if (this.keys[e] === key) visit((e / this.bands) | 0);
  }

  /** Bytes held by the typed arrays (for the memory benchmark). */
  get byteLength(): number {
    return this.keys.byteLength + this.next.byteLength + this.heads.byteLength;
  }

  private unlink(entry: number): void {
    const head = this.keys[entry]! & this.mask;
    let e = this.heads[head]!;
    if (e === entry) {
      this.heads[head] = this.next[entry]!;
    } else {
      while (e !== NONE && this.next[e] !== entry) e = this.next[e]!;
      if (e !== NONE) this.next[e] = this.next[entry]!;
    }
    this.next[entry] = UNLINKED;
  }

  private ensureSlot(slot: number): void {
    const needed = (slot + 1) * this.bands;
    if (needed <= this.keys.length) return;
    let size = this.keys.length;
    while (size < needed) size = Math.ceil((size * GROWTH) / this.bands) * this.bands;
    const keys = new Uint32Array(size);
    keys.set(this.keys);
    const next = new Int32Array(size).fill(UNLINKED);
    next.set(this.next);
    this.keys = keys;
    this.next = next;
  }

  /** Rebuilds the chains for a larger head array; ascending entries keep newest first. */
  private rehash(size: number): void {
    const heads = new Int32Array(size).fill(NONE);
    const mask = size - 1;
    for (let e = 0; e < this.next.length; e++) {
      if (this.next[e] === UNLINKED) continue;
      const head = this.keys[e]! & mask;
      this.next[e] = heads[head]!;
      heads[head] = e;
    }
    this.heads = heads;
    this.mask = mask;
  }
}
