// JSON Lines of already-extracted articles: `{id?, text, title?, url?, outlet?, published?,
// html?}` per line, the input format of `storyline cluster` and a way to ingest text that
// another tool extracted. Each valid line becomes a record; each invalid line a coded error.
import { StorylineError } from '../errors.js';
import type { Article } from '../types.js';

export interface ArticleRecord {
  id: string;
  text: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  html: string | null;
  /** 1-based line number in the input, for messages. */
  line: number;
}

/** The content type we give a stored page that holds one article record as JSON. */
export const ARTICLE_RECORD_TYPE = 'application/vnd.storyline.article+json';

export function parseArticleRecords(
  text: string,
  source: string,
): { records: ArticleRecord[]; errors: StorylineError[] } {
  const records: ArticleRecord[] = [];
  const errors: StorylineError[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    try {
      const record = toRecord(JSON.parse(raw), line, source);
      if (seen.has(record.id)) throw invalid(source, line, `duplicate id ${record.id}`);
      seen.add(record.id);
      records.push(record);
    } catch (error) {
      errors.push(
        error instanceof StorylineError
          ? error
          : invalid(source, line, `not valid JSON (${(error as Error).message})`),
      );
    }
  });
  return { records, errors };
}

function toRecord(value: unknown, line: number, source: string): ArticleRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(source, line, 'expected a JSON object');
  }
  const o = value as Record<string, unknown>;
  const text = optionalString(o.text, 'text', source, line);
  const html = optionalString(o.html, 'html', source, line);
  if (!text && !html) throw invalid(source, line, 'needs "text" or "html"');
  const id = o.id === undefined ? `L${line}` : String(o.id);
  return {
    id,
    text: text ?? '',
    title: optionalString(o.title, 'title', source, line),
    url: optionalString(o.url, 'url', source, line),
    outlet: optionalString(o.outlet, 'outlet', source, line),
    published: optionalDate(o.published, source, line),
    html,
    line,
  };
}

function optionalString(v: unknown, name: string, source: string, line: number): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw invalid(source, line, `"${name}" must be a string`);
  return v;
}

function optionalDate(v: unknown, source: string, line: number): string | null {
  const s = optionalString(v, 'published', source, line);
  if (s === null || s.trim() === '') return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw invalid(source, line, `"published" is not a date: ${s}`);
  return new Date(t).toISOString();
}

function invalid(source: string, line: number, reason: string): StorylineError {
  return new StorylineError('INPUT_INVALID', `ingest: ${source}:${line}: ${reason}`);
}

/** Paragraphs of a plain text: blank-line separated blocks, or lines when there are none. */
export function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return [];
  const blocks = normalised.includes('\n\n') ? normalised.split(/\n\s*\n/) : normalised.split('\n');
  return blocks.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}

/** An Article from a record whose text is given (records with only HTML go through extract). */
export function articleFromRecord(record: ArticleRecord): Article {
  const paragraphs = splitParagraphs(record.text);
  return {
    url: record.url,
    title: record.title ?? paragraphs[0] ?? null,
    outlet: record.outlet ?? hostOf(record.url),
    byline: null,
    published: record.published,
    updated: null,
    dateline: null,
    credit: null,
    language: null,
    text: paragraphs.join('\n\n'),
    paragraphs,
    html: null,
    images: [],
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
