// The front page's order: what matters now is recent and widely covered. Among the most
// recently updated stories (the pool), each is scored by how many outlets and articles cover it,
// discounted by the hours since its last update, in the spirit of Hacker News' ranking
// (points / (age + 2)^gravity). Past the pool the list continues newest first, so paging
// reaches every story exactly once and a deep page costs one indexed read.
import type { StoryRankRow } from '../store/index.js';

/** Stories considered for ranking: about a busy day of news, and one store read. */
export const RANK_POOL = 100;
/** Hours added to a story's age so a brand-new story is not infinitely ahead. */
export const AGE_OFFSET_HOURS = 2;
/**
 * How fast age wins over coverage. At 1.5 a story covered by 10 outlets three hours ago
 * (score 10.5 / 5^1.5 ≈ 0.94) still leads a brand-new single article (1.5 / 2^1.5 ≈ 0.53),
 * and falls behind one about five hours after its last update. Set by judgement on these
 * cases, not tuned on data.
 */
export const GRAVITY = 1.5;
/** Weight of an article beyond the outlet count: more articles from the same outlets count less. */
export const ARTICLE_WEIGHT = 0.05;

/** What a story is ranked by (store.rankCandidates). */
export type Rankable = Pick<StoryRankRow, 'id' | 'articleCount' | 'outletCount' | 'lastUpdated'>;

/** Coverage discounted by age; higher ranks first. */
export function storyScore(story: Rankable, now: Date): number {
  const outlets = Math.max(1, story.outletCount);
  const coverage = outlets + 0.5 + ARTICLE_WEIGHT * Math.max(0, story.articleCount - outlets);
  const ageHours = Math.max(0, (now.getTime() - Date.parse(story.lastUpdated)) / 3_600_000);
  const age = Number.isFinite(ageHours) ? ageHours : 0;
  return coverage / (age + AGE_OFFSET_HOURS) ** GRAVITY;
}

/** The pool in front-page order: best score first, then newest, then id (stable). */
export function rankStories<T extends Rankable>(stories: readonly T[], now: Date): T[] {
  const scored = stories.map((story) => ({ story, score: storyScore(story, now) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.story.lastUpdated.localeCompare(a.story.lastUpdated) ||
      a.story.id.localeCompare(b.story.id),
  );
  return scored.map((s) => s.story);
}
