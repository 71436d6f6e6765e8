// When two fingerprints are copies of one text. Calibrated as a set on bench/families, tuning
// split (topics 1-20 of the ECB+ synthetic copy set; topics 21-35 held out): with 5-word
// shingles, independent reports of one event share almost no shingles, edited copies most of
// them; what remains hard is real partial syndication around the gold line (5-gram containment
// 0.5). Sweep on the tuning split with 512-bin signatures and paragraph anchors (containment
// 0.5 / 0.55 / 0.6): P 0.962 / 0.994 / 0.994, R 0.994 / 0.981 / 0.964; 0.55 has the best F1.
// Tune these together, not one in isolation.
// What is left (2026-11-22): every miss and false merge on both splits is a real pair whose true
// 5-gram containment lies between 0.44 and 0.51, or a brief of 20-120 shingles inside a long
// report, where the estimate's standard error is 0.025 (equal sizes) to 0.1-0.2 (small in
// large: the small text fills few bins). Tried and rejected on the tuning split: 1024 bins
// (no P/R gain at any containment line 0.50-0.54), 1-row LSH bands (R +0.003, a new false
// merge on held-out). Closing the gap needs exact verification of near-line pairs.

/** A pair whose estimated shingle Jaccard reaches this is a copy. */
export const COPY_JACCARD_MIN = 0.4;
/**
 * A pair where this share of the smaller text's shingles is in the larger one is a copy (an
 * added lead, a cut tail). Containment = |A n B| / min(|A|, |B|), |A n B| derived from the
 * Jaccard estimate and the two shingle counts. A little above the gold line (0.5) because the
 * estimate is noisy (~0.03) and a false merge joins whole families.
 */
export const COPY_CONTAINMENT_MIN = 0.55;
/**
 * Containment needs this many distinct shingles on BOTH sides, i.e. about 24 words (one long
 * sentence) with 5-word shingles: a one-line brief is contained in every long report that
 * quotes it, so it may join a family only by Jaccard, i.e. by being nearly the same text.
 * 20 vs 40 made no difference to precision on the tuning split and 20 keeps two-sentence items.
 */
export const CONTAINMENT_MIN_SHINGLES = 20;

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
