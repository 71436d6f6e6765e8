// What the story index believes about time: an article's publication time, when it can be
// true, and how much closeness in time adds to a candidate story's similarity.
import type { Story } from './story.js';
import { MAX_PUBLISHED_LEAD_MS, TIME_CLOSE_BONUS, TIME_CLOSE_MS } from './tuning.js';

/**
 * The publication time (ms), or null when missing, unparseable or too far in the future of
 * the moment the article was grouped to be true (MAX_PUBLISHED_LEAD_MS).
 */
export function publicationMs(published: string | null, now: Date): number | null {
  if (!published) return null;
  const ms = Date.parse(published);
  if (!Number.isFinite(ms)) return null;
  return ms > now.getTime() + MAX_PUBLISHED_LEAD_MS ? null : ms;
}

/** TIME_CLOSE_BONUS scaled by how close `timeMs` is to the story's dated span. */
export function timeBonus(story: Story, timeMs: number | null): number {
  if (timeMs === null || Number.isNaN(story.firstMs)) return 0;
  const gap = Math.max(0, story.firstMs - timeMs, timeMs - story.lastMs) / TIME_CLOSE_MS;
  return TIME_CLOSE_BONUS * Math.exp(-(gap * gap) / 2);
}
