// `storyline extract FILE...`: one JSON object per input file, one per line, in input order.
// Touches no database. A file that cannot be read or is not an article still gets its line,
// with `error` or `notArticle` saying why, so line N always answers file N.
import { stat } from 'node:fs/promises';
import { describeError, isStorylineError } from '../errors.js';
import { readInputFile } from '../ingest/read-files.js';
import { fetchTimeOf } from '../ingest/saved-at.js';
import { extractPage } from '../pipeline.js';
import type { Article } from '../types.js';

export interface ExtractedFields {
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  dateline: string | null;
  credit: string | null;
  language: string | null;
  text: string;
  paragraphs: string[];
  images: Article['images'];
}

export function fieldsOf(a: Article): ExtractedFields {
  return {
    title: a.title,
    outlet: a.outlet,
    byline: a.byline,
    published: a.published,
    dateline: a.dateline,
    credit: a.credit,
    language: a.language,
    text: a.text,
    paragraphs: a.paragraphs,
    images: a.images,
  };
}

const EMPTY: ExtractedFields = {
  title: null,
  outlet: null,
  byline: null,
  published: null,
  dateline: null,
  credit: null,
  language: null,
  text: '',
  paragraphs: [],
  images: [],
};

/** Extracts one file into its output object; never throws. */
export async function extractFile(
  file: string,
  maxBytes: number,
  now: Date,
): Promise<Record<string, unknown>> {
  try {
    if ((await stat(file)).isDirectory()) throw new Error(`ingest: ${file}: is a folder`);
    const input = await readInputFile(file, maxBytes);
    const result = extractPage(
      {
        url: input.url,
        fetchedAt: fetchTimeOf(input, now),
        body: input.bytes,
        contentType: input.contentType,
      },
      now,
    );
    if (result.kind === 'unreadable')
      return {
        file,
        ...EMPTY,
        related: [],
        error: { code: result.code, message: `extract: ${file}: ${result.reason}` },
      };
    if (result.kind === 'not-article')
      return { file, ...EMPTY, related: [], notArticle: result.reason };
    return { file, ...fieldsOf(result.article), related: result.related.map(fieldsOf) };
  } catch (error) {
    const code = isStorylineError(error) ? error.code : 'INPUT_UNREADABLE';
    return { file, ...EMPTY, related: [], error: { code, message: describeError(error) } };
  }
}
