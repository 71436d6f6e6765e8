// When two fingerprints are copies of one text. Calibrated as a set on bench/families (topics
// 1-20 of the ECB+ synthetic copy set; topics 21-35 held out): independent reports of one event
// estimate Jaccard ~0.0-0.06 on 4-word shingles, edited copies 0.3-1.0, so the thresholds sit
// in the wide gap between them. Tune these together, not one in isolation.

/** A pair whose estimated shingle Jaccard reaches this is a copy (fraction of bins equal). */
export const COPY_JACCARD_MIN = 0.4;
/**
 * A pair where this share of the smaller text's shingles is in the larger one is a copy (an
 * added lead, a cut tail). Containment = |A n B| / min(|A|, |B|), |A n B| derived from the
 * Jaccard estimate and the two shingle counts.
 */
export const COPY_CONTAINMENT_MIN = 0.5;
/**
 * Containment needs this many distinct shingles on BOTH sides (about two sentences of ~20
 * words): a one-line brief is contained in every long report that quotes it, so it may join a
 * family only by Jaccard, i.e. by being nearly the same text.
 */
export const CONTAINMENT_MIN_SHINGLES = 40;

export interface CopyEvidence {
  jaccard: number;
  containment: number;
  isCopy: boolean;
}

/** Decides a candidate pair from the Jaccard estimate and the distinct shingle counts. */
export function judgeCopy(jaccard: number, shinglesA: number, shinglesB: number): CopyEvidence {
  const smaller = Math.min(shinglesA, shinglesB);
  if (smaller === 0) return { jaccard: 0, containment: 0, isCopy: false };
  const intersection = (jaccard * (shinglesA + shinglesB)) / (1 + jaccard);
  const containment = Math.min(1, intersection / smaller);
  const byJaccard = jaccard >= COPY_JACCARD_MIN;
  const byContainment = containment >= COPY_CONTAINMENT_MIN && smaller >= CONTAINMENT_MIN_SHINGLES;
  return { jaccard, containment, isCopy: byJaccard || byContainment };
}
