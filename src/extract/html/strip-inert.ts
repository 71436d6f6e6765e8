// Drops the parts of a page that can never be article text before parsing: <script> (except
// JSON-LD, which metadata reads), <style>, comments, and the elements the extractor removes
// unread anyway (svg, nav, aside, footer, noscript, template, select). On news pages they are
// over half the bytes; the parser then builds a smaller tree, faster. A linear scan: each
// search starts where the last one ended, nesting of the same element is followed, and an
// unclosed element stops the stripping (the parser then sees the rest as it is).
//
// Coupled with prune.ts DROP_TAGS: only tags removed there before scoring may be listed here
// (<header> and <h1> may not: metadata and scoring read them).

const OPEN = /<(script|style|svg|nav|aside|footer|noscript|template|select)\b([^>]*)>|<!--/gi;
/** Raw-text elements: their content is not markup, so nothing nests inside them. */
const RAW_TEXT = new Set(['script', 'style']);

export function stripInert(html: string): string {
  const parts: string[] = [];
  let kept = 0;
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(html); m; m = OPEN.exec(html)) {
    const start = m.index;
    const tag = m[1]?.toLowerCase();
    const end = tag ? closingEnd(html, tag, start + m[0].length) : commentEnd(html, start);
    if (end < 0) break;
    OPEN.lastIndex = end;
    if (tag === 'script' && /ld\+json/i.test(m[2] ?? '')) continue;
    parts.push(html.slice(kept, start));
    kept = end;
  }
  if (kept === 0) return html;
  parts.push(html.slice(kept));
  return parts.join('');
}

function commentEnd(html: string, start: number): number {
  const close = html.indexOf('-->', start + 4);
  return close < 0 ? -1 : close + 3;
}

/** Index just past the tag's matching closing tag, or -1 when it is never closed. */
function closingEnd(html: string, tag: string, from: number): number {
  const re = RAW_TEXT.has(tag)
    ? new RegExp(`<\\/${tag}\\s*>`, 'gi')
    : new RegExp(`<(\\/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (RAW_TEXT.has(tag) || m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}
