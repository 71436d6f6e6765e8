// The story stage's tunables: every threshold with its unit and how it was calibrated, the
// options a tuning run may override, and the shape of an editor's correction.
import { DEFAULT_WEIGHTS, type FeatureWeights } from './features.js';

/**
 * Similarity (blended IDF-weighted cosine, 0-1) above which an article joins a story.
 * Calibrated with bench/clustering/tune.ts on the ECB+ training topics (B-cubed F1 plateau at
 * 0.22-0.26); tune together with MEMBER_LINK_WEIGHT, ENTITY_SHARE and the weights in features.ts.
 */
export const STORY_JOIN_SIMILARITY = 0.25;

/**
 * Blended centroid similarity (0-1) of two stories from which an article close to both (each
 * above STORY_JOIN_SIMILARITY) merges them. Calibrated with bench/clustering/tune.ts on the
 * ECB+ training topics with STORY_JOIN_SIMILARITY fixed: 0.3 and 0.4 cost precision (train B3 F1
 * 0.862, 0.871), 0.5 and 0.6 tie (0.876, 0.875) and 0.6 keeps more held-out precision; higher
 * join bars with merges did not pay (0.30/0.40: 0.859). On the sample corpus the merge keeps a
 * follow-up and its wire story together whichever arrives first.
 */
export const STORY_MERGE_SIMILARITY = 0.6;

/**
 * How much the best single member counts against the centroid (0-1). Two reports of one event
 * can share little with the story as a whole yet match one earlier report closely (a nearest-
 * member, single-link-like join). Calibrated with STORY_JOIN_SIMILARITY (0.7-1 all within 0.005).
 */
export const MEMBER_LINK_WEIGHT = 0.85;

/**
 * Share (0-1) of the entity channel (names, numbers, topics) in the similarity, the rest being
 * the word channel. Two incidents of one kind share their words but not their names.
 * Calibrated with STORY_JOIN_SIMILARITY (0.3-0.7 within 0.01 on ECB+ train).
 */
export const ENTITY_SHARE = 0.5;

/**
 * A story not updated for this long (ms) takes no new articles: 3 days, so a revival of an old
 * topic weeks later opens a new story. Not calibrated (ECB+ has no times): a news-cycle guess.
 */
export const STORY_IDLE_MS = 3 * 24 * 3600 * 1000;

/**
 * A publication time more than this (ms) after the moment the article was grouped is not
 * believed and counts as unknown: one bogus date (a CMS default of 2099) would otherwise move
 * the index's clock years ahead and close every open story. 1 day passes a local time labelled
 * as UTC and an embargo lifting later the same day. Coupled with MAX_CLOCK_LEAD_MS in
 * src/families/copy-window.ts (keep them equal: both stages then doubt the same dates).
 */
export const MAX_PUBLISHED_LEAD_MS = 24 * 3600 * 1000;

/**
 * Similarity added (0-1 scale) when the article was published at the same time as the story's
 * reports, decaying as a Gaussian of the gap to the story's span with TIME_CLOSE_MS as its
 * width, after Miranda et al. (EMNLP 2018), who score time closeness next to text. Only where
 * both times are known. Not calibrated on a benchmark (ECB+ has no times): set so a same-day
 * brief that shares a story's names but few of its words (an aggregator teaser) joins, while
 * lookalike events days apart get nothing; it moves the join bar from 0.25 to 0.20 at most.
 */
export const TIME_CLOSE_BONUS = 0.05;
/** Width (ms) of the time-closeness bonus: one day. */
export const TIME_CLOSE_MS = 24 * 3600 * 1000;

/** The query's strongest terms (by TF-IDF) used to look up candidate stories. */
export const QUERY_TERMS = 24;

/**
 * A term held by more open stories than this is too common to find candidates with (it would
 * cost a walk over a long posting list for nothing): it still counts in the similarity.
 */
export const MAX_POSTINGS = 300;

/**
 * Posting entries visited per article at most. Terms are walked rarest first, so the budget
 * only cuts the commonest of the query's terms; it bounds the cost at 100,000 open stories.
 */
export const POSTINGS_WALK_BUDGET = 600;

/**
 * Stories compared in full per article, the best by summed shared-term weight.
 *
 * QUERY_TERMS, MAX_POSTINGS, POSTINGS_WALK_BUDGET and MAX_CANDIDATES bound the work per article
 * and were set together with bench/clustering/bench.ts at 100,000 open stories (the walk over
 * posting lists was 45% of the time at 2,000/400/12). ECB+ B-cubed F1 is the same at 600/300/10
 * as at 2,000/1,500/24: the rarest shared terms find the right story first.
 */
export const MAX_CANDIDATES = 10;

/**
 * Blended centroid similarity (0-1) from which a different story counts as related. Below the
 * join threshold by construction; 0.08 sits near the median similarity of two different
 * incidents of one kind in ECB+ (bench/clustering), so "related" means same kind or same actors.
 */
export const RELATED_MIN_SIMILARITY = 0.08;

/** An editor's decision, keyed by articles so it outlives story ids (see the store). */
export type StoryCorrection =
  | { kind: 'merge'; articleId: string; withArticleId: string }
  | { kind: 'move'; articleId: string; toArticleId: string | null };

/** What a correction changed: story merges, or one copy family moved between stories. */
export interface CorrectionOutcome {
  mergedStories: { from: string; into: string }[];
  moved: { familyId: string; from: string; to: string } | null;
}

/** Tunables, defaulting to the calibrated constants; tests and tuning runs may override them. */
/**
 * A term not counted in this many documents is forgotten, unless an open story's vectors hold
 * it (TermStats.forget). Documents count as IDF counts them, copies of one text once: about six
 * days of a large newsroom's stream (the scale bench's corpus has ~4,700 distinct texts a day
 * among ~14,000 articles), the stories' reach of two idle windows. A small deployment never
 * reaches it. Without it the vocabulary grows with every new name for as long as the process
 * runs (~0.9 terms an article in the scale bench).
 */
export const TERM_HORIZON_DOCS = 30_000;

/** Idle stories are evicted every this many assignments, bounding memory. */
export const EVICT_EVERY = 1000;

/**
 * Terms unseen for the horizon are forgotten once per horizon's worth of assignments: a sweep
 * marks every term an open story holds (~0.4 s at 100,000 open stories), so it must be rare,
 * and the vocabulary then holds at most two horizons of the stream besides what is open.
 */
export const forgetEvery = (horizonDocs: number): number =>
  Math.max(EVICT_EVERY, Math.round(horizonDocs / EVICT_EVERY) * EVICT_EVERY);

export interface StoryIndexOptions {
  /** See TERM_HORIZON_DOCS; tests pass a small one. */
  termHorizonDocs: number;
  joinSimilarity: number;
  mergeSimilarity: number;
  memberLinkWeight: number;
  entityShare: number;
  weights: FeatureWeights;
}

export const DEFAULT_STORY_OPTIONS: Readonly<StoryIndexOptions> = Object.freeze({
  termHorizonDocs: TERM_HORIZON_DOCS,
  joinSimilarity: STORY_JOIN_SIMILARITY,
  mergeSimilarity: STORY_MERGE_SIMILARITY,
  memberLinkWeight: MEMBER_LINK_WEIGHT,
  entityShare: ENTITY_SHARE,
  weights: DEFAULT_WEIGHTS,
});
