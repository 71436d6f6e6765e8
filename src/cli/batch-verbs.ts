// The batch verbs for researchers and evaluation: `extract` and `cluster`. Neither opens a
// database; both write JSON Lines to stdout (or --out) in input order.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Config } from '../config.js';
import { describeError } from '../errors.js';
import { parseArticleRecords } from '../ingest/article-records.js';
import { extractFile } from './extract.js';
import { clusterRecords } from './cluster.js';

export async function runExtract(config: Config, files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: storyline extract FILE...\n');
    return 2;
  }
  let failed = 0;
  const now = new Date();
  for (const file of files) {
    const result = await extractFile(file, config.maxPageBytes, now);
    if ('error' in result) {
      failed += 1;
      process.stderr.write(`error: ${(result.error as { message: string }).message}\n`);
    }
    await write(process.stdout, JSON.stringify(result) + '\n');
  }
  return failed > 0 ? 1 : 0;
}

export async function runCluster(
  _config: Config,
  input: string | undefined,
  output: string | undefined,
): Promise<number> {
  if (!input) {
    process.stderr.write('usage: storyline cluster --in ARTICLES.jsonl [--out FILE]\n');
    return 2;
  }
  let text: string;
  try {
    text = await readFile(input, 'utf8');
  } catch (error) {
    process.stderr.write(`error: cluster: unable to read ${input}: ${describeError(error)}\n`);
    return 1;
  }
  const { records, errors } = parseArticleRecords(text, input);
  for (const error of errors) process.stderr.write(`error: ${error.message}\n`);
  const lines = clusterRecords(records, new Date());
  const out = output ? createWriteStream(output) : process.stdout;
  for (const line of lines) await write(out, JSON.stringify(line) + '\n');
  if (output) {
    out.end();
    await once(out, 'finish');
  }
  return errors.length > 0 ? 1 : 0;
}

/** Writes with back-pressure so a large output piped to `head` or a file stays bounded. */
async function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}
