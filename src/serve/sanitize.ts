// Our own allow-list pass over article HTML before it is rendered. The extractor already
// sanitises, but the reader trusts only what it checks itself: the HTML is parsed, walked, and
// re-serialised from scratch, so broken or hostile markup can only ever come out as escaped text
// or as the few tags and attributes listed here.
import { parseHTML } from 'linkedom';
import { escapeHtml, raw, type SafeHtml } from './html.js';
import { safeHref } from './format/url.js';

/** Tags kept as they are (without attributes unless listed in ATTRIBUTES). */
const ALLOWED = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'hr',
  'br',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'caption',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'code',
  'q',
  'cite',
  'small',
  'abbr',
  'mark',
  'a',
  'img',
]);
/** Renamed: the page's own <h1> is the article title, so body headings start one level down. */
const RENAMED: Record<string, string> = { h1: 'h2' };
/** Dropped with everything inside: their content is code, chrome or interactive widgets. */
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'template',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'audio',
  'video',
  'source',
  'track',
  'canvas',
  'dialog',
]);
const VOID = new Set(['br', 'hr', 'img']);
/** Nesting beyond this many levels is flattened to text: no real article nests deeper, and it
 * bounds the recursion on adversarial input. */
export const MAX_DEPTH = 64;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface DomNode {
  nodeType: number;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

function attributesOf(tag: string, el: DomNode): string {
  const get = (name: string) => el.getAttribute?.(name) ?? null;
  if (tag === 'a') {
    const href = safeHref(get('href'));
    return href ? ` href="${escapeHtml(href)}" rel="nofollow noopener noreferrer"` : '';
  }
  if (tag === 'img') {
    const src = safeHref(get('src'));
    const alt = get('alt');
    return src ? ` src="${escapeHtml(src)}" alt="${escapeHtml(alt ?? '')}" loading="lazy"` : '';
  }
  if (tag === 'abbr' || tag === 'q') {
    const title = tag === 'abbr' ? get('title') : null;
    return title ? ` title="${escapeHtml(title)}"` : '';
  }
  return '';
}

function children(node: DomNode, depth: number): string {
  let out = '';
  for (let i = 0; i < node.childNodes.length; i++) out += serialise(node.childNodes[i]!, depth + 1);
  return out;
}

function serialise(node: DomNode, depth: number): string {
  if (node.nodeType === TEXT_NODE) return escapeHtml(node.textContent ?? '');
  if (node.nodeType !== ELEMENT_NODE) return ''; // comments, processing instructions, doctypes
  const name = (node.localName ?? '').toLowerCase();
  if (DROPPED.has(name)) return '';
  if (depth > MAX_DEPTH) return escapeHtml(node.textContent ?? '');
  const tag = RENAMED[name] ?? name;
  if (!ALLOWED.has(tag)) return children(node, depth); // unknown wrapper: keep its content
  if (tag === 'img') {
    const attrs = attributesOf(tag, node);
    return attrs ? `<img${attrs}>` : '';
  }
  if (VOID.has(tag)) return `<${tag}>`;
  return `<${tag}${attributesOf(tag, node)}>${children(node, depth)}</${tag}>`;
}

/** Parses `fragment` and returns only allow-listed markup, every text and attribute escaped. */
export function sanitizeHtml(fragment: string): SafeHtml {
  const { document } = parseHTML(
    `<!doctype html><html><head></head><body>${fragment}</body></html>`,
  );
  return raw(children(document.body as unknown as DomNode, 0));
}
