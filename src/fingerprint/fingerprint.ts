// The fingerprint of one article: what copy detection and the edit view need, nothing more.
// The body is what is compared: headlines are rewritten by nearly every outlet that runs a wire
// story, so the title is used only when there is no body (a headline-only brief).
import type { Fingerprint } from '../types.js';
import * as hash from './hash.js';
import { minhashSignature } from './minhash.js';
import { scanWords, WordBuffer } from './scan.js';
import { distinctCount, shingleHashes } from './shingles.js';

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

/** Reused by every call (fingerprinting is synchronous, so calls never overlap). */
const buffer = new WordBuffer();

export function fingerprint(input: FingerprintInput): Fingerprint {
  buffer.clear();
  const paragraphHashes: string[] = [];
  for (const paragraph of input.paragraphs) {
    const start = buffer.length;
    scanWords(paragraph, buffer);
    paragraphHashes.push(paragraphHash(buffer.data, start, buffer.length));
  }
  const fromTitle = buffer.length === 0;
  if (fromTitle) scanWords(input.title ?? '', buffer);
  const words = buffer.view();
  const shingles = shingleHashes(words);
  return {
    signature: minhashSignature(shingles),
    shingleCount: distinctCount(shingles),
    shingles,
    paragraphHashes,
    textHash: textHash(words, fromTitle),
  };
}

/** 48 bits (12 hex digits): collisions stay unlikely across millions of paragraphs. */
function paragraphHash(words: Uint32Array, start: number, end: number): string {
  let a = PARAGRAPH_SEED;
  let b = ~PARAGRAPH_SEED;
  for (let i = start; i < end; i += 2) {
    a = combine(a, words[i]!);
    b = combine(b, words[i + 1]!);
  }
  const n = (end - start) / 2;
  return hex(fmix32(a ^ n), 8) + hex(fmix32(b ^ n) >>> 16, 4);
}

/** 64 bits over every word in order: identical normalised text <=> identical hash in practice. */
function textHash(words: Uint32Array, fromTitle: boolean): string {
  let a = fromTitle ? TITLE_SEED : TEXT_SEED;
  let b = ~a;
  for (let i = 0; i < words.length; i += 2) {
    a = combine(a, words[i]!);
    b = combine(b, words[i + 1]!);
  }
  const n = words.length / 2;
  return hex(fmix32(a ^ n), 8) + hex(fmix32(b ^ n), 8);
}

/** Character codes of the hex digits 0-9a-f. */
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * The low `digits` (4 or 8) hex digits of an unsigned 32-bit value, zero-padded. Built from
 * character codes: Number#toString(16) + padStart cost ~5% of a fingerprint (profiled).
 */
function hex(value: number, digits: 4 | 8): string {
  // No helper closure: under tsx every closure creation also pays esbuild's name wrapper.
  const v = value >>> 0;
  const low = String.fromCharCode(
    HEX[(v >>> 12) & 15]!,
    HEX[(v >>> 8) & 15]!,
    HEX[(v >>> 4) & 15]!,
    HEX[v & 15]!,
  );
  if (digits === 4) return low;
  const high = String.fromCharCode(
    HEX[v >>> 28]!,
    HEX[(v >>> 24) & 15]!,
    HEX[(v >>> 20) & 15]!,
    HEX[(v >>> 16) & 15]!,
  );
  return high + low;
}
