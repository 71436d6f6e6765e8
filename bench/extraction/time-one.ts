// Timing worker for bench.ts: runs one extractor over the benchmark pages in a process of its
// own (so peak RSS is its own) and prints {times, wall, peakRssMb} as JSON: `times` in CPU
// milliseconds per page (process.cpuUsage, user + system: steady on a shared, loaded machine),
// `wall` in wall-clock milliseconds.
//   node --import tsx bench/extraction/time-one.ts storyline|readability SHARED_DIR
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { loadPages, type BenchPage } from './corpus.js';
import { extractBody } from './eval.js';

/** Pages run once before timing, so both extractors are measured with warm JIT code. */
const WARM_UP_PAGES = 20;

const EXTRACTORS: Record<string, (p: BenchPage) => string> = {
  storyline: extractBody,
  // Readability as its README shows it, on linkedom, from the same bytes (decoding included).
  readability: (p) => {
    const doc = new DOMParser().parseFromString(new TextDecoder().decode(p.html), 'text/html');
    const reader = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0]);
    return reader.parse()?.textContent ?? '';
  },
};

const [tool = 'storyline', sharedDir = '../shared'] = process.argv.slice(2);
const fn = EXTRACTORS[tool];
if (!fn) throw new Error(`bench: unknown extractor ${tool}`);
const { pages } = loadPages(sharedDir);
for (const p of pages.slice(0, WARM_UP_PAGES)) fn(p);
const times: number[] = [];
const wall: number[] = [];
for (const p of pages) {
  const t = performance.now();
  const c = process.cpuUsage();
  fn(p);
  const used = process.cpuUsage(c);
  times.push((used.user + used.system) / 1000);
  wall.push(performance.now() - t);
}
console.log(JSON.stringify({ times, wall, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
