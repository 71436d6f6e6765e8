// One open story: a centroid of its articles' terms, a sample of member vectors for nearest-
// member matching, and its time span.
import type { Vector } from './vectors.js';
import { topTerms, weightedNorms, type Norms } from './vectors.js';

/**
 * Cached IDF-weighted norms are recomputed once the stream has grown by this fraction since
 * they were computed: IDF drifts slowly, and recomputing every time costs a pass over the vector.
 */
const NORM_REFRESH_GROWTH = 0.05;

function cachedNorm(): (v: Vector, idf: (t: string) => number, docs: number) => Norms {
  let norm: Norms = { words: 0, entities: 0 };
  let stamp = -1;
  let size = -1;
  return (v, idf, docs) => {
    if (stamp < 0 || size !== v.size || docs > stamp * (1 + NORM_REFRESH_GROWTH)) {
      norm = weightedNorms(v, idf);
      stamp = docs;
      size = v.size;
    }
    return norm;
  };
}

export class Member {
  private readonly normOf = cachedNorm();
  constructor(
    readonly id: string,
    readonly vector: Vector,
  ) {}

  norm(idf: (t: string) => number, docs: number): Norms {
    return this.normOf(this.vector, idf, docs);
  }
}

export class Story {
  /** Terms kept per member vector (the member's strongest by TF-IDF). */
  static readonly MEMBER_TERMS = 40;
  /** Member vectors kept per story: the founder and the most recent others. */
  static readonly MEMBER_SAMPLE = 12;
  /** The centroid is pruned back to this many terms once it holds twice as many. */
  static readonly CENTROID_TERMS = 300;

  readonly centroid: Vector = new Map();
  readonly members: Member[] = [];
  readonly families = new Set<string>();
  readonly docIds = new Set<string>();
  private normOf = cachedNorm();
  private dirty = false;
  firstMs: number;
  lastMs: number;

  constructor(
    readonly id: string,
    timeMs: number,
  ) {
    this.firstMs = timeMs;
    this.lastMs = timeMs;
  }

  get size(): number {
    return this.docIds.size;
  }

  /** Open while the article's time is within `idleMs` of the story's span (either side). */
  isOpenAt(timeMs: number, idleMs: number): boolean {
    return timeMs <= this.lastMs + idleMs && timeMs >= this.firstMs - idleMs;
  }

  centroidNorm(idf: (t: string) => number, docs: number): Norms {
    if (this.dirty) {
      this.normOf = cachedNorm();
      this.dirty = false;
    }
    return this.normOf(this.centroid, idf, docs);
  }

  /** Adds an article; returns the centroid terms that appeared and those pruned away. */
  addMember(
    docId: string,
    memberVector: Vector,
    fullVector: Vector,
    timeMs: number,
    idf: (t: string) => number,
  ): { added: string[]; dropped: string[] } {
    const added: string[] = [];
    for (const [term, x] of fullVector) {
      const before = this.centroid.get(term);
      if (before === undefined) added.push(term);
      this.centroid.set(term, (before ?? 0) + x);
    }
    const dropped = this.prune(idf);
    this.docIds.add(docId);
    this.members.push(new Member(docId, memberVector));
    if (this.members.length > Story.MEMBER_SAMPLE) this.members.splice(1, 1);
    this.firstMs = Math.min(this.firstMs, timeMs);
    this.lastMs = Math.max(this.lastMs, timeMs);
    this.dirty = true;
    const fresh = new Set(added);
    return {
      added: added.filter((t) => this.centroid.has(t)),
      dropped: dropped.filter((t) => !fresh.has(t)),
    };
  }

  /**
   * Removes an article; its sampled vector (when still sampled) leaves the centroid. Returns
   * the centroid terms that went with it.
   */
  removeMember(docId: string): string[] {
    this.docIds.delete(docId);
    const at = this.members.findIndex((m) => m.id === docId);
    if (at < 0) return [];
    const gone: string[] = [];
    for (const [term, x] of this.members[at]!.vector) {
      const left = (this.centroid.get(term) ?? 0) - x;
      if (left > 1e-9) this.centroid.set(term, left);
      else if (this.centroid.delete(term)) gone.push(term);
    }
    this.members.splice(at, 1);
    this.dirty = true;
    return gone;
  }

  private prune(idf: (t: string) => number): string[] {
    if (this.centroid.size <= 2 * Story.CENTROID_TERMS) return [];
    const kept = topTerms(this.centroid, Story.CENTROID_TERMS, idf);
    const dropped = [...this.centroid.keys()].filter((t) => !kept.has(t));
    for (const t of dropped) this.centroid.delete(t);
    return dropped;
  }
}
