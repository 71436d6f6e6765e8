// Reads the extraction benchmark corpus from ../shared: pages (gzip), ground truth and peer
// outputs, plus a sha256 digest of every file read so baseline.json pins the exact corpus.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BenchPage {
  id: string;
  url: string;
  truth: string;
  html: Uint8Array;
}

export function corpusDir(sharedDir: string): string {
  return join(sharedDir, 'bench', 'extraction');
}

export function loadPages(sharedDir: string): { pages: BenchPage[]; digest: string } {
  const dir = corpusDir(sharedDir);
  const hash = createHash('sha256');
  const truthRaw = readFileSync(join(dir, 'ground-truth.json'));
  hash.update(truthRaw);
  const truth = JSON.parse(truthRaw.toString('utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const pages: BenchPage[] = [];
  for (const name of readdirSync(join(dir, 'html')).sort()) {
    if (!name.endsWith('.html.gz')) continue;
    const raw = readFileSync(join(dir, 'html', name));
    hash.update(name).update(raw);
    const id = name.replace(/\.html\.gz$/, '');
    const t = truth[id];
    if (!t) continue;
    pages.push({ id, url: t.url, truth: t.articleBody, html: new Uint8Array(gunzipSync(raw)) });
  }
  return { pages, digest: hash.digest('hex') };
}

/** A peer's published outputs by page id (some files wrap them in {version, output}). */
export function loadPeer(sharedDir: string, tool: string): Record<string, string> {
  const raw = JSON.parse(
    readFileSync(join(corpusDir(sharedDir), 'peer-output', `${tool}.json`), 'utf8'),
  ) as Record<string, unknown>;
  const outputs = (raw.output && typeof raw.output === 'object' ? raw.output : raw) as Record<
    string,
    { articleBody?: string } | undefined
  >;
  const out: Record<string, string> = {};
  for (const [id, v] of Object.entries(outputs))
    if (v && typeof v === 'object') out[id] = v.articleBody ?? '';
  return out;
}
