// Listing pages (section fronts, tag pages, search results) look like text when each teaser
// carries a standfirst: the link density stays low. What gives them away is their shape: many
// headings that are links, and little prose of their own.
import { elementsInOrder, tagOf, type El } from './dom.js';

/** Linked headings from which a body is suspect (a story may link two or so subheadings). */
const MIN_LINKED_HEADINGS = 3;
/** A listing has at least this many linked headings per sentence-like paragraph... */
const MIN_HEADINGS_PER_PROSE_PARAGRAPH = 0.5;
/** ...where a sentence-like paragraph ends like a sentence and has this many characters. */
const MIN_PROSE_PARAGRAPH_CHARS = 80;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function looksLikeListing(blocks: El[], paragraphs: string[]): boolean {
  let linked = 0;
  for (const block of blocks) {
    for (const el of elementsInOrder(block)) {
      if (HEADINGS.has(tagOf(el)) && isLinked(el, block)) linked++;
    }
  }
  if (linked < MIN_LINKED_HEADINGS) return false;
  const prose = paragraphs.filter(
    (p) => p.length >= MIN_PROSE_PARAGRAPH_CHARS && /[.!?"”…]$/.test(p),
  ).length;
  return linked >= prose * MIN_HEADINGS_PER_PROSE_PARAGRAPH;
}

/** A heading inside a link, or holding one. */
function isLinked(heading: El, within: El): boolean {
  for (let p = heading.parentElement; p && p !== within.parentElement; p = p.parentElement)
    if (tagOf(p) === 'a') return true;
  return elementsInOrder(heading).some((el) => tagOf(el) === 'a');
}
