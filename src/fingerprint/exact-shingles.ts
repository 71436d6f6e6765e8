// The exact shingle set of a text, for verifying a candidate copy near the copy line where the
// MinHash estimate is too noisy to decide (src/families/copy-match.ts). Same words and
// shingles as fingerprint(): the body, or the title when there is no body. Kept as the raw
// hashes in text order (repeats included): sorting or hashing every article's set would cost
// ~10% of a fingerprint, and exact counts are needed for few pairs (sharedCount).
import { scanWords, WordBuffer } from './scan.js';
import { shingleHashes } from './shingles.js';

/** Reused by every call (synchronous, so calls never overlap). */
const buffer = new WordBuffer();

/** The shingle hashes of a text, in text order. */
export function exactShingles(title: string | null, body: readonly string[]): Uint32Array {
  buffer.clear();
  for (const paragraph of body) scanWords(paragraph, buffer);
  if (buffer.length === 0) scanWords(title ?? '', buffer);
  return shingleHashes(buffer.view());
}

/** Open-addressing sets reused between calls; 0 marks an empty cell (the value 0 is tracked apart). */
let larger = new Uint32Array(4096);
let smaller = new Uint32Array(4096);

/** Number of distinct hashes that occur in both `a` and `b`. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  const [few, many] = a.length <= b.length ? [a, b] : [b, a];
  if (larger.length < tableSize(many.length)) larger = new Uint32Array(tableSize(many.length));
  if (smaller.length < tableSize(few.length)) smaller = new Uint32Array(tableSize(few.length));
  const big = larger.subarray(0, tableSize(many.length)).fill(0);
  const small = smaller.subarray(0, tableSize(few.length)).fill(0);
  let bigHasZero = false;
  for (let i = 0; i < many.length; i++) {
    if (many[i] === 0) bigHasZero = true;
    else insert(big, many[i]!);
  }
  let shared = 0;
  let zeroSeen = false;
  for (let i = 0; i < few.length; i++) {
    const h = few[i]!;
    if (h === 0) {
      if (!zeroSeen && bigHasZero) shared++;
      zeroSeen = true;
    } else if (insert(small, h) && contains(big, h)) shared++;
  }
  return shared;
}

function tableSize(n: number): number {
  let size = 1024;
  while (size < n * 2) size *= 2;
  return size;
}

/** Adds a non-zero `h`; true when it was not there yet. */
function insert(table: Uint32Array, h: number): boolean {
  const mask = table.length - 1;
  let at = h & mask;
  while (table[at] !== 0) {
    if (table[at] === h) return false;
    at = (at + 1) & mask;
  }
  table[at] = h;
  return true;
}

function contains(table: Uint32Array, h: number): boolean {
  const mask = table.length - 1;
  for (let at = h & mask; table[at] !== 0; at = (at + 1) & mask) if (table[at] === h) return true;
  return false;
}
