// Word shingles, hashed. k = 5 words, the usual choice for near-duplicate news and web text
// (Broder 1997) and the unit of the ECB+ syndication labels (README: 5-gram containment >= 0.5).
// Copy editing touches a word every few sentences (an honorific, a date, a spelling) and each
// edited word kills k shingles, so a larger k would lose edited copies; with k = 4 the estimated
// containment of real partial rewrites (true 5-gram containment 0.35-0.5) ran ~0.05 higher and
// crossed the copy line (bench/families, tuning split).
import * as hash from './hash.js';

// Local bindings of the hot hash functions: a module namespace access per call costs a getter
// under loaders that compile ES modules to CommonJS (tsx), and nothing when bound once.
const fmix32 = hash.fmix32;

export const SHINGLE_WORDS = 5;
/** Odd multiplier of the rolling polynomial hash over word hashes (mod 2^32). */
const ROLL = 0x01000193;
/** ROLL^(SHINGLE_WORDS - 1) mod 2^32: the weight of the word leaving the window. */
const ROLL_OUT = Array.from({ length: SHINGLE_WORDS - 1 }).reduce<number>(
  (x) => Math.imul(x, ROLL),
  1,
);

/**
 * One hash per shingle, in text order (a text shorter than k words is one shingle). `words`
 * holds two hashes per word (scanWords' layout); shingles use the first.
 */
export function shingleHashes(words: ArrayLike<number>): Uint32Array {
  const n = words.length / 2;
  if (n === 0) return new Uint32Array(0);
  const first = Math.min(n, SHINGLE_WORDS);
  let h = 0;
  for (let i = 0; i < first; i++) h = (Math.imul(h, ROLL) + words[2 * i]!) | 0;
  if (n < SHINGLE_WORDS) return Uint32Array.of(fmix32(h ^ n));
  // Rolling hash: drop the oldest word, add the next; the finaliser mixes each window's sum.
  const out = new Uint32Array(n - SHINGLE_WORDS + 1);
  out[0] = fmix32(h);
  for (let i = SHINGLE_WORDS; i < n; i++) {
    h =
      (Math.imul(h - Math.imul(words[2 * (i - SHINGLE_WORDS)]!, ROLL_OUT), ROLL) + words[2 * i]!) |
      0;
    out[i - SHINGLE_WORDS + 1] = fmix32(h);
  }
  return out;
}

let scratch = new Uint32Array(4096);

/** Number of distinct values: one pass through an open-addressing set reused between calls. */
export function distinctCount(hashes: Uint32Array): number {
  let size = 1024;
  while (size < hashes.length * 2) size *= 2;
  if (scratch.length < size) scratch = new Uint32Array(size);
  const table = scratch.subarray(0, size).fill(0);
  const mask = size - 1;
  let count = 0;
  let zero = false;
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i]!;
    if (h === 0) {
      // 0 marks an empty cell, so the value 0 is counted on the side.
      if (!zero) count++;
      zero = true;
      continue;
    }
    let at = h & mask;
    while (table[at] !== 0 && table[at] !== h) at = (at + 1) & mask;
    if (table[at] === 0) {
      table[at] = h;
      count++;
    }
  }
  return count;
}
