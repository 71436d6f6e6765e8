// Extraction quality on the ScrapingHub benchmark (181 pages): our extractor's F1 / precision /
// recall / accuracy beside the published peers, with the scoring rule of score.ts. The scorer is
// checked first: it must reproduce the published F1 of two peers from their own outputs.
//   node --import tsx bench/extraction/eval.ts [sharedDir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extract } from '../../src/extract/index.js';
import { formatTable, type Report } from '../report.js';
import { loadPages, loadPeer, type BenchPage } from './corpus.js';
import { aggregate, scorePage, type Totals } from './score.js';

/** Published F1 of peers (README of the benchmark), to 3 decimals: the scorer must match them. */
const PUBLISHED_F1: Record<string, number> = { readability_js: 0.947, trafilatura: 0.958 };
/** Peers shown beside ours for context. */
const PEERS = [
  'rs_trafilatura',
  'trafilatura',
  'readability_js',
  'newspaper',
  'readability',
  'goose3',
  'html-text',
];
/** The time pages are "fetched" at: fixed, so runs are reproducible. */
const FETCHED_AT = new Date('2019-11-20T00:00:00Z');

interface Baseline {
  digest: string;
  min: { f1: number; precision: number; recall: number };
}

export function extractBody(page: BenchPage): string {
  const r = extract(
    { url: page.url, fetchedAt: FETCHED_AT, body: page.html, contentType: 'text/html' },
    FETCHED_AT,
  );
  return r.kind === 'article' ? r.article.text : '';
}

export async function run(sharedDir: string): Promise<Report> {
  const { pages, digest } = loadPages(sharedDir);
  const baseline = JSON.parse(
    readFileSync(join(import.meta.dirname, 'baseline.json'), 'utf8'),
  ) as Baseline;
  const rows: (string | number)[][] = [];
  const summary: Record<string, unknown> = { pages: pages.length, digest };
  let scorerOk = true;
  for (const tool of PEERS) {
    const peer = loadPeer(sharedDir, tool);
    const t = aggregate(pages.map((p) => scorePage(p.truth, peer[p.id] ?? '')));
    const expected = PUBLISHED_F1[tool];
    if (expected !== undefined && Math.abs(Number(t.f1.toFixed(3)) - expected) > 1e-9)
      scorerOk = false;
    rows.push(row(tool, t));
  }
  const ours = aggregate(pages.map((p) => scorePage(p.truth, extractBody(p))));
  rows.unshift(row('storyline (ours)', ours));
  const floorsOk =
    ours.f1 >= baseline.min.f1 &&
    ours.precision >= baseline.min.precision &&
    ours.recall >= baseline.min.recall;
  const corpusOk = baseline.digest === digest;
  Object.assign(summary, {
    f1: ours.f1,
    precision: ours.precision,
    recall: ours.recall,
    accuracy: ours.accuracy,
    scorerOk,
    floorsOk,
    corpusOk,
  });
  const notes = [
    `scorer reproduces published F1 (readability_js 0.947, trafilatura 0.958): ${scorerOk ? 'yes' : 'NO'}`,
    `floors (baseline.json): F1 >= ${baseline.min.f1}, P >= ${baseline.min.precision}, R >= ${baseline.min.recall}: ${floorsOk ? 'met' : 'NOT MET'}`,
    `corpus digest matches baseline: ${corpusOk ? 'yes' : `NO (${digest})`}`,
  ];
  const table =
    formatTable(['extractor', 'F1', 'precision', 'recall', 'accuracy'], rows) +
    '\n' +
    notes.join('\n');
  return { name: 'extraction', table, summary, ok: scorerOk && floorsOk && corpusOk };
}

function row(name: string, t: Totals): (string | number)[] {
  return [name, t.f1, t.precision, t.recall, t.accuracy];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await run(
    process.argv[2] ?? join(import.meta.dirname, '..', '..', '..', 'shared'),
  );
  console.log(report.table);
  process.exitCode = report.ok ? 0 : 1;
}
