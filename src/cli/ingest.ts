// `storyline ingest PATH...`: files and folders of HTML, text dumps, .gz of either, and JSON
// Lines of article records. Each page is processed in its own transaction, so a killed run
// keeps everything committed before it and can simply be re-run (stored pages are skipped).
import { describeError, StorylineError } from '../errors.js';
import { findFiles, readInputFile, type InputFile } from '../ingest/read-files.js';
import { fetchTimeOf } from '../ingest/saved-at.js';
import { ARTICLE_RECORD_TYPE, parseArticleRecords } from '../ingest/article-records.js';
import type { PageOutcome, Pipeline } from '../pipeline.js';
import type { Page } from '../types.js';
import { Progress } from './progress.js';

export interface IngestTotals {
  files: number;
  pages: number;
  articles: number;
  inserted: number;
  revised: number;
  unchanged: number;
  duplicates: number;
  notArticles: number;
  failed: number;
}

export interface IngestOptions {
  maxPageBytes: number;
  now: () => Date;
  log: (line: string) => void;
  progress?: boolean;
}

export async function ingestPaths(
  pipeline: Pipeline,
  paths: readonly string[],
  options: IngestOptions,
): Promise<IngestTotals> {
  const totals: IngestTotals = {
    files: 0,
    pages: 0,
    articles: 0,
    inserted: 0,
    revised: 0,
    unchanged: 0,
    duplicates: 0,
    notArticles: 0,
    failed: 0,
  };
  const files = await findFiles(paths);
  const progress = options.progress === false ? null : new Progress('ingest', files.length);
  for (const found of files) {
    totals.files += 1;
    if ('error' in found) fail(totals, options, found.error);
    else await ingestFile(pipeline, found.path, options, totals);
    progress?.tick();
  }
  progress?.finish();
  return totals;
}

async function ingestFile(
  pipeline: Pipeline,
  path: string,
  options: IngestOptions,
  totals: IngestTotals,
): Promise<void> {
  let input: InputFile;
  try {
    input = await readInputFile(path, options.maxPageBytes);
  } catch (error) {
    fail(totals, options, error);
    return;
  }
  for (const page of pagesOf(input, options, totals)) {
    try {
      count(totals, await pipeline.processPage(page, input.path, options.now()), path, options);
    } catch (error) {
      fail(totals, options, error, path);
    }
  }
}

/** A JSON Lines file holds one page per record; anything else is one page. */
function* pagesOf(input: InputFile, options: IngestOptions, totals: IngestTotals): Generator<Page> {
  // The page's own saved time, else the ingest clock; never the file's mtime (see saved-at.ts).
  const fetchedAt = fetchTimeOf(input, options.now());
  if (input.contentType !== 'application/jsonl') {
    yield { url: input.url, fetchedAt, body: input.bytes, contentType: input.contentType };
    return;
  }
  const { records, errors } = parseArticleRecords(
    new TextDecoder().decode(input.bytes),
    input.path,
  );
  for (const error of errors) fail(totals, options, error);
  for (const record of records) {
    const body = new TextEncoder().encode(JSON.stringify(record));
    yield {
      url: record.url ?? `${input.url}#${encodeURIComponent(record.id)}`,
      fetchedAt,
      body,
      contentType: ARTICLE_RECORD_TYPE,
    };
  }
}

function count(
  totals: IngestTotals,
  outcome: PageOutcome,
  path: string,
  options: IngestOptions,
): void {
  totals.pages += 1;
  switch (outcome.status) {
    case 'duplicate':
      totals.duplicates += 1;
      return;
    case 'not-article':
      totals.notArticles += 1;
      return;
    case 'unreadable':
      fail(totals, options, new StorylineError(outcome.code, `ingest: ${path}: ${outcome.reason}`));
      return;
    case 'processed':
      totals.articles += outcome.articles;
      totals.inserted += outcome.inserted;
      totals.revised += outcome.revised;
      totals.unchanged += outcome.unchanged;
  }
}

function fail(totals: IngestTotals, options: IngestOptions, error: unknown, path?: string): void {
  totals.failed += 1;
  const message = describeError(error);
  options.log(`error: ${path && !message.includes(path) ? `ingest: ${path}: ` : ''}${message}`);
}

export function summarise(t: IngestTotals): string {
  return (
    `ingested ${t.files} file(s), ${t.pages} page(s): ${t.inserted} new article(s), ` +
    `${t.revised} revised, ${t.unchanged} unchanged, ${t.duplicates} duplicate page(s), ` +
    `${t.notArticles} not an article, ${t.failed} failed`
  );
}
