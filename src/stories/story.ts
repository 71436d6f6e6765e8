// One open story: a centroid of its articles' terms, a sample of member vectors for nearest-
// member matching, the terms it is findable by, and its time span.
import type { TermStats } from './term-stats.js';
import {
  combine,
  EMPTY_VECTOR,
  topTerms,
  weightedNorms,
  type Norms,
  type Vector,
} from './vectors.js';

/**
 * Cached IDF-weighted norms are recomputed once the stream has grown by this fraction since
 * they were computed. IDF drifts slowly (all values move by about ln(1.1) ~ 0.1 per 10%
 * growth, and the cosine ratio cancels most of it); recomputing on every comparison cost more
 * than half of the assignment time in bench/clustering/bench.ts.
 */
const NORM_REFRESH_GROWTH = 0.1;

/** A vector with its IDF-weighted norms, cached until the stream has grown. */
export class NormedVector {
  private norms: Norms | null = null;
  private stamp = 0;

  constructor(
    readonly id: string,
    public vector: Vector,
  ) {}

  normsAt(stats: TermStats): Norms {
    const docs = stats.documentCount;
    if (!this.norms || docs > this.stamp * (1 + NORM_REFRESH_GROWTH)) {
      this.norms = weightedNorms(this.vector, stats);
      this.stamp = docs;
    }
    return this.norms;
  }

  replace(vector: Vector): void {
    this.vector = vector;
    this.norms = null;
  }
}

export class Story {
  /** Terms kept per member vector (the member's strongest by TF-IDF). */
  static readonly MEMBER_TERMS = 40;
  /** Entity-channel terms kept per member vector besides (names, numbers, topics). */
  static readonly MEMBER_ENTITY_TERMS = 10;
  /** Member vectors kept per story: the founder and the most recent others. */
  static readonly MEMBER_SAMPLE = 12;
  /** The centroid is pruned back to this many terms once it holds twice as many. */
  static readonly CENTROID_TERMS = 300;
  /** Entity-channel terms the pruned centroid keeps besides (see topTerms). */
  static readonly CENTROID_ENTITY_TERMS = 150;
  /** Terms a story is findable by in the inverted index: its strongest centroid terms. */
  static readonly POSTED_TERMS = 32;

  readonly centroid: NormedVector;
  readonly members: NormedVector[] = [];
  readonly families = new Set<string>();
  readonly docIds = new Set<string>();
  /** Term ids currently posted for this story in the index's inverted index. */
  posted: Uint32Array = new Uint32Array(0);
  /** Scratch for candidate retrieval: summed weight of shared query terms, 0 between uses. */
  vote = 0;
  /** Earliest and latest publication time of the dated members (ms); NaN while none is dated. */
  firstMs = Number.NaN;
  lastMs = Number.NaN;
  /** Latest time the story took an article (publication time, else the clock): for eviction. */
  activeMs: number;

  constructor(
    readonly id: string,
    clockMs: number,
    /** Creation order: when two stories merge, the older one survives. */
    readonly seq = 0,
  ) {
    this.centroid = new NormedVector(id, EMPTY_VECTOR);
    this.activeMs = clockMs;
  }

  get size(): number {
    return this.docIds.size;
  }

  /**
   * Open while the article's publication time is within `idleMs` of the story's dated span
   * (either side). Time only counts where it is known: an undated article, or a story with no
   * dated member, is never kept out by time.
   */
  isOpenAt(timeMs: number | null, idleMs: number): boolean {
    if (timeMs === null || Number.isNaN(this.firstMs)) return true;
    return timeMs <= this.lastMs + idleMs && timeMs >= this.firstMs - idleMs;
  }

  /** Whether the dated spans of two stories are within `gapMs` (undated ones always are). */
  isNearInTime(other: Story, gapMs: number): boolean {
    if (Number.isNaN(this.firstMs) || Number.isNaN(other.firstMs)) return true;
    return other.firstMs <= this.lastMs + gapMs && other.lastMs >= this.firstMs - gapMs;
  }

  /** `timeMs` is the publication time (null when unknown), `clockMs` the assignment clock. */
  addMember(
    docId: string,
    vector: Vector,
    timeMs: number | null,
    clockMs: number,
    stats: TermStats,
  ): void {
    let centroid = combine(this.centroid.vector, vector, 1);
    if (centroid.ids.length > 2 * Story.CENTROID_TERMS)
      centroid = topTerms(centroid, Story.CENTROID_TERMS, stats, Story.CENTROID_ENTITY_TERMS);
    this.centroid.replace(centroid);
    this.docIds.add(docId);
    this.members.push(
      new NormedVector(
        docId,
        topTerms(vector, Story.MEMBER_TERMS, stats, Story.MEMBER_ENTITY_TERMS),
      ),
    );
    if (this.members.length > Story.MEMBER_SAMPLE) this.members.splice(1, 1);
    this.activeMs = Math.max(this.activeMs, timeMs ?? clockMs);
    if (timeMs === null) return;
    // Math.min/max with NaN give NaN: the first dated member sets the span.
    this.firstMs = Number.isNaN(this.firstMs) ? timeMs : Math.min(this.firstMs, timeMs);
    this.lastMs = Number.isNaN(this.lastMs) ? timeMs : Math.max(this.lastMs, timeMs);
  }

  /** Takes in every article of `other` (a merge): centroids add up, spans join. */
  absorb(other: Story, stats: TermStats): void {
    let centroid = combine(this.centroid.vector, other.centroid.vector, 1);
    if (centroid.ids.length > 2 * Story.CENTROID_TERMS)
      centroid = topTerms(centroid, Story.CENTROID_TERMS, stats, Story.CENTROID_ENTITY_TERMS);
    this.centroid.replace(centroid);
    for (const docId of other.docIds) this.docIds.add(docId);
    for (const family of other.families) this.families.add(family);
    this.members.push(...other.members);
    if (this.members.length > Story.MEMBER_SAMPLE)
      this.members.splice(1, this.members.length - Story.MEMBER_SAMPLE);
    this.activeMs = Math.max(this.activeMs, other.activeMs);
    if (!Number.isNaN(other.firstMs)) {
      this.firstMs = Number.isNaN(this.firstMs)
        ? other.firstMs
        : Math.min(this.firstMs, other.firstMs);
      this.lastMs = Number.isNaN(this.lastMs) ? other.lastMs : Math.max(this.lastMs, other.lastMs);
    }
  }

  /**
   * Takes in articles moved by an editor. Only the vectors still sampled travel with them (the
   * centroid keeps no per-article parts), which is enough to find and compare the story.
   */
  takeMembers(
    docIds: readonly string[],
    sampled: readonly { id: string; vector: Vector }[],
    familyId: string,
    stats: TermStats,
  ): void {
    let centroid = this.centroid.vector;
    for (const { vector } of sampled) centroid = combine(centroid, vector, 1);
    if (centroid.ids.length > 2 * Story.CENTROID_TERMS)
      centroid = topTerms(centroid, Story.CENTROID_TERMS, stats, Story.CENTROID_ENTITY_TERMS);
    this.centroid.replace(centroid);
    for (const id of docIds) this.docIds.add(id);
    for (const { id, vector } of sampled) this.members.push(new NormedVector(id, vector));
    if (this.members.length > Story.MEMBER_SAMPLE)
      this.members.splice(1, this.members.length - Story.MEMBER_SAMPLE);
    this.families.add(familyId);
  }

  /** Removes an article; its sampled vector (when still sampled) leaves the centroid. */
  removeMember(docId: string): void {
    this.docIds.delete(docId);
    const at = this.members.findIndex((m) => m.id === docId);
    if (at < 0) return;
    this.centroid.replace(combine(this.centroid.vector, this.members[at]!.vector, -1));
    this.members.splice(at, 1);
  }

  /** Marks in `inUse` (indexed by term id) every term this story's vectors hold. */
  markTerms(inUse: Uint8Array): void {
    const mark = (ids: ArrayLike<number>) => {
      for (let i = 0; i < ids.length; i++) inUse[ids[i]!] = 1;
    };
    mark(this.centroid.vector.ids);
    for (const member of this.members) mark(member.vector.ids);
    mark(this.posted);
  }

  /** The term ids this story should be findable by now. */
  postingTerms(stats: TermStats): Uint32Array {
    // With one article the centroid is that article, whose strongest terms its member already
    // holds: ranking 40 terms instead of the whole article (most stories have one article).
    const source =
      this.members.length === 1 && this.size === 1 ? this.members[0]!.vector : this.centroid.vector;
    return topTerms(source, Story.POSTED_TERMS, stats).ids;
  }
}
