// fetch-source for local sources: a file or folder becomes pages, exactly as `storyline ingest`
// makes them (src/cli/ingest.ts pagesOf: keep the two in step), so a store filled by workers
// and one filled by `ingest` hold the same pages.
import { StorylineError } from '../errors.js';
import { ARTICLE_RECORD_TYPE, parseArticleRecords } from '../ingest/article-records.js';
import { findFiles, readInputFile } from '../ingest/read-files.js';
import type { Page } from '../types.js';

export async function readSource(
  uri: string,
  maxPageBytes: number,
): Promise<{ pages: Page[]; errors: unknown[] }> {
  const pages: Page[] = [];
  const errors: unknown[] = [];
  if (/^https?:\/\//i.test(uri)) {
    errors.push(
      new StorylineError(
        'INPUT_UNREADABLE',
        `worker: ${uri}: fetching web sources is not a worker job yet; use a file or folder`,
      ),
    );
    return { pages, errors };
  }
  for (const found of await findFiles([uri])) {
    if ('error' in found) {
      errors.push(found.error);
      continue;
    }
    try {
      const input = await readInputFile(found.path, maxPageBytes);
      if (input.contentType !== 'application/jsonl') {
        pages.push({
          url: input.url,
          fetchedAt: input.modifiedAt,
          body: input.bytes,
          contentType: input.contentType,
        });
        continue;
      }
      const parsed = parseArticleRecords(new TextDecoder().decode(input.bytes), input.path);
      errors.push(...parsed.errors);
      for (const record of parsed.records) {
        pages.push({
          url: record.url ?? `${input.url}#${encodeURIComponent(record.id)}`,
          fetchedAt: input.modifiedAt,
          body: new TextEncoder().encode(JSON.stringify(record)),
          contentType: ARTICLE_RECORD_TYPE,
        });
      }
    } catch (error) {
      errors.push(error);
    }
  }
  return { pages, errors };
}
