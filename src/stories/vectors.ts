// Sparse term vectors and IDF-weighted cosine. Vectors hold sublinear term frequencies only;
// IDF is applied when comparing, so early documents are not frozen with the poor IDF of a
// young stream.
import type { TermCounts } from './features.js';
import type { TermStats } from './term-stats.js';

export type Vector = Map<string, number>;

/** 1 + ln(count): the tenth mention of a word adds far less than the first. */
export function sublinear(counts: TermCounts): Vector {
  const v: Vector = new Map();
  for (const [term, n] of counts) if (n > 0) v.set(term, 1 + Math.log(n));
  return v;
}

/** IDF-weighted squared norm of a vector. */
export function weightedNormSq(v: Vector, idf: (term: string) => number): number {
  let sum = 0;
  for (const [term, x] of v) {
    const w = x * idf(term);
    sum += w * w;
  }
  return sum;
}

/** A query vector with its IDF weights resolved once, compared against many stories. */
export interface Query {
  weights: Map<string, number>;
  norm: number;
}

export function makeQuery(v: Vector, stats: TermStats): Query {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [term, x] of v) {
    const idf = stats.idf(term);
    weights.set(term, x * idf * idf);
    sum += x * idf * x * idf;
  }
  return { weights, norm: Math.sqrt(sum) };
}

/** Cosine between a query and a vector whose own IDF-weighted norm is already known. */
export function cosine(q: Query, v: Vector, vNorm: number): number {
  if (q.norm === 0 || vNorm === 0) return 0;
  let dot = 0;
  const [small, large] = q.weights.size <= v.size ? [q.weights, v] : [v, q.weights];
  for (const [term, x] of small) {
    const y = large.get(term);
    if (y !== undefined) dot += x * y;
  }
  return dot / (q.norm * vNorm);
}

/** Keeps the `limit` terms with the highest IDF-weighted value (ties by term, for determinism). */
export function topTerms(v: Vector, limit: number, idf: (term: string) => number): Vector {
  if (v.size <= limit) return v;
  const ranked = [...v].map(([t, x]) => [t, x, x * idf(t)] as const);
  ranked.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  return new Map(ranked.slice(0, limit).map(([t, x]) => [t, x]));
}
