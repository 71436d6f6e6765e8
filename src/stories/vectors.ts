// Sparse term vectors in typed arrays (ids ascending) and IDF-weighted cosine over two channels:
// words, and entities (names, numbers, topics). Vectors hold sublinear term frequencies only;
// IDF is applied when comparing, so early documents are not frozen with a young stream's IDF.
import type { TermCounts } from './features.js';
import type { TermStats } from './term-stats.js';

export interface Vector {
  ids: Uint32Array;
  values: Float32Array;
}

/** IDF-weighted norms of the word channel and the entity channel. */
export interface Norms {
  words: number;
  entities: number;
}

/** Cosine similarity per channel. */
export interface ChannelSimilarity {
  words: number;
  entities: number;
}

export const EMPTY_VECTOR: Vector = { ids: new Uint32Array(0), values: new Float32Array(0) };

/** 1 + ln(count) per term (the tenth mention adds far less than the first), ids ascending. */
export function sublinear(counts: TermCounts, stats: TermStats): Vector {
  const pairs: [number, number][] = [];
  for (const [term, n] of counts) if (n > 0) pairs.push([stats.idOf(term), 1 + Math.log(n)]);
  pairs.sort((a, b) => a[0] - b[0]);
  return fromPairs(pairs);
}

function fromPairs(pairs: readonly (readonly [number, number])[]): Vector {
  const ids = new Uint32Array(pairs.length);
  const values = new Float32Array(pairs.length);
  pairs.forEach(([id, x], i) => {
    ids[i] = id;
    values[i] = x;
  });
  return { ids, values };
}

/** IDF-weighted norms of a vector, per channel. */
export function weightedNorms(v: Vector, stats: TermStats): Norms {
  let words = 0;
  let entities = 0;
  for (let i = 0; i < v.ids.length; i++) {
    const id = v.ids[i]!;
    const w = v.values[i]! * stats.idf(id);
    if (stats.isEntity(id)) entities += w * w;
    else words += w * w;
  }
  return { words: Math.sqrt(words), entities: Math.sqrt(entities) };
}

/** Element-wise sum (`sign` 1) or difference (-1); terms that fall to ~0 are dropped. */
export function combine(a: Vector, b: Vector, sign: 1 | -1): Vector {
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const ai = i < a.ids.length ? a.ids[i]! : Infinity;
    const bj = j < b.ids.length ? b.ids[j]! : Infinity;
    if (ai < bj) pairs.push([ai, a.values[i++]!]);
    else if (bj < ai) pairs.push([bj, sign * b.values[j++]!]);
    else pairs.push([ai, a.values[i++]! + sign * b.values[j++]!]);
  }
  return fromPairs(pairs.filter(([, x]) => x > 1e-6));
}

/** Keeps the `limit` terms with the highest IDF-weighted value (ties by id, for determinism). */
export function topTerms(v: Vector, limit: number, stats: TermStats): Vector {
  if (v.ids.length <= limit) return v;
  const ranked = [...v.ids].map(
    (id, i) => [id, v.values[i]!, v.values[i]! * stats.idf(id)] as const,
  );
  ranked.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
  const kept = ranked.slice(0, limit).sort((a, b) => a[0] - b[0]);
  return fromPairs(kept.map(([id, x]) => [id, x] as const));
}
