// MinHash by one-permutation hashing with optimal densification (Li, Owen & Zhang, NIPS 2012;
// Shrivastava, ICML 2017): each shingle hash is computed once, its top bits pick a bin and the
// bin keeps the smallest remaining bits. That costs O(shingles + bins) instead of the
// O(shingles x permutations) of classic MinHash, with the same collision probability (= Jaccard)
// per bin. Empty bins (short texts) borrow the value of a bin chosen by a hash sequence that
// depends only on the bin number, so two texts borrow identically and stay comparable.
import { combine, fmix32 } from './hash.js';

/**
 * Bins (= signature length). 512 bins give a Jaccard estimate with a standard deviation of
 * sqrt(J(1-J)/512) (0.018 at J = 0.2), sharp enough to put the containment threshold near the
 * gold line (bench/families: 64 bins confused real pairs at containment 0.35-0.5 with copies).
 * The family index keeps only 4 bits of each bin (b-bit MinHash), 256 bytes per article.
 * Coupled with INDEX_BINS in src/families/family-index.ts.
 */
export const SIGNATURE_BINS = 512;
const BIN_BITS = 9;
const VALUE_MASK = (1 << (32 - BIN_BITS)) - 1;
/** Marks an empty bin before densification, and every bin of a text without shingles. */
export const EMPTY_BIN = 0xffffffff;

/** The MinHash signature of a set of 32-bit shingle hashes (duplicates allowed). */
export function minhashSignature(shingles: ArrayLike<number>): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_BINS).fill(EMPTY_BIN);
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i]! >>> 0;
    const bin = h >>> (32 - BIN_BITS);
    const value = h & VALUE_MASK;
    if (value < signature[bin]!) signature[bin] = value;
  }
  densify(signature);
  return signature;
}

/**
 * Each bin's donor probe sequence, computed once: bin b tries PROBES[b * PROBE_DEPTH + t] in
 * order (a hash of (b, t), so two texts borrow identically), then falls back to a linear scan.
 */
const PROBE_DEPTH = 32;
const PROBES = new Uint16Array(SIGNATURE_BINS * PROBE_DEPTH);
for (let bin = 0; bin < SIGNATURE_BINS; bin++) {
  for (let t = 0; t < PROBE_DEPTH; t++) {
    PROBES[bin * PROBE_DEPTH + t] = fmix32(combine(bin, t + 1)) & (SIGNATURE_BINS - 1);
  }
}
const filled = new Uint8Array(SIGNATURE_BINS);

function densify(signature: Uint32Array): void {
  let count = 0;
  for (let bin = 0; bin < SIGNATURE_BINS; bin++) {
    const isFilled = signature[bin] !== EMPTY_BIN ? 1 : 0;
    filled[bin] = isFilled;
    count += isFilled;
  }
  if (count === 0 || count === SIGNATURE_BINS) return;
  for (let bin = 0; bin < SIGNATURE_BINS; bin++) {
    if (filled[bin] === 1) continue;
    signature[bin] = signature[donorBin(bin)]!;
  }
}

function donorBin(bin: number): number {
  const base = bin * PROBE_DEPTH;
  for (let t = 0; t < PROBE_DEPTH; t++) {
    const candidate = PROBES[base + t]!;
    if (filled[candidate] === 1) return candidate;
  }
  for (let step = 1; ; step++) {
    const candidate = (bin + step) & (SIGNATURE_BINS - 1);
    if (filled[candidate] === 1) return candidate;
  }
}

/** Estimated Jaccard similarity of two signatures: the share of equal bins. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0 || a[0] === EMPTY_BIN || b[0] === EMPTY_BIN) return 0;
  let equal = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) equal++;
  return equal / n;
}
