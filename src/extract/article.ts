// Building Article records: one place that fills every field, so no stage sees `undefined`.
import type { Article } from '../types.js';

export function makeArticle(fields: Partial<Article> & { paragraphs: string[] }): Article {
  const paragraphs = fields.paragraphs;
  return {
    url: fields.url ?? null,
    title: fields.title ?? null,
    outlet: fields.outlet ?? null,
    byline: fields.byline ?? null,
    published: fields.published ?? null,
    updated: fields.updated ?? null,
    dateline: fields.dateline ?? null,
    credit: fields.credit ?? null,
    language: fields.language ?? null,
    text: paragraphs.join('\n\n'),
    paragraphs,
    html: fields.html ?? null,
    images: fields.images ?? [],
  };
}

/** Collapses runs of whitespace (incl. NBSP and zero-width spaces) into one space, trimmed. */
export function normaliseSpace(s: string): string {
  return collapseSpace(s).trim();
}

/** Collapses whitespace runs into one space, untrimmed. A character loop rather than
 *  `replace(/\s+/g, ' ')`: on a 20 MB paragraph the regex takes seconds (millions of matches),
 *  the loop tens of milliseconds, and a string with nothing to collapse is returned as is. */
export function collapseSpace(s: string): string {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    if (!isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (j !== i + 1 || s.charCodeAt(i) !== 32) {
      parts.push(s.slice(start, i), ' ');
      start = j;
    }
    i = j;
  }
  if (start === 0) return s;
  parts.push(s.slice(start));
  return parts.join('');
}

function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
