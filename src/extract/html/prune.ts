// Which subtrees of the chosen container are not article text. Decided per element from the
// tag, visibility, class/id hints and the precomputed link density: the same decision feeds the
// plain-text paragraphs and the sanitised HTML, so both always show the same body.
import { hintsOf, tagOf, type El } from './dom.js';
import { classWeight, isProfileBox, isUnlikely } from './hints.js';
import { linkDensity, type ElStats, type StatsMap } from './stats.js';

/** Never content: code, embeds, form controls, navigation and page chrome. strip-inert.ts
 *  removes some of these from the markup before parsing; keep both lists in step. */
export const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'nav',
  'aside',
  'footer',
  'header',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'dialog',
  'menu',
  'link',
  'meta',
  'title',
  'head',
  'h1',
]);

/** Containers judged by link density: lists of links, tables of links, link blocks. */
const LINK_JUDGED = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'span', 'li']);
/** Above this share of text inside links, a block is navigation (a list of headlines, tags). */
const MAX_LINK_DENSITY = 0.5;
/** A block with a negative class hint goes at this lower link density (menus with some text). */
const MAX_LINK_DENSITY_NEGATIVE = 0.2;
/** Characters outside links that keep a link-heavy paragraph: about one short sentence. */
const MIN_PARAGRAPH_OWN_CHARS = 80;
/** A block with a negative hint and less text than this (characters) goes whatever its links:
 *  author boxes, tag rows, share bars. Longer ones may be mislabelled body wrappers. */
const MAX_NEGATIVE_BLOCK_CHARS = 500;
/** A poster card or signature (PROFILE_BOX) shorter than this (characters) is not body: a
 *  name, a rank, a post count, a one-line motto. */
const MAX_PROFILE_BOX_CHARS = 200;

/** A form inside the article is a newsletter or comment box; but some sites (ASP.NET) wrap the
 *  whole page in one <form>, so a form goes only when it holds less text than this (chars). */
export const MAX_FORM_CHARS = 1000;

export function isDropped(el: El, stats: StatsMap, isRoot: boolean): boolean {
  const tag = tagOf(el);
  if (DROP_TAGS.has(tag)) return true;
  if (tag === 'form' && !isRoot && (stats.get(el)?.text ?? 0) < MAX_FORM_CHARS) return true;
  if (isHidden(el)) return true;
  if (isRoot) return false;
  const hints = hintsOf(el);
  if (isUnlikely(hints)) return true;
  return isFurnitureBlock(tag, hints, stats.get(el));
}

/** Judged on text and links: link lists, short negatively named blocks, poster cards. */
function isFurnitureBlock(tag: string, hints: string, s: ElStats | undefined): boolean {
  const chars = s?.text ?? 0;
  if (tag !== 'p' && isProfileBox(hints) && chars < MAX_PROFILE_BOX_CHARS) return true;
  const density = linkDensity(s);
  // A paragraph full of links is a "Read more: ..." line, unless it still carries a sentence of
  // its own (inline people boxes and glossary pop-ups put many links inside real paragraphs).
  if (tag === 'p')
    return density > MAX_LINK_DENSITY && chars - (s?.link ?? 0) < MIN_PARAGRAPH_OWN_CHARS;
  if (!LINK_JUDGED.has(tag)) return false;
  if (density > MAX_LINK_DENSITY) return true;
  return (
    classWeight(hints) < 0 &&
    (density > MAX_LINK_DENSITY_NEGATIVE || chars < MAX_NEGATIVE_BLOCK_CHARS)
  );
}

/** Hidden from readers: the hidden attribute, aria-hidden, or an inline display:none. */
function isHidden(el: El): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
