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
  if (!exceeds(html, maxDepth)) return html;
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

function exceeds(html: string, maxDepth: number): boolean {
  let depth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[3] || VOID.has(m[2]!.toLowerCase())) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > maxDepth) return true;
  }
  return false;
}
