// Guards the parser against pathological nesting. htmlparser2 (under linkedom) keeps its open-
// element stack with Array#unshift, so each tag costs O(depth): 100,000 nested <div>s take
// seconds. Real article pages nest well under 100 deep; beyond MAX_NESTING_DEPTH we drop the
// extra tags (keeping their text) before parsing. One linear scan; the page is returned
// untouched, without copying, when it never gets that deep.

/** Deepest element nesting kept (levels). The deepest benchmark page nests ~60 levels. */
export const MAX_NESTING_DEPTH = 1000;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

export function capNesting(html: string, maxDepth = MAX_NESTING_DEPTH): string {
  if (depthUpperBound(html) <= maxDepth || !exceeds(html, maxDepth)) return html;
  let depth = 0;
  return html.replace(TAG, (whole, close: string, name: string, selfClose: string) => {
    if (VOID.has(name.toLowerCase()) || selfClose) return whole;
    if (close) {
      depth = Math.max(0, depth - 1);
      return depth >= maxDepth ? '' : whole;
    }
    depth++;
    return depth > maxDepth ? '' : whole;
  });
}

/** A cheap upper bound on the nesting depth: every "<x" opens, every "</" closes. Void and
 *  self-closed elements make it an overestimate; only pages above the limit get the exact
 *  scan below. */
function depthUpperBound(html: string): number {
  let depth = 0;
  let max = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if (c === 47) depth--;
    else if (isLetter(c) && ++depth > max) max = depth;
  }
  return max;
}

/** Whether nesting ever goes deeper than `maxDepth`: a character scan, no regex, because it
 *  runs on every page (the regex version cost as much as the rest of our own code). */
function exceeds(html: string, maxDepth: number): boolean {
  let depth = 0;
  const n = html.length;
  for (let i = html.indexOf('<'); i >= 0 && i < n; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    const closing = c === 47; // '/'
    const start = closing ? i + 2 : i + 1;
    if (!isLetter(html.charCodeAt(start))) continue;
    let end = start;
    while (end < n && isNameChar(html.charCodeAt(end))) end++;
    if (VOID.has(html.slice(start, end).toLowerCase())) continue;
    const gt = html.indexOf('>', end);
    if (gt < 0) break;
    if (closing) depth = Math.max(0, depth - 1);
    else if (html.charCodeAt(gt - 1) !== 47 && ++depth > maxDepth) return true;
    i = gt;
  }
  return false;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 45;
}
