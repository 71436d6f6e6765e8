// Search matches marked in titles and snippets. Words are compared the way a full-text index
// folds them (case and diacritics ignored), so "zurich" marks "Zürich". Everything not marked
// is escaped like any other text: the marking never lets article text become markup.
import { html, type SafeHtml } from '../html.js';

/** Characters of body text shown under each result. */
export const SNIPPET_CHARS = 240;
/** Characters kept before the first match, so the snippet starts with some context. */
const CONTEXT_BEFORE = 60;

const WORD = /[\p{L}\p{N}]+/gu;

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The query's words, folded; operators and punctuation ignored. */
export function queryTerms(query: string): Set<string> {
  const terms = new Set<string>();
  for (const m of query.matchAll(WORD)) {
    const t = fold(m[0]);
    if (t !== 'and' && t !== 'or' && t !== 'not' && t !== 'near') terms.add(t);
  }
  return terms;
}

/** `text` with every word of `terms` wrapped in <mark>. */
export function highlight(text: string, terms: ReadonlySet<string>): SafeHtml {
  if (terms.size === 0) return html`${text}`;
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!terms.has(fold(m[0]))) continue;
    const at = m.index ?? 0;
    parts.push(html`${text.slice(last, at)}<mark>${m[0]}</mark>`);
    last = at + m[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return html`${parts}`;
}

/** About SNIPPET_CHARS of `text` around its first match (else its start), cut at words. */
export function snippetAround(text: string, terms: ReadonlySet<string>): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_CHARS) return flat;
  let first = 0;
  for (const m of flat.matchAll(WORD)) {
    if (terms.has(fold(m[0]))) {
      first = m.index ?? 0;
      break;
    }
  }
  let start = Math.max(0, first - CONTEXT_BEFORE);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + SNIPPET_CHARS);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + SNIPPET_CHARS / 2) end = space;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
