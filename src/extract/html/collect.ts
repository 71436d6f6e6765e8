// Reads the chosen container once, depth-first with an explicit stack, and produces both the
// plain-text paragraphs and the sanitised HTML of the body. Block elements end a paragraph;
// inline ones add to it. Figure captions go to the HTML (with their image) but not the text;
// so do captions marked only by a class ("caption", "wp-caption-text") and the short text of an
// image box (a cell or div holding a picture and a line about it, as old table layouts print).
import { collapseSpace, normaliseSpace } from '../article.js';
import { childrenOf, hintsOf, isElement, tagOf, TEXT_NODE, type El, type Nd } from './dom.js';
import { splitFigcaption } from './figure-caption.js';
import { isDropped } from './prune.js';
import { openTag, escapeText } from './sanitize.js';
import type { StatsMap } from './stats.js';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'tr',
  'ul',
  'br',
  'summary',
  'caption',
]);

export interface Collected {
  paragraphs: string[];
  html: string;
  images: { src: string; alt: string | null; caption: string | null; credit: string | null }[];
}

type Step = { node: Nd; exit: false } | { node: El; exit: true; close: string; aside: Aside };

/** Text beside the body: an image's caption, or the standfirst printed above the story. */
type Aside = 'caption' | 'standfirst' | null;

/** Class or id words of a standfirst (the summary under the headline): metadata, not body. */
const STANDFIRST_HINT = /(^|[\s_-])(dek|standfirst|strapline)(?=$|[\s_-])/i;
/** Longest standfirst (characters). */
const MAX_STANDFIRST_CHARS = 400;

function asideOf(el: El, tag: string, stats: StatsMap): Aside {
  if (isCaption(el, tag, stats)) return 'caption';
  const text = stats.get(el)?.text ?? 0;
  return text > 0 && text <= MAX_STANDFIRST_CHARS && STANDFIRST_HINT.test(hintsOf(el))
    ? 'standfirst'
    : null;
}

/** Class or id words of a caption outside <figcaption>. */
const CAPTION_HINT =
  /(^|[\s_-])(caption|wp-caption-text|photo-?caption|image-?caption|img-?caption|media-?caption|figure-?caption)(?=$|[\s_-])/i;
/** Longest caption (characters): an element named "caption" holding more is a wrapper. */
const MAX_CAPTION_CHARS = 400;
/** Longest text of an image box (characters): a picture with a line about it. */
const MAX_IMAGE_BOX_CHARS = 200;
/** Elements that may be an image box; a <p> with an inline picture is text. */
const IMAGE_BOX_TAGS = new Set(['td', 'div', 'figure']);

function isCaption(el: El, tag: string, stats: StatsMap): boolean {
  if (tag === 'figcaption') return true;
  const text = stats.get(el)?.text ?? 0;
  if (text === 0) return false;
  if (text <= MAX_CAPTION_CHARS && CAPTION_HINT.test(hintsOf(el))) return true;
  if (
    !IMAGE_BOX_TAGS.has(tag) ||
    text > MAX_IMAGE_BOX_CHARS ||
    (stats.get(el)?.paragraphs ?? 0) > 0
  )
    return false;
  return childrenOf(el).some((c) => isElement(c) && tagOf(c) === 'img');
}

export function collect(root: El, stats: StatsMap, baseUrl: string | null): Collected {
  const paragraphs: string[] = [];
  const html: string[] = [];
  const images: Collected['images'] = [];
  let buffer = '';
  let inCaption = 0;
  const flush = (): void => {
    const t = normaliseSpace(buffer);
    if (t && inCaption === 0) paragraphs.push(t);
    buffer = '';
  };
  const stack: Step[] = [{ node: root as unknown as Nd, exit: false }];
  while (stack.length) {
    const step = stack.pop()!;
    if (step.exit) {
      const tag = tagOf(step.node);
      if (BLOCK_TAGS.has(tag)) flush();
      if (step.aside === 'caption') {
        const last = images[images.length - 1];
        if (last && !last.caption) Object.assign(last, splitFigcaption(step.node));
      }
      if (step.aside) inCaption--;
      html.push(step.close);
      continue;
    }
    const node = step.node;
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      if (inCaption === 0) buffer += t;
      html.push(escapeText(t));
      continue;
    }
    if (!isElement(node) || isDropped(node, stats, node === (root as unknown))) continue;
    const tag = tagOf(node);
    const aside = asideOf(node, tag, stats);
    // An inline caption still ends the paragraph before it (its text must not swallow that).
    if (BLOCK_TAGS.has(tag) || aside) flush();
    if (aside) inCaption++;
    const open = openTag(node, baseUrl);
    if (tag === 'img' && open.src)
      images.push({ src: open.src, alt: node.getAttribute('alt'), caption: null, credit: null });
    html.push(open.html);
    stack.push({ node, exit: true, close: open.close, aside });
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false });
  }
  flush();
  return {
    paragraphs,
    html: collapseSpace(html.join(''))
      .replace(/<p> ?<\/p>/g, '')
      .trim(),
    images,
  };
}
