// The fingerprint of one article: what copy detection and the edit view need, nothing more.
// The body is what is compared: headlines are rewritten by nearly every outlet that runs a wire
// story, so the title is used only when there is no body (a headline-only brief).
import type { Fingerprint } from '../types.js';
import { hashHex } from './hash.js';
import { minhashSignature } from './minhash.js';
import { normalisedWords, normaliseText } from './normalise.js';
import { distinctCount, shingleHashes } from './shingles.js';

export interface FingerprintInput {
  title: string | null;
  paragraphs: readonly string[];
}

/** Paragraph hashes: 48 bits, so collisions stay unlikely across millions of paragraphs. */
const PARAGRAPH_HASH_BITS = 48;
/** Whole-text hash: 64 bits, identical text <=> identical hash for any practical corpus. */
const TEXT_HASH_BITS = 64;

export function fingerprint(input: FingerprintInput): Fingerprint {
  const normalised = input.paragraphs.map(normaliseText);
  const body = normalised.filter((p) => p !== '').join(' ');
  // A headline-only brief is fingerprinted by its title; the prefix keeps it from ever
  // hashing equal to a body with the same words.
  const text = body !== '' ? body : normaliseText(input.title ?? '');
  const textKey = body !== '' ? body : `title:${text}`;
  const shingles = shingleHashes(normalisedWords(text));
  return {
    signature: minhashSignature(shingles),
    shingleCount: distinctCount(shingles),
    paragraphHashes: normalised.map((p) => hashHex(p, PARAGRAPH_HASH_BITS)),
    textHash: hashHex(textKey, TEXT_HASH_BITS),
  };
}
