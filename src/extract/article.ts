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
  return s.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}
