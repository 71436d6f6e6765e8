// The fingerprint of one article: what copy detection and the edit view need, nothing more.
// The body is what is compared: headlines are rewritten by nearly every outlet that runs a wire
// story, so the title is used only when there is no body (a headline-only brief).
import type { Fingerprint } from '../types.js';
import * as hash from './hash.js';
import { minhashSignature } from './minhash.js';
import { scanWords } from './scan.js';
import { shingleHashes } from './shingles.js';
import { distinctCount } from './shingles.js';

// Local bindings of the hot hash functions: a module namespace access per call costs a getter
// under loaders that compile ES modules to CommonJS (tsx), and nothing when bound once.
const combine = hash.combine;
const fmix32 = hash.fmix32;

export interface FingerprintInput {
  title: string | null;
  paragraphs: readonly string[];
}

const PARAGRAPH_SEED = 0x3c6ef372;
const TEXT_SEED = 0xa54ff53a;
/** Seeds the text hash of a headline-only brief, so it never equals a body with the same words. */
const TITLE_SEED = 0x510e527f;

export function fingerprint(input: FingerprintInput): Fingerprint {
  const words: number[] = [];
  const paragraphHashes: string[] = [];
  for (const paragraph of input.paragraphs) {
    const start = words.length;
    scanWords(paragraph, words);
    paragraphHashes.push(paragraphHash(words, start));
  }
  const fromTitle = words.length === 0;
  if (fromTitle) scanWords(input.title ?? '', words);
  const shingles = shingleHashes(words);
  return {
    signature: minhashSignature(shingles),
    shingleCount: distinctCount(shingles),
    paragraphHashes,
    textHash: textHash(words, fromTitle),
  };
}

/** 48 bits (12 hex digits): collisions stay unlikely across millions of paragraphs. */
function paragraphHash(words: readonly number[], start: number): string {
  let a = PARAGRAPH_SEED;
  let b = ~PARAGRAPH_SEED;
  for (let i = start; i < words.length; i += 2) {
    a = combine(a, words[i]!);
    b = combine(b, words[i + 1]!);
  }
  const n = (words.length - start) / 2;
  return hex(fmix32(a ^ n), 8) + hex(fmix32(b ^ n) >>> 16, 4);
}

/** 64 bits over every word in order: identical normalised text <=> identical hash in practice. */
function textHash(words: readonly number[], fromTitle: boolean): string {
  let a = fromTitle ? TITLE_SEED : TEXT_SEED;
  let b = ~a;
  for (let i = 0; i < words.length; i += 2) {
    a = combine(a, words[i]!);
    b = combine(b, words[i + 1]!);
  }
  const n = words.length / 2;
  return hex(fmix32(a ^ n), 8) + hex(fmix32(b ^ n), 8);
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}
