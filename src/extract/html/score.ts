// Picks the element that holds the article body. In the spirit of Readability's scorer:
// every paragraph-like block gives points (for length and commas) to its parent and, less, to
// its grandparent and great-grandparent; ancestors start from a tag prior and a class/id hint;
// the total is discounted by link density. Calibrated as a set on the extraction benchmark
// (bench/extraction): don't tune one constant in isolation.
import { hintsOf, tagOf, type El } from './dom.js';
import { classWeight } from './hints.js';
import { linkDensity, type StatsMap } from './stats.js';

/** Blocks shorter than this (characters) are not paragraphs: labels, buttons, bylines. */
const MIN_PARAGRAPH_CHARS = 25;
/** One extra point per this many characters of a paragraph, capped at MAX_LENGTH_POINTS. */
const CHARS_PER_POINT = 100;
const MAX_LENGTH_POINTS = 3;
/** Share of a paragraph's score passed to its ancestors, nearest first. */
const ANCESTOR_SHARES = [1, 0.5, 1 / 6];
/** A parent whose score is at least this share of the best one's takes over when it wraps the
 *  best (the body is split in sibling blocks of one container). */
const PARENT_TAKEOVER_SHARE = 0.75;

const SCORED_BLOCKS = new Set(['p', 'pre', 'td', 'blockquote', 'h2', 'h3', 'li', 'div', 'section', 'dd']);
const TAG_PRIOR: Record<string, number> = {
  div: 5,
  article: 10,
  main: 5,
  section: 3,
  pre: 3,
  td: 3,
  blockquote: 3,
  form: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  li: -3,
  address: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  th: -5,
};

export interface Candidate {
  el: El;
  score: number;
}

export function bestCandidate(order: El[], stats: StatsMap): Candidate | null {
  const scores = new Map<El, number>();
  for (const el of order) {
    const tag = tagOf(el);
    if (!SCORED_BLOCKS.has(tag)) continue;
    const s = stats.get(el)!;
    if (s.text < MIN_PARAGRAPH_CHARS) continue;
    // A div or section counts as a paragraph only when it holds text of its own, not just
    // blocks (those give points to it through their own paragraphs).
    if ((tag === 'div' || tag === 'section' || tag === 'li' || tag === 'td') && s.paragraphs > 0) continue;
    const points = 1 + s.commas + Math.min(MAX_LENGTH_POINTS, Math.floor(s.text / CHARS_PER_POINT));
    let anc = el.parentElement;
    for (let level = 0; anc && level < ANCESTOR_SHARES.length; level++, anc = anc.parentElement) {
      if (!scores.has(anc)) scores.set(anc, initialScore(anc));
      scores.set(anc, scores.get(anc)! + points * ANCESTOR_SHARES[level]!);
    }
  }
  let best: Candidate | null = null;
  for (const [el, raw] of scores) {
    const score = raw * (1 - linkDensity(stats.get(el)));
    if (!best || score > best.score) best = { el, score };
  }
  if (!best) return null;
  return climb(best, scores, stats);
}

function initialScore(el: El): number {
  return (TAG_PRIOR[tagOf(el)] ?? 0) + classWeight(hintsOf(el));
}

/** Moves up while the parent scores nearly as well: it holds the rest of the body. */
function climb(best: Candidate, scores: Map<El, number>, stats: StatsMap): Candidate {
  let current = best;
  for (let p = current.el.parentElement; p && tagOf(p) !== 'body' && tagOf(p) !== 'html'; p = p.parentElement) {
    const raw = scores.get(p);
    if (raw === undefined) break;
    const score = raw * (1 - linkDensity(stats.get(p)));
    if (score < current.score * PARENT_TAKEOVER_SHARE) break;
    current = { el: p, score: Math.max(score, current.score) };
  }
  return current;
}
