// The likely original of a copy family. Order of evidence: a wire credit (the agency wrote the
// text; outlets that run it usually keep the credit, so it only separates wire copy from
// rewrites of it), then the earliest publication time (a copy cannot predate its source;
// unknown times rank last), then the most complete text (copies are cut far more often than
// padded), then the id, so the choice is deterministic.

export interface OriginalCandidate {
  id: string;
  credit: string | null;
  published: string | null;
  wordCount: number;
}

/** Negative when `a` is the likelier original, positive when `b` is. */
export function compareOriginals(a: OriginalCandidate, b: OriginalCandidate): number {
  return compareRanks(rankOf(a), rankOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The likely original of a family (undefined for no members). */
export function chooseOriginal<T extends OriginalCandidate>(members: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const m of members) if (best === undefined || compareOriginals(m, best) < 0) best = m;
  return best;
}

/** The ranking figures of one member; the family index keeps these in typed arrays. */
export interface OriginalRank {
  credited: boolean;
  /** Milliseconds since the epoch; NaN when unknown. */
  publishedMs: number;
  wordCount: number;
}

export function rankOf(m: OriginalCandidate): OriginalRank {
  return {
    credited: m.credit !== null && m.credit.trim() !== '',
    publishedMs: m.published === null ? Number.NaN : Date.parse(m.published),
    wordCount: m.wordCount,
  };
}

/** Compares ranks without the id tie-break (negative: `a` is likelier). */
export function compareRanks(a: OriginalRank, b: OriginalRank): number {
  if (a.credited !== b.credited) return a.credited ? -1 : 1;
  const aKnown = !Number.isNaN(a.publishedMs);
  const bKnown = !Number.isNaN(b.publishedMs);
  if (aKnown !== bKnown) return aKnown ? -1 : 1;
  if (aKnown && a.publishedMs !== b.publishedMs) return a.publishedMs - b.publishedMs;
  return b.wordCount - a.wordCount;
}
