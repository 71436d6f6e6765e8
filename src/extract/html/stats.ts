// Text statistics for every element in one bottom-up pass: text length, text inside links and
// commas, each counted once per element. Scoring and cleaning read these instead of walking
// subtrees again, which keeps the extractor linear in the page size.
import { childrenOf, isElement, tagOf, TEXT_NODE, type El } from './dom.js';

export interface ElStats {
  text: number;
  link: number;
  commas: number;
  /** Characters in this element's own text nodes (not its children's). */
  own: number;
  /** Number of <p> elements below (or being) this one. */
  paragraphs: number;
}

export type StatsMap = Map<El, ElStats>;

export function computeStats(root: El): { stats: StatsMap; order: El[] } {
  // One pre-order walk lists the elements and counts their own text nodes (one children
  // lookup per element: linkedom's sibling getters are a large share of our own time)...
  const order: El[] = [];
  const stats: StatsMap = new Map();
  const stack: El[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    order.push(el);
    const own: ElStats = {
      text: 0,
      link: 0,
      commas: 0,
      own: 0,
      paragraphs: tagOf(el) === 'p' ? 1 : 0,
    };
    stats.set(el, own);
    const kids = childrenOf(el);
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i]!;
      if (isElement(c)) stack.push(c);
      else if (c.nodeType === TEXT_NODE) {
        const t = c.textContent ?? '';
        own.text += collapsedLength(t);
        own.commas += countCommas(t);
      }
    }
    own.own = own.text;
  }
  // ...then, in reverse, each element adds its totals to its parent's.
  for (let i = order.length - 1; i > 0; i--) {
    const el = order[i]!;
    const p = stats.get(el.parentNode as El);
    if (!p) continue;
    const s = stats.get(el)!;
    if (tagOf(el) === 'a') s.link = s.text;
    p.text += s.text;
    p.link += s.link;
    p.commas += s.commas;
    p.paragraphs += s.paragraphs;
  }
  return { stats, order };
}

export function linkDensity(s: ElStats | undefined): number {
  return !s || s.text === 0 ? 0 : Math.min(1, s.link / s.text);
}

function collapsedLength(t: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (ws) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

function countCommas(t: string): number {
  let n = 0;
  for (let i = t.indexOf(','); i >= 0; i = t.indexOf(',', i + 1)) n++;
  return n + (t.match(/[，、،]/g)?.length ?? 0);
}
