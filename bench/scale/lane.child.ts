// One bench run of the grouping lane in its own process: N generated, already-extracted
// articles grouped and stored in batches of pages (what `storyline ingest` and the workers'
// lane do), with the generator's entities as topics so the tagger's cost is left out.
// Prints one JSON line: segments of cost per article as the store grows, peak memory, size.
import { statSync } from 'node:fs';
import { fingerprint } from '../../src/fingerprint/index.js';
import {
  Pipeline,
  articleId,
  countWords,
  extractPage,
  SAVE_BATCH_PAGES,
  type PageResult,
  type PlacedPage,
  type PreparedPage,
} from '../../src/pipeline.js';
import { openStore } from '../../src/store/index.js';
import type { Topic } from '../../src/types.js';
import { generateCorpus, type GeneratedArticle } from './corpus.js';
import { pageOf } from './pages.js';
import { storeBytes } from './store-size.js';

const [url, countText, segmentsText] = process.argv.slice(2);
const count = Number(countText);
const segments = Number(segmentsText ?? 10);
// Saves on a thread of their own, as `storyline ingest` does.
const store = await openStore(url!, { saveThread: true });
const pipeline = await Pipeline.open(store);

function prepared(a: GeneratedArticle, line: number) {
  const page = pageOf(a, line);
  const extraction = extractPage(page, page.fetchedAt);
  if (extraction.kind !== 'article') throw new Error(`bench: ${a.id} is not an article`);
  const article = extraction.article;
  const topics: Topic[] = a.entities.map((e) => ({
    kind: e.kind,
    name: e.name,
    key: `${e.kind}:${e.name.toLowerCase().replace(/\s+/g, '-')}`,
  }));
  const prep: PreparedPage = {
    kind: 'article',
    articles: [
      {
        id: articleId(page, article, 0),
        position: 0,
        article,
        fingerprint: fingerprint(article),
        topics,
        wordCount: countWords(article.text),
      },
    ],
  };
  return { page, prep };
}

const perSegment = Math.ceil(count / segments);
const out: { upTo: number; wallMsPerArticle: number; cpuMsPerArticle: number; rssMb: number }[] =
  [];
let peakRss = 0;
let n = 0;
// Only placing (grouping + storage, SAVE_BATCH_PAGES pages a transaction, the next batch grouped
// while the last is saved) is timed: the issue measures articles already extracted, so each
// segment's pages are generated and extracted first, outside the clocks.
let laneWallMs = 0;
let laneCpuUs = 0;
const corpus = generateCorpus(count, 11)[Symbol.iterator]();
while (n < count) {
  const segment: PlacedPage[] = [];
  for (let next = corpus.next(); !next.done; next = corpus.next()) {
    const { page, prep } = prepared(next.value, n + 1);
    segment.push({
      page,
      sha256: next.value.id,
      sourceUri: null,
      prepared: prep,
      now: page.fetchedAt,
    });
    n += 1;
    if (n % perSegment === 0) break;
  }
  if (segment.length === 0) break;
  const wall = performance.now();
  const cpu = process.cpuUsage();
  let inFlight: Promise<unknown> | null = null;
  for (let at = 0; at < segment.length; at += SAVE_BATCH_PAGES) {
    const placing = pipeline.placeBatch(segment.slice(at, at + SAVE_BATCH_PAGES)).then(failOnError);
    if (inFlight !== null) await inFlight;
    inFlight = placing;
  }
  await inFlight;
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - wall;
  laneWallMs += wallMs;
  laneCpuUs += used.user + used.system;
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  out.push({
    upTo: n,
    wallMsPerArticle: wallMs / segment.length,
    cpuMsPerArticle: (used.user + used.system) / 1000 / segment.length,
    rssMb: rss / 2 ** 20,
  });
}
const wallS = laneWallMs / 1000;
const bytes = url!.startsWith('sqlite:') ? sqliteBytes(url!.slice(7)) : await storeBytes(url!);
await store.close();
process.stdout.write(
  JSON.stringify({
    articles: n,
    wallS,
    articlesPerS: n / wallS,
    cpuMsPerArticle: laneCpuUs / 1000 / n,
    peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20,
    storeMb: bytes / 2 ** 20,
    segments: out,
  }) + '\n',
);

function failOnError(results: PageResult[]): void {
  for (const result of results) if ('error' in result) throw result.error;
}

function sqliteBytes(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(file + suffix).size;
    } catch {
      // no WAL file after a clean close
    }
  }
  return total;
}
