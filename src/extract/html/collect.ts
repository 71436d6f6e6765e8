// Reads the chosen container once, depth-first with an explicit stack, and produces both the
// plain-text paragraphs and the sanitised HTML of the body. Block elements end a paragraph;
// inline ones add to it. Figure captions go to the HTML (with their image) but not the text.
import { collapseSpace, normaliseSpace } from '../article.js';
import { childrenOf, isElement, tagOf, TEXT_NODE, type El, type Nd } from './dom.js';
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

type Step = { node: Nd; exit: false } | { node: El; exit: true; close: string };

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
      if (tag === 'figcaption') {
        const last = images[images.length - 1];
        if (last && !last.caption) Object.assign(last, splitFigcaption(step.node));
        inCaption--;
      }
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
    if (BLOCK_TAGS.has(tag)) flush();
    if (tag === 'figcaption') inCaption++;
    const open = openTag(node, baseUrl);
    if (tag === 'img' && open.src)
      images.push({ src: open.src, alt: node.getAttribute('alt'), caption: null, credit: null });
    html.push(open.html);
    stack.push({ node, exit: true, close: open.close });
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
