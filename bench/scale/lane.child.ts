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
const store = await openStore(url!);
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
// Only placeBatch (grouping + storage, SAVE_BATCH_PAGES pages a transaction) is timed: the issue measures articles already
// extracted, so generating and extracting each page happen outside the clocks.
let laneWallMs = 0;
let laneCpuUs = 0;
let segWallMs = 0;
let segCpuUs = 0;
let batch: PlacedPage[] = [];
for (const a of generateCorpus(count, 11)) {
  const { page, prep } = prepared(a, n + 1);
  batch.push({ page, sha256: a.id, sourceUri: null, prepared: prep, now: page.fetchedAt });
  n += 1;
  if (batch.length < SAVE_BATCH_PAGES && n % perSegment !== 0 && n !== count) continue;
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await pipeline.placeBatch(batch);
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - wall;
  batch = [];
  laneWallMs += wallMs;
  segWallMs += wallMs;
  laneCpuUs += used.user + used.system;
  segCpuUs += used.user + used.system;
  if (n % perSegment === 0 || n === count) {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    const size = n % perSegment === 0 ? perSegment : n % perSegment;
    out.push({
      upTo: n,
      wallMsPerArticle: segWallMs / size,
      cpuMsPerArticle: segCpuUs / 1000 / size,
      rssMb: rss / 2 ** 20,
    });
    segWallMs = 0;
    segCpuUs = 0;
  }
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
