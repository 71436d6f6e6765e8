// Public door of the fingerprint stage: normalised text in, MinHash signature and hashes out.
export { fingerprint } from './fingerprint.js';
export type { FingerprintInput } from './fingerprint.js';
export { normaliseText, normalisedWords } from './normalise.js';
export { estimateJaccard, EMPTY_BIN, SIGNATURE_BINS } from './minhash.js';
export { SHINGLE_WORDS } from './shingles.js';
export { exactShingles, sharedCount } from './exact-shingles.js';
