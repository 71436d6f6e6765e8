// Per-member columns in typed arrays, indexed by slot. Slots are handed out in arrival order and
// never reused, so a smaller slot always means an older member (the family index relies on it:
// the older family survives a merge). A removed member keeps its slot as a tombstone.

/** Capacity growth factor: 1.25 leaves at most a fifth of the columns unused after a resize. */
const GROWTH = 1.25;

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
  /** Union-find parent; a family's root is its founding (oldest) slot. */
  parent: Int32Array;
  /** Circular list of the live members of a family. */
  nextInFamily: Int32Array;
  /** For roots: live member count and the slot of the likely original (-1 when empty). */
  familySize: Int32Array;
  familyOriginal: Int32Array;
  /** Last query that visited the slot, to deduplicate LSH candidates without a Set. */
  stamp: Int32Array;

  constructor(signatureWords: number, capacity = 1024) {
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
    this.alive[slot] = 1;
    return slot;
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
