// The body is often split across sibling blocks (text sections between figures, pull quotes or
// ads). After the best container is chosen, its siblings that score well, share its class, or
// read like prose paragraphs join it, in document order (Readability does the same).
import { childrenOf, isElement, tagOf, type El } from './dom.js';
import type { Candidate } from './score.js';
import { linkDensity, type StatsMap } from './stats.js';

/** A sibling joins when its score reaches this share of the best one's... */
const SIBLING_SCORE_SHARE = 0.2;
/** ...and at least this many points (a lone short paragraph is not enough). */
const SIBLING_MIN_SCORE = 10;
/** A sibling with the best container's exact class gets this share of the best score as a
 *  bonus: sites repeat one class for every body section. */
const SAME_CLASS_BONUS_SHARE = 0.2;
/** A bare paragraph sibling joins with at least this much text (characters)... */
const PROSE_SIBLING_MIN_CHARS = 80;
/** ...and at most this link density. */
const PROSE_SIBLING_MAX_LINK_DENSITY = 0.25;

export function withSiblings(best: Candidate, scores: Map<El, number>, stats: StatsMap): El[] {
  const parent = best.el.parentElement;
  if (!parent || tagOf(parent) === 'html') return [best.el];
  const threshold = Math.max(SIBLING_MIN_SCORE, best.score * SIBLING_SCORE_SHARE);
  const bestClass = best.el.getAttribute('class');
  const out: El[] = [];
  for (const child of childrenOf(parent)) {
    if (!isElement(child)) continue;
    if (child === best.el) {
      out.push(child);
      continue;
    }
    const s = stats.get(child);
    if (!s || s.text === 0) continue;
    const density = linkDensity(s);
    const raw = scores.get(child);
    const bonus =
      bestClass && child.getAttribute('class') === bestClass
        ? best.score * SAME_CLASS_BONUS_SHARE
        : 0;
    const score = (raw === undefined ? 0 : raw * (1 - density)) + bonus;
    const prose =
      tagOf(child) === 'p' &&
      s.text >= PROSE_SIBLING_MIN_CHARS &&
      density <= PROSE_SIBLING_MAX_LINK_DENSITY;
    if (score >= threshold || prose) out.push(child);
  }
  return out;
}

/** Text (characters) a same-class block elsewhere needs to join: one real paragraph. */
const SAME_CLASS_MIN_CHARS = 80;

/** Blocks elsewhere in the page carrying the best container's exact class (body sections
 *  split by full-width figures or pull quotes, re-opened further down under another wrapper). */
export function sameClassBlocks(best: El, order: El[], stats: StatsMap): El[] {
  const cls = best.getAttribute('class');
  if (!cls || !cls.trim()) return [];
  return order.filter((el) => {
    if (el === best || el.getAttribute('class') !== cls) return false;
    const s = stats.get(el);
    return (
      !!s && s.text >= SAME_CLASS_MIN_CHARS && linkDensity(s) <= PROSE_SIBLING_MAX_LINK_DENSITY
    );
  });
}

/** Keeps the outermost of the given elements, in document order. */
export function outermostInOrder(els: El[], order: El[]): El[] {
  const wanted = new Set(els);
  const out: El[] = [];
  for (const el of order) {
    if (!wanted.has(el)) continue;
    let inside = false;
    for (let p = el.parentElement; p && !inside; p = p.parentElement) inside = wanted.has(p);
    if (!inside) out.push(el);
  }
  return out;
}
