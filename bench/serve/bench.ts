// Reader speed: latency of each page and API route over a store of realistic size, driven in
// process with app.inject (no socket, so this measures our rendering and the store reads, not
// the kernel). Synthetic pages, no benchmark data read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { buildApp } from '../../src/serve/index.js';
import { pageToSave } from '../../src/serve/testing/seed-store.js';
import { formatTable, type Report } from '../report.js';

/** Stories × pages per story: 2,000 pages, ~3,000 articles with related ones. */
const STORIES = 200;
const PAGES_PER_STORY = 10;
/** Requests per route: enough for a stable p95 on a shared 2-core box in a few seconds. */
const REQUESTS = 200;

const PARAGRAPH =
  'Harbour pilots in Port Elwyn voted on Tuesday to extend their strike into a third week, ' +
  'the union said, leaving ferries idle and freight queued along the coast road.';

async function seed(store: Awaited<ReturnType<typeof openStore>>): Promise<void> {
  for (let s = 0; s < STORIES; s++) {
    for (let p = 0; p < PAGES_PER_STORY; p++) {
      const i = s * PAGES_PER_STORY + p;
      await store.savePage(
        pageToSave({
          url: `https://outlet-${i % 37}.example/news/${i}`,
          fetchedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
          articles: [
            {
              id: `a${i}`,
              familyId: `f${s}-${p % 3}`,
              storyId: `s${s}`,
              isOriginal: p < 3,
              article: {
                title: `Pilots extend strike, day ${s}`,
                outlet: `Outlet ${i % 37}`,
                paragraphs: Array.from({ length: 12 }, (_, k) => `${PARAGRAPH} (${s}.${k})`),
              },
              topics: [{ kind: 'place', name: 'Port Elwyn', key: 'place:port-elwyn' }],
            },
          ],
        }),
      );
    }
  }
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export async function run(_sharedDir: string): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-serve-bench-'));
  try {
    const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
    await seed(store);
    const app = buildApp({ store, config: { logError: () => undefined } });
    const routes = [
      '/',
      '/?page=9',
      '/stories/s100',
      '/articles/a1005',
      '/topics/place:port-elwyn',
      '/search?q=pilots%20strike',
      '/feed.atom',
      '/api/v1/stories',
      '/api/v1/stories/s100',
      '/api/v1/articles/a1005',
    ];
    const rows: (string | number)[][] = [];
    const summary: Record<string, unknown> = {};
    for (const url of routes) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const start = performance.now();
        const res = await app.inject(url);
        times.push(performance.now() - start);
        if (res.statusCode !== 200)
          throw new Error(`serve bench: ${url} answered ${res.statusCode}`);
        bytes = res.body.length;
      }
      times.sort((a, b) => a - b);
      const total = times.reduce((a, b) => a + b, 0);
      const p50 = percentile(times, 0.5);
      const p95 = percentile(times, 0.95);
      rows.push([url, Math.round((REQUESTS * 1000) / total), p50, p95, bytes]);
      summary[url] = { reqPerS: Math.round((REQUESTS * 1000) / total), p50Ms: p50, p95Ms: p95 };
    }
    await app.close();
    await store.close();
    const table = formatTable(['route', 'req/s', 'p50 ms', 'p95 ms', 'bytes'], rows);
    return {
      name: 'serve',
      table: `${STORIES * PAGES_PER_STORY} pages, ${REQUESTS} sequential requests per route\n${table}`,
      summary,
      ok: true,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await run('');
  process.stdout.write(`${report.table}\n`);
}
