// Sentences of a copy that its original does not carry: what the outlet added. A sentence is
// carried when most of its word pairs (bigrams of comparison keys) occur in the original, so
// house-style and spelling edits inside a carried sentence do not make it new.
import { usStem } from './diff-spelling.js';
import { tokenize } from './diff-tokens.js';

/** A sentence is new when fewer than this share of its word bigrams are in the original. */
export const CARRIED_BIGRAM_MIN = 0.5;

/** Ends a sentence: . ! ? (optionally closing quotes or brackets) before a space and a capital. */
const SENTENCE_END = /(?<=[.!?]["'\u201d\u2019)]?)\s+(?=["'\u201c\u2018(]?[\p{Lu}\d])/u;

export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function uniqueSentences(original: readonly string[], copy: readonly string[]): string[] {
  const known = new Set<string>();
  for (const p of original) for (const b of bigrams(p)) known.add(b);
  const out: string[] = [];
  for (const p of copy) {
    for (const sentence of splitSentences(p)) {
      const own = bigrams(sentence);
      if (own.length === 0) continue;
      const carried = own.filter((b) => known.has(b)).length / own.length;
      if (carried < CARRIED_BIGRAM_MIN && !out.includes(sentence)) out.push(sentence);
    }
  }
  return out;
}

function bigrams(text: string): string[] {
  const keys = tokenize(text).map((t) => usStem(t.key));
  if (keys.length === 1) return keys;
  const out: string[] = [];
  for (let i = 0; i + 1 < keys.length; i++) out.push(`${keys[i]} ${keys[i + 1]}`);
  return out;
}
