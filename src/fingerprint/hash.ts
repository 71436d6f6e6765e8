// Fast non-cryptographic 32-bit hashing for the hot path. FNV-1a over UTF-16 code units followed
// by the MurmurHash3 finaliser (fmix32), whose avalanche fixes FNV's weak high bits; `combine` is
// MurmurHash3's block step (Appleby, public domain), used to fold token hashes into shingles.

/** FNV-1a offset basis; any odd seed works, distinct seeds give independent-looking hashes. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** MurmurHash3 fmix32: full avalanche of a 32-bit value. Returns an unsigned 32-bit integer. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folds a 32-bit value into a running hash (MurmurHash3 block step). Returns a signed int32. */
export function combine(hash: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = hash ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** 32-bit hash of a string (unsigned). */
export function hashString(text: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) | 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  return fmix32(h ^ text.length);
}

/** Hex digest of `bits` (32..64) bits built from two independently seeded 32-bit hashes. */
export function hashHex(text: string, bits: number): string {
  const high = hashString(text, 0x9e3779b9).toString(16).padStart(8, '0');
  const lowBits = bits - 32;
  if (lowBits <= 0) return high;
  const low = hashString(text, 0x7f4a7c15).toString(16).padStart(8, '0');
  return high + low.slice(0, Math.ceil(lowBits / 4));
}
