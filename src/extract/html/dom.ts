// Small DOM helpers over linkedom. Every traversal here is iterative (explicit stack), so a
// page of 100,000 nested elements cannot overflow the call stack.

import { normaliseSpace } from '../article.js';

/** The subset of the DOM we use; linkedom's types are loose, so we name what we rely on. */
export interface El {
  nodeType: number;
  tagName: string;
  localName: string;
  parentNode: El | null;
  parentElement: El | null;
  firstChild: Nd | null;
  nextSibling: Nd | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  remove(): void;
  querySelectorAll(selector: string): Iterable<El>;
  querySelector(selector: string): El | null;
  textContent: string | null;
}

export interface Nd {
  nodeType: number;
  nextSibling: Nd | null;
  parentNode: El | null;
  textContent: string | null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(n: Nd | null | undefined): n is El & Nd {
  return !!n && n.nodeType === ELEMENT_NODE;
}

export function tagOf(el: El): string {
  return (el.localName || el.tagName || '').toLowerCase();
}

/** Children of a node as an array (linkedom computes childNodes on each access). */
export function childrenOf(el: El): Nd[] {
  const out: Nd[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** All elements under `root` in document order (pre-order), `root` first. */
export function elementsInOrder(root: El): El[] {
  const out: El[] = [];
  const stack: El[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    out.push(el);
    const kids = childrenOf(el).filter(isElement);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** class, id and schema.org itemprop joined, for the hint patterns (itemprop="articleBody"). */
export function hintsOf(el: El): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
}

/** Collapsed whitespace text of an element, built iteratively. */
export function textOf(el: El): string {
  const parts: string[] = [];
  const stack: Nd[] = [el as unknown as Nd];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) parts.push(n.textContent ?? '');
    else if (isElement(n)) {
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return normaliseSpace(parts.join(''));
}

/** Elements by tag name, each list in document order: one walk answers every tag lookup
 *  (linkedom's querySelector walks the whole tree on every call). */
export function indexByTag(root: El | null): Map<string, El[]> {
  const map = new Map<string, El[]>();
  if (!root) return map;
  for (const el of elementsInOrder(root)) {
    const tag = tagOf(el);
    const list = map.get(tag);
    if (list) list.push(el);
    else map.set(tag, [el]);
  }
  return map;
}
