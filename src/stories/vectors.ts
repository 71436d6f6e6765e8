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

/** 1 + ln(count) per term id, ids ascending (counts already keyed by term id). */
export function sublinearIds(counts: Map<number, number>): Vector {
  const ids = new Uint32Array(counts.size);
  let n = 0;
  for (const [id, count] of counts) if (count > 0) ids[n++] = id;
  const sorted = ids.subarray(0, n).sort();
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = 1 + Math.log(counts.get(sorted[i]!)!);
  return { ids: sorted.slice(), values };
}

/** 1 + ln(count) per term (the tenth mention adds far less than the first), ids ascending. */
export function sublinear(counts: TermCounts, stats: TermStats): Vector {
  const n = counts.size;
  const rawIds = new Uint32Array(n);
  const rawValues = new Float32Array(n);
  let i = 0;
  for (const [term, count] of counts) {
    if (count <= 0) continue;
    rawIds[i] = stats.idOf(term);
    rawValues[i] = 1 + Math.log(count);
    i += 1;
  }
  const order = Uint32Array.from({ length: i }, (_, k) => k).sort(
    (a, b) => rawIds[a]! - rawIds[b]!,
  );
  const ids = new Uint32Array(i);
  const values = new Float32Array(i);
  order.forEach((at, k) => {
    ids[k] = rawIds[at]!;
    values[k] = rawValues[at]!;
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
  if (a.ids.length === 0 && sign === 1) return b;
  const ids = new Uint32Array(a.ids.length + b.ids.length);
  const values = new Float32Array(ids.length);
  let i = 0;
  let j = 0;
  let n = 0;
  const push = (id: number, x: number) => {
    if (x <= 1e-6) return;
    ids[n] = id;
    values[n] = x;
    n += 1;
  };
  while (i < a.ids.length || j < b.ids.length) {
    const ai = i < a.ids.length ? a.ids[i]! : Infinity;
    const bj = j < b.ids.length ? b.ids[j]! : Infinity;
    if (ai < bj) push(ai, a.values[i++]!);
    else if (bj < ai) push(bj, sign * b.values[j++]!);
    else push(ai, a.values[i++]! + sign * b.values[j++]!);
  }
  return { ids: ids.slice(0, n), values: values.slice(0, n) };
}

/**
 * Keeps the `limit` terms with the highest IDF-weighted value (ties by id, for determinism).
 * With `entityLimit`, the entity channel is ranked on its own and keeps up to that many terms
 * besides: a name counts once in that channel against several times in the word channel, so
 * one ranking would prune every name from a long article and blind its entity comparison.
 */
export function topTerms(v: Vector, limit: number, stats: TermStats, entityLimit?: number): Vector {
  const n = v.ids.length;
  if (n <= limit) return v;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = v.values[i]! * stats.idf(v.ids[i]!);
  const byScore = (a: number, b: number) => score[b]! - score[a]! || a - b;
  let kept: Uint32Array;
  if (entityLimit === undefined)
    kept = Uint32Array.from({ length: n }, (_, i) => i)
      .sort(byScore)
      .subarray(0, limit);
  else {
    // Each channel ranked on its own: two short sorts instead of one long one.
    const entityAt = new Uint32Array(n);
    const wordAt = new Uint32Array(n);
    let e = 0;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (stats.isEntity(v.ids[i]!)) entityAt[e++] = i;
      else wordAt[w++] = i;
    }
    const words = wordAt.subarray(0, w).sort(byScore).subarray(0, limit);
    const entities = entityAt.subarray(0, e).sort(byScore).subarray(0, entityLimit);
    kept = new Uint32Array(words.length + entities.length);
    kept.set(words);
    kept.set(entities, words.length);
  }
  kept.sort((a, b) => a - b);
  limit = kept.length;
  const ids = new Uint32Array(limit);
  const values = new Float32Array(limit);
  kept.forEach((at, i) => {
    ids[i] = v.ids[at]!;
    values[i] = v.values[at]!;
  });
  return { ids, values };
}
