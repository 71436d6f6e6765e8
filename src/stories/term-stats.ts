// The vocabulary (term -> small integer id) and document frequencies learnt online from the
// documents seen so far, for IDF. Integer ids let vectors live in typed arrays: at 100,000 open
// stories, string-keyed maps cost over a gigabyte.
import { isEntityTerm } from './features.js';

/**
 * IDF values are cached per document frequency and refreshed once the stream has grown by this
 * fraction (1%): IDF moves by at most ln(1.01) ~ 0.01 between refreshes, far below what changes
 * a clustering decision, and the cache turns a logarithm per lookup into an array read.
 */
const IDF_REFRESH_GROWTH = 0.01;

/** Below this many documents the cache is refreshed on every document (exact IDF). */
const IDF_EXACT_BELOW = 1000;

/**
 * Smoothed IDF, ln((N + 1) / (df + 1)) + 1 (scikit-learn's `smooth_idf`): finite for unseen
 * terms and never zero, so the first documents of a stream still compare sensibly.
 */
export class TermStats {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private df = new Int32Array(1024);
  private entity = new Uint8Array(1024);
  /** Per id: the document count when the term was last counted (or first seen). */
  private lastSeen = new Int32Array(1024);
  /** Ids of forgotten terms, handed out again before new ones (see `forget`). */
  private readonly free: number[] = [];
  private docs = 0;
  private cachedFor = -1;
  private idfByDf: number[] = [];

  get documentCount(): number {
    return this.docs;
  }

  /** Terms known now (forgotten ones excluded). */
  get vocabularySize(): number {
    return this.ids.size;
  }

  /** One past the highest id in use: the size of an array indexed by term id. */
  get capacity(): number {
    return this.terms.length;
  }

  /** The id of a term, allocated on first sight. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.free.pop() ?? this.terms.length;
      this.ids.set(term, id);
      if (id === this.terms.length) this.terms.push(term);
      else this.terms[id] = term;
      if (id >= this.df.length) this.grow();
      this.entity[id] = isEntityTerm(term) ? 1 : 0;
      this.lastSeen[id] = this.docs;
    }
    return id;
  }

  /**
   * Forgets every term not counted in the last `horizonDocs` documents that `inUse` (indexed
   * by id) does not mark, so the vocabulary holds the recent stream's words, not every word
   * ever seen. A forgotten term's id is handed out again and, should the word come back, its
   * document frequency starts afresh: it had not been seen for the horizon. Returns the ids.
   */
  forget(horizonDocs: number, inUse: Uint8Array): number[] {
    const before = this.docs - horizonDocs;
    const freed: number[] = [];
    for (let id = 0; id < this.terms.length; id++) {
      if (this.lastSeen[id]! >= before || inUse[id] === 1) continue;
      const term = this.terms[id]!;
      if (this.ids.get(term) !== id) continue; // already free
      this.ids.delete(term);
      this.terms[id] = '';
      this.df[id] = 0;
      freed.push(id);
    }
    // Popped from the end, lowest id first: ids stay dense, so arrays indexed by them stop
    // growing.
    this.free.push(...freed);
    this.free.sort((a, b) => b - a);
    return freed;
  }

  /** The term behind an id (for explanations such as related-story reasons). */
  termOf(id: number): string {
    return this.terms[id] ?? '';
  }

  /** Whether a term id belongs to the entity channel (names, numbers, topics). */
  isEntity(id: number): boolean {
    return this.entity[id] === 1;
  }

  /** Counts one document holding these (distinct) term ids. */
  add(ids: ArrayLike<number>): void {
    this.docs += 1;
    for (let i = 0; i < ids.length; i++) {
      this.df[ids[i]!]! += 1;
      this.lastSeen[ids[i]!] = this.docs;
    }
  }

  /**
   * Counts a copy of a text already counted (the same copy family): copies are one document
   * for IDF, or seven reprints of one wire story would make its own words look common. Only
   * the terms `seen` (ids ascending: the story's centroid) lacks are counted, as new words.
   */
  addUnseen(ids: ArrayLike<number>, seen: ArrayLike<number>): void {
    let j = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      this.lastSeen[id] = this.docs;
      while (j < seen.length && seen[j]! < id) j += 1;
      if (j < seen.length && seen[j] === id) continue;
      this.df[id]! += 1;
    }
  }

  frequency(id: number): number {
    return this.df[id] ?? 0;
  }

  idf(id: number): number {
    const docs = this.docs;
    if (
      docs !== this.cachedFor &&
      (docs < IDF_EXACT_BELOW || docs > this.cachedFor * (1 + IDF_REFRESH_GROWTH))
    ) {
      this.cachedFor = docs;
      this.idfByDf = [];
    }
    const df = this.df[id] ?? 0;
    let value = this.idfByDf[df];
    if (value === undefined) {
      value = Math.log((this.cachedFor + 1) / (df + 1)) + 1;
      this.idfByDf[df] = value;
    }
    return value;
  }

  private grow(): void {
    const df = new Int32Array(this.df.length * 2);
    df.set(this.df);
    this.df = df;
    const entity = new Uint8Array(this.entity.length * 2);
    entity.set(this.entity);
    this.entity = entity;
    const lastSeen = new Int32Array(this.lastSeen.length * 2);
    lastSeen.set(this.lastSeen);
    this.lastSeen = lastSeen;
  }
}
