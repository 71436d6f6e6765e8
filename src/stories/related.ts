// Why two stories are related: the people, organisations and places both name, and the
// strongest words they share. Pure functions over the two stories' centroids.
import type { TermStats } from './term-stats.js';
import type { Vector } from './vectors.js';

export interface RelatedReasons {
  people: string[];
  organisations: string[];
  places: string[];
  /** Shared words and names (not topics), strongest first. */
  terms: string[];
}

/** A different story with strong ties to the one asked about. */
export interface RelatedStory {
  storyId: string;
  /** Blended similarity of the two stories' centroids (0-1). */
  score: number;
  reasons: RelatedReasons;
}

/** Shared terms listed per reason, at most (keeps explanations readable). */
const REASONS_PER_KIND = 5;

/** The terms two centroids share, grouped into reasons, strongest shared weight first. */
export function sharedReasons(a: Vector, b: Vector, stats: TermStats): RelatedReasons {
  const shared: [string, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const ai = a.ids[i]!;
    const bj = b.ids[j]!;
    if (ai < bj) i += 1;
    else if (bj < ai) j += 1;
    else {
      const idf = stats.idf(ai);
      shared.push([stats.termOf(ai), Math.min(a.values[i]!, b.values[j]!) * idf * idf]);
      i += 1;
      j += 1;
    }
  }
  shared.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const reasons: RelatedReasons = { people: [], organisations: [], places: [], terms: [] };
  const seenWords = new Set<string>();
  for (const [term] of shared) {
    const list = reasonList(reasons, term);
    const label = term.startsWith('@') ? term.slice(1) : term.replace(/^\^/, '');
    if (list === reasons.terms && seenWords.has(label)) continue;
    if (list === reasons.terms) seenWords.add(label);
    if (list.length < REASONS_PER_KIND) list.push(label);
  }
  return reasons;
}

function reasonList(reasons: RelatedReasons, term: string): string[] {
  if (term.startsWith('@person:')) return reasons.people;
  if (term.startsWith('@organisation:')) return reasons.organisations;
  if (term.startsWith('@place:')) return reasons.places;
  return reasons.terms;
}
