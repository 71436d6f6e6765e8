// One article's vector prepared for comparison with many stories: its IDF-squared weights are
// written into a dense scratch array indexed by term id, so each comparison is one pass over
// the story's typed arrays with no hashing.
import type { TermStats } from './term-stats.js';
import { weightedNorms, type ChannelSimilarity, type Norms, type Vector } from './vectors.js';

export class Query {
  private scratch = new Float64Array(1024);
  private vector: Vector | null = null;
  norms: Norms = { words: 0, entities: 0 };

  constructor(private readonly stats: TermStats) {}

  /** Loads a new article (clearing the previous one). */
  load(vector: Vector): void {
    this.clear();
    const needed = this.stats.capacity;
    if (needed > this.scratch.length)
      this.scratch = new Float64Array(Math.max(needed, this.scratch.length * 2));
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i]!;
      const idf = this.stats.idf(id);
      this.scratch[id] = vector.values[i]! * idf * idf;
    }
    this.vector = vector;
    this.norms = weightedNorms(vector, this.stats);
  }

  /** The loaded article's term ids by weight (tf * idf^2), strongest first. */
  rankedTerms(): Uint32Array {
    if (!this.vector) return new Uint32Array(0);
    const scratch = this.scratch;
    return Uint32Array.from(this.vector.ids).sort((a, b) => scratch[b]! - scratch[a]! || a - b);
  }

  /** The loaded article's weight for a term id (0 when absent). */
  weightOf(id: number): number {
    return this.scratch[id] ?? 0;
  }

  /** Cosine per channel against a vector whose own norms are already known. */
  cosine(v: Vector, vNorms: Norms): ChannelSimilarity {
    let words = 0;
    let entities = 0;
    const { ids, values } = v;
    for (let i = 0; i < ids.length; i++) {
      const w = this.scratch[ids[i]!]!;
      if (w === 0) continue;
      if (this.stats.isEntity(ids[i]!)) entities += w * values[i]!;
      else words += w * values[i]!;
    }
    const ratio = (dot: number, a: number, b: number) => (a === 0 || b === 0 ? 0 : dot / (a * b));
    return {
      words: ratio(words, this.norms.words, vNorms.words),
      entities: ratio(entities, this.norms.entities, vNorms.entities),
    };
  }

  private clear(): void {
    if (!this.vector) return;
    for (const id of this.vector.ids) this.scratch[id] = 0;
    this.vector = null;
  }
}
