// Term keys for the hot path: each raw word maps straight to its term id (and its entity-channel
// id), remembered per index, so an article's words are hashed once instead of three times
// (normalise, count, intern).
import { ENTITY_PREFIX, normaliseWord, type TermKeys } from './features.js';
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

export class WordIds implements TermKeys<number> {
  private readonly entries = new Map<string, Entry | null>();

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
