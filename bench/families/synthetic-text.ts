// Deterministic synthetic articles for the speed benchmark: ~500 words drawn from a Zipf-like
// vocabulary of made-up words (so common words repeat the way they do in news), in paragraphs
// of 30-50 words. Article n is always the same text, so a copy can be regenerated on demand
// instead of keeping a million texts in memory.
import { seeded } from './edits.js';
import type { Random } from './edits.js';

const VOCABULARY_SIZE = 20_000;
// 16 syllables, 2-4 per word: 69,888 possible words, enough for a 20,000-word vocabulary.
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ser',
  'tu',
  'van',
  'dre',
  'os',
  'pel',
  'ri',
  'gon',
  'ta',
  'be',
  'nur',
  'shi',
  'al',
];

const vocabulary = buildVocabulary();
const cumulative = buildZipf();

function buildVocabulary(): string[] {
  const rnd = seeded(99);
  const words = new Set<string>();
  while (words.size < VOCABULARY_SIZE) {
    const n = 2 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

function buildZipf(): Float64Array {
  const out = new Float64Array(VOCABULARY_SIZE);
  let total = 0;
  for (let i = 0; i < VOCABULARY_SIZE; i++) out[i] = total += 1 / (i + 1);
  for (let i = 0; i < VOCABULARY_SIZE; i++) out[i]! /= total;
  return out;
}

function word(rnd: Random): string {
  const x = rnd();
  let lo = 0;
  let hi = VOCABULARY_SIZE - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
}

export function syntheticArticle(n: number, words = 500): { title: string; paragraphs: string[] } {
  const rnd = seeded(0x5eed0000 ^ n);
  const paragraphs: string[] = [];
  let left = words;
  while (left > 0) {
    const len = Math.min(left, 30 + Math.floor(rnd() * 21));
    const p: string[] = [];
    for (let i = 0; i < len; i++) p.push(word(rnd));
    paragraphs.push(`${p.join(' ')}.`);
    left -= len;
  }
  return { title: `Article ${n}`, paragraphs };
}

/** A copy of article n: a new lead, the tail cut, one word in twenty changed. */
export function syntheticCopy(n: number, variant: number): { title: string; paragraphs: string[] } {
  const rnd = seeded(0xc0b1 ^ (n * 31 + variant));
  const original = syntheticArticle(n);
  const edited = original.paragraphs.map((p) =>
    p
      .split(' ')
      .map((w) => (rnd() < 0.05 ? word(rnd) : w))
      .join(' '),
  );
  const keep = Math.max(2, Math.ceil(edited.length * 0.8));
  return {
    title: `Copy ${n}`,
    paragraphs: [syntheticArticle(n + 7_000_000, 40).paragraphs[0]!, ...edited.slice(0, keep)],
  };
}
