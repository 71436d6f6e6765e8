// Term keys for the hot path: each raw word maps straight to its term id (and its entity-channel
// id), remembered per index, so an article's words are hashed once instead of three times
// (normalise, count, intern).
import { ENTITY_PREFIX, normaliseWord, type NameLexicon, type TermKeys } from './features.js';
import type { TermStats } from './term-stats.js';

/**
 * Distinct raw words remembered. Word frequencies are Zipfian, so this answers most lookups;
 * the memory is cleared wholesale when full (the ids themselves live on in TermStats).
 */
const REMEMBERED_WORDS = 200_000;

interface Entry {
  term: string;
  id: number;
  /** Entity-channel id, allocated on first use (most words are never names). */
  entityId: number;
}

/**
 * A word that only opens sentences in an article counts as a name when at least this many
 * earlier articles wrote it as a name inside a sentence...
 */
const NAME_MIN_ARTICLES = 2;
/** ...and at least this many times as many as wrote it in lower case ("Cargo" vs "cargo"). */
const NAME_OVER_LOWER = 2;

/** Per term id: how many articles wrote the word as a name, and how many in lower case. */
class StreamNames implements NameLexicon<number> {
  private capital = new Int32Array(1024);
  private lower = new Int32Array(1024);

  isName(id: number): boolean {
    const capital = this.capital[id] ?? 0;
    return capital >= NAME_MIN_ARTICLES && capital >= NAME_OVER_LOWER * (this.lower[id] ?? 0);
  }

  learn(capitalised: Iterable<number>, lower: Iterable<number>): void {
    for (const id of capitalised) this.bump('capital', id);
    for (const id of lower) this.bump('lower', id);
  }

  /** Forgets what was learnt about these ids (their terms were forgotten). */
  reset(ids: readonly number[]): void {
    for (const id of ids) {
      if (id < this.capital.length) this.capital[id] = 0;
      if (id < this.lower.length) this.lower[id] = 0;
    }
  }

  private bump(which: 'capital' | 'lower', id: number): void {
    let counts = this[which];
    if (id >= counts.length) {
      const grown = new Int32Array(Math.max(id + 1, counts.length * 2));
      grown.set(counts);
      this[which] = counts = grown;
    }
    counts[id]! += 1;
  }
}

export class WordIds implements TermKeys<number> {
  private readonly entries = new Map<string, Entry | null>();
  readonly names = new StreamNames();

  constructor(private readonly stats: TermStats) {}

  word(raw: string): number | null {
    return this.entry(raw)?.id ?? null;
  }

  entity(raw: string): number {
    const entry = this.entry(raw);
    if (!entry) return this.stats.idOf(`${ENTITY_PREFIX}${raw}`);
    if (entry.entityId < 0) entry.entityId = this.stats.idOf(`${ENTITY_PREFIX}${entry.term}`);
    return entry.entityId;
  }

  topic(key: string): number {
    return this.stats.idOf(`@${key}`);
  }

  /** After TermStats.forget: remembered words may point at freed ids, so all are dropped. */
  forget(freed: readonly number[]): void {
    this.entries.clear();
    this.names.reset(freed);
  }

  private entry(raw: string): Entry | null {
    let entry = this.entries.get(raw);
    if (entry !== undefined) return entry;
    if (this.entries.size >= REMEMBERED_WORDS) this.entries.clear();
    const term = normaliseWord(raw);
    entry = term === null ? null : { term, id: this.stats.idOf(term), entityId: -1 };
    this.entries.set(raw, entry);
    return entry;
  }
}
