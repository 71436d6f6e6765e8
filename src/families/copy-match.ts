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
// merge on held-out). Hence exact verification (2026-12-07): when the estimate is within a few
// standard errors of the line (estimateDecides) and both texts' shingle sets are at hand
// (exact-cache.ts), the pair is decided on the true counts (judgeExact), at the line itself.
// bench/families: tune P 0.994 -> 1.000, R 0.981 -> 0.994; held-out P 1.000, R 0.973 -> 0.993.
// The misses left are briefs of 20-70 shingles inside long reports that never become
// candidates (no shared paragraph among the long text's anchors, Jaccard too low for bands).

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

/**
 * With exact counts there is no estimation noise to allow for: the copy line is the one the
 * syndication labels use (5-gram containment >= 0.5: at least half of the smaller text's
 * shingles run in the larger one).
 */
export const EXACT_CONTAINMENT_MIN = 0.5;

/**
 * The estimate decides alone when its containment lies more than this many standard errors
 * (plus EXACT_SLACK) from the exact line; nearer, the exact counts are taken. At 4 errors an
 * estimate on the wrong side of the line is a ~1-in-30,000 event, and the exact check runs for
 * few pairs (an edited copy sits far above the line, an unrelated report far below).
 */
export const DECISIVE_ERRORS = 4;
/** Allowance for what the error model leaves out (b-bit collisions beyond the mean). */
const EXACT_SLACK = 0.02;

export interface CopyEvidence {
  jaccard: number;
  containment: number;
  isCopy: boolean;
}

/** |A n B| / min(|A|, |B|), with |A n B| derived from the Jaccard and the two counts. */
function estimatedContainment(jaccard: number, shinglesA: number, shinglesB: number): number {
  const intersection = (jaccard * (shinglesA + shinglesB)) / (1 + jaccard);
  return Math.min(1, intersection / Math.min(shinglesA, shinglesB));
}

/** Decides a candidate pair from the Jaccard estimate and the distinct shingle counts. */
export function judgeCopy(jaccard: number, shinglesA: number, shinglesB: number): CopyEvidence {
  const smaller = Math.min(shinglesA, shinglesB);
  if (smaller === 0) return { jaccard: 0, containment: 0, isCopy: false };
  const containment = estimatedContainment(jaccard, shinglesA, shinglesB);
  const byJaccard = jaccard >= COPY_JACCARD_MIN;
  const byContainment = containment >= COPY_CONTAINMENT_MIN && smaller >= CONTAINMENT_MIN_SHINGLES;
  return { jaccard, containment, isCopy: byJaccard || byContainment };
}

/** Decides a candidate pair from exact counts: `shared` shingles of sets sized `sizeA`, `sizeB`. */
export function judgeExact(shared: number, sizeA: number, sizeB: number): CopyEvidence {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return { jaccard: 0, containment: 0, isCopy: false };
  const jaccard = shared / (sizeA + sizeB - shared);
  const containment = shared / smaller;
  const byJaccard = jaccard >= COPY_JACCARD_MIN;
  const byContainment = containment >= EXACT_CONTAINMENT_MIN && smaller >= CONTAINMENT_MIN_SHINGLES;
  return { jaccard, containment, isCopy: byJaccard || byContainment };
}

/**
 * Whether the MinHash estimate (`jaccard` from `bins` b-bit bins with chance agreement
 * `chance`) is far enough from the exact line to decide the pair without exact counts.
 */
export function estimateDecides(
  jaccard: number,
  shinglesA: number,
  shinglesB: number,
  bins: number,
  chance: number,
): boolean {
  const smaller = Math.min(shinglesA, shinglesB);
  if (smaller < CONTAINMENT_MIN_SHINGLES) return false;
  const agree = jaccard + (1 - jaccard) * chance;
  const jaccardError = Math.sqrt((agree * (1 - agree)) / bins) / (1 - chance);
  // Containment = J (a + b) / ((1 + J) s); its slope in J carries the error across.
  const slope = (shinglesA + shinglesB) / ((1 + jaccard) ** 2 * smaller);
  const containment = estimatedContainment(jaccard, shinglesA, shinglesB);
  const margin = DECISIVE_ERRORS * jaccardError * slope + EXACT_SLACK;
  return Math.abs(containment - EXACT_CONTAINMENT_MIN) > margin;
}
