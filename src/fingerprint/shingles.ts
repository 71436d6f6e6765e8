// Word shingles, hashed. k = 5 words, the usual choice for near-duplicate news and web text
// (Broder 1997) and the unit of the ECB+ syndication labels (README: 5-gram containment >= 0.5).
// Copy editing touches a word every few sentences (an honorific, a date, a spelling) and each
// edited word kills k shingles, so a larger k would lose edited copies; with k = 4 the estimated
// containment of real partial rewrites (true 5-gram containment 0.35-0.5) ran ~0.05 higher and
// crossed the copy line (bench/families, tuning split).
import { combine, fmix32, hashString } from './hash.js';

export const SHINGLE_WORDS = 5;
const SHINGLE_SEED = 0x2545f491;

/** One hash per shingle, in text order (a text shorter than k words is one shingle). */
export function shingleHashes(words: readonly string[]): Uint32Array {
  const tokens = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) tokens[i] = hashString(words[i]!);
  if (tokens.length === 0) return new Uint32Array(0);
  const count = Math.max(1, tokens.length - SHINGLE_WORDS + 1);
  const out = new Uint32Array(count);
  for (let start = 0; start < count; start++) {
    let h = SHINGLE_SEED;
    const end = Math.min(tokens.length, start + SHINGLE_WORDS);
    for (let i = start; i < end; i++) h = combine(h, tokens[i]!);
    out[start] = fmix32(h ^ (end - start));
  }
  return out;
}

/** Number of distinct values (sorts a copy; 500 values take a few microseconds). */
export function distinctCount(hashes: Uint32Array): number {
  if (hashes.length === 0) return 0;
  const sorted = hashes.slice().sort();
  let count = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) count++;
  return count;
}
