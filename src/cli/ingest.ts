// `storyline ingest PATH...`: files and folders of HTML, text dumps, .gz of either, and JSON
// Lines of article records. Pages are saved SAVE_BATCH_PAGES to a transaction, in the order
// they are read, so a killed run keeps every batch committed before it and can simply be re-run
// (stored pages are skipped). A batch is saved while the next is read and grouped (the store's
// save thread). A batch that fails is placed again page by page (Pipeline.placeBatch), so the
// report names the page that failed and the others are stored.
import { describeError, StorylineError } from '../errors.js';
import { findFiles, readInputFile, type InputFile } from '../ingest/read-files.js';
import { fetchTimeOf } from '../ingest/saved-at.js';
import { ARTICLE_RECORD_TYPE, parseArticleRecords } from '../ingest/article-records.js';
import {
  SAVE_BATCH_PAGES,
  type PageOutcome,
  type PageToProcess,
  type Pipeline,
} from '../pipeline.js';
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
  const pending: (PageToProcess & { path: string })[] = [];
  // One batch is placed (grouped, then saved) while the next is read and extracted: its
  // results are counted before the next batch starts placing, so reports stay in order.
  let placing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const items = pending.splice(0);
    if (items.length === 0) return;
    const finish = await pipeline.startBatch(items);
    const previous = placing;
    placing = previous.then(async () => {
      (await finish()).forEach((result, i) => {
        const { path } = items[i]!;
        if ('error' in result) fail(totals, options, result.error, path);
        else count(totals, result.outcome, path, options);
      });
    });
    placing.catch(() => undefined); // awaited by the next flush or at the end
    await previous;
  };
  for (const found of files) {
    totals.files += 1;
    const input = 'error' in found ? failed(totals, options, found.error) : await read(found.path);
    if (input !== null) await enqueue(input);
    progress?.tick();
  }
  await flush();
  await placing;
  progress?.finish();
  return totals;

  // Pages are generated as the batch fills: a large JSON Lines file is never copied whole.
  async function enqueue(input: InputFile): Promise<void> {
    for (const page of pagesOf(input, options, totals)) {
      pending.push({ page, sourceUri: input.path, now: options.now(), path: input.path });
      if (pending.length >= SAVE_BATCH_PAGES) await flush();
    }
  }

  async function read(path: string): Promise<InputFile | null> {
    try {
      return await readInputFile(path, options.maxPageBytes);
    } catch (error) {
      return failed(totals, options, error);
    }
  }
}

function failed(totals: IngestTotals, options: IngestOptions, error: unknown): null {
  fail(totals, options, error);
  return null;
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
