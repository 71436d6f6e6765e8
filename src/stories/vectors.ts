// Sparse term vectors and IDF-weighted cosine over two channels: words, and entities (names,
// numbers, topics). Vectors hold sublinear term frequencies only; IDF is applied when comparing,
// so early documents are not frozen with the poor IDF of a young stream.
import { isEntityTerm, type TermCounts } from './features.js';
import type { TermStats } from './term-stats.js';

export type Vector = Map<string, number>;

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

/** 1 + ln(count): the tenth mention of a word adds far less than the first. */
export function sublinear(counts: TermCounts): Vector {
  const v: Vector = new Map();
  for (const [term, n] of counts) if (n > 0) v.set(term, 1 + Math.log(n));
  return v;
}

/** IDF-weighted norms of a vector, per channel. */
export function weightedNorms(v: Vector, idf: (term: string) => number): Norms {
  let words = 0;
  let entities = 0;
  for (const [term, x] of v) {
    const w = x * idf(term);
    if (isEntityTerm(term)) entities += w * w;
    else words += w * w;
  }
  return { words: Math.sqrt(words), entities: Math.sqrt(entities) };
}

/** A query vector with its IDF weights resolved once, compared against many stories. */
export interface Query {
  /** term -> tf * idf^2, so a dot product with a raw tf vector is the IDF-weighted dot. */
  weights: Map<string, number>;
  norms: Norms;
}

export function makeQuery(v: Vector, stats: TermStats): Query {
  const weights = new Map<string, number>();
  for (const [term, x] of v) {
    const idf = stats.idf(term);
    weights.set(term, x * idf * idf);
  }
  return { weights, norms: weightedNorms(v, (t) => stats.idf(t)) };
}

/** Cosine per channel between a query and a vector whose own norms are already known. */
export function cosine(q: Query, v: Vector, vNorms: Norms): ChannelSimilarity {
  let words = 0;
  let entities = 0;
  const [small, large] = q.weights.size <= v.size ? [q.weights, v] : [v, q.weights];
  for (const [term, x] of small) {
    const y = large.get(term);
    if (y === undefined) continue;
    if (isEntityTerm(term)) entities += x * y;
    else words += x * y;
  }
  const ratio = (dot: number, a: number, b: number) => (a === 0 || b === 0 ? 0 : dot / (a * b));
  return {
    words: ratio(words, q.norms.words, vNorms.words),
    entities: ratio(entities, q.norms.entities, vNorms.entities),
  };
}

/** Keeps the `limit` terms with the highest IDF-weighted value (ties by term, for determinism). */
export function topTerms(v: Vector, limit: number, idf: (term: string) => number): Vector {
  if (v.size <= limit) return v;
  const ranked = [...v].map(([t, x]) => [t, x, x * idf(t)] as const);
  ranked.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  return new Map(ranked.slice(0, limit).map(([t, x]) => [t, x]));
}
