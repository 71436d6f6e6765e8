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
/** A container with less text than this (characters) cannot win, whatever its class hints:
 *  a 40-character "article-subline" must not beat the body. */
const MIN_CANDIDATE_CHARS = 140;
/** One extra point per this many characters of a paragraph, capped at MAX_LENGTH_POINTS. */
const CHARS_PER_POINT = 100;
const MAX_LENGTH_POINTS = 3;
/** Share of a paragraph's score passed to its ancestors, nearest first. */
const ANCESTOR_SHARES = [1, 0.5, 1 / 6];
/** A parent whose score is at least this share of the best one's takes over when it wraps the
 *  best (the body is split in sibling blocks of one container). */
const PARENT_TAKEOVER_SHARE = 0.75;

const SCORED_BLOCKS = new Set([
  'p',
  'pre',
  'td',
  'blockquote',
  'h2',
  'h3',
  'li',
  'div',
  'section',
  'dd',
]);
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

/** The body the page itself marks with schema.org microdata (itemprop="articleBody"), when
 *  exactly one element carries it, it holds real text and is not a list of links. */
export function markedBody(order: El[], stats: StatsMap): El | null {
  const marked = order.filter((el) => el.getAttribute('itemprop') === 'articleBody');
  if (marked.length !== 1) return null;
  const s = stats.get(marked[0]!);
  return s && s.text >= MIN_MARKED_BODY_CHARS && linkDensity(s) < MAX_MARKED_BODY_LINK_DENSITY
    ? marked[0]!
    : null;
}

/** Least text (characters) for a microdata-marked body to be trusted over the scorer. */
const MIN_MARKED_BODY_CHARS = 200;
/** Above this link density the marked element is a teaser list, not the body. */
const MAX_MARKED_BODY_LINK_DENSITY = 0.3;

export function bestCandidate(
  order: El[],
  stats: StatsMap,
): { best: Candidate; scores: Map<El, number> } | null {
  const scores = new Map<El, number>();
  for (const el of order) {
    const tag = tagOf(el);
    if (!SCORED_BLOCKS.has(tag)) continue;
    const s = stats.get(el)!;
    if (s.text < MIN_PARAGRAPH_CHARS) continue;
    if (
      tag === 'p' ||
      tag === 'pre' ||
      tag === 'blockquote' ||
      tag === 'h2' ||
      tag === 'h3' ||
      s.paragraphs === 0
    ) {
      addPoints(scores, el.parentElement, paragraphPoints(s.text, s.commas));
    } else if (s.own >= MIN_PARAGRAPH_CHARS) {
      // Text written straight into a container that also holds blocks (`<div><p>title</p>Body
      // text<br>more</div>`): Readability wraps such runs in a <p>; we score the run as one,
      // so the container itself is its parent.
      addPoints(scores, el, paragraphPoints(s.own, s.commas));
    }
  }
  let best: Candidate | null = null;
  for (const [el, raw] of scores) {
    if ((stats.get(el)?.text ?? 0) < MIN_CANDIDATE_CHARS) continue;
    const score = raw * (1 - linkDensity(stats.get(el)));
    if (!best || score > best.score) best = { el, score };
  }
  if (!best) return null;
  return { best: climb(best, scores, stats), scores };
}

function paragraphPoints(chars: number, commas: number): number {
  return 1 + commas + Math.min(MAX_LENGTH_POINTS, Math.floor(chars / CHARS_PER_POINT));
}

/** Gives a paragraph's points to its container and, in shrinking shares, two more ancestors. */
function addPoints(scores: Map<El, number>, container: El | null, points: number): void {
  let anc = container;
  for (let level = 0; anc && level < ANCESTOR_SHARES.length; level++, anc = anc.parentElement) {
    if (!scores.has(anc)) scores.set(anc, initialScore(anc));
    scores.set(anc, scores.get(anc)! + points * ANCESTOR_SHARES[level]!);
  }
}

export function initialScore(el: El): number {
  return (TAG_PRIOR[tagOf(el)] ?? 0) + classWeight(hintsOf(el));
}

/** Moves up while the parent scores nearly as well: it holds the rest of the body. */
function climb(best: Candidate, scores: Map<El, number>, stats: StatsMap): Candidate {
  let current = best;
  for (
    let p = current.el.parentElement;
    p && tagOf(p) !== 'body' && tagOf(p) !== 'html';
    p = p.parentElement
  ) {
    const raw = scores.get(p);
    if (raw === undefined) break;
    const score = raw * (1 - linkDensity(stats.get(p)));
    if (score < current.score * PARENT_TAKEOVER_SHARE) break;
    current = { el: p, score: Math.max(score, current.score) };
  }
  return current;
}
