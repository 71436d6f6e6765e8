// Store throughput: pages saved per second into a fresh SQLite file (WAL), and articles read
// per second by groupingState (the warm-up on start). Synthetic pages, no benchmark data read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { FERRY_STRIKE, articleToSave, pageToSave } from '../../test/store/store-fixtures.js';
import { formatTable } from '../report.js';
import type { Report } from '../report.js';

/** Pages per run: large enough to show per-row costs, small enough for a shared 2-core box. */
const PAGES = 2000;
/** Pages per story: wire copy spreads to ~10 outlets, so stories keep growing while we write. */
const PAGES_PER_STORY = 10;

export async function run(_sharedDir: string): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-store-bench-'));
  try {
    const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
    const saveStart = performance.now();
    for (let i = 0; i < PAGES; i++) {
      const story = `s${Math.floor(i / PAGES_PER_STORY)}`;
      const text = `${FERRY_STRIKE}\n\nPage ${i} adds its own closing paragraph.`;
      await store.savePage(
        pageToSave({
          url: `https://outlet-${i % 37}.example/news/${i}`,
          fetchedAt: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
          body: `<html><body><p>${text}</p></body></html>`.repeat(20),
          articles: [
            articleToSave({
              id: `p${i}-0`,
              familyId: `f${story}`,
              storyId: story,
              text,
              outlet: `Outlet ${i % 37}`,
              isOriginal: i % PAGES_PER_STORY === 0,
            }),
            articleToSave({
              id: `p${i}-1`,
              position: 1,
              familyId: `g${i}`,
              storyId: `r${i}`,
              text: `${text} related`,
              outlet: 'Aggregator',
            }),
          ],
        }),
      );
    }
    const saveSeconds = (performance.now() - saveStart) / 1000;
    const readStart = performance.now();
    let rows = 0;
    for await (const row of store.groupingState())
      rows += row.fingerprint.signature.length > 0 ? 1 : 0;
    const readSeconds = (performance.now() - readStart) / 1000;
    const listStart = performance.now();
    for (let i = 0; i < 50; i++) await store.listStories({ limit: 30, offset: i * 30 });
    const listMs = (performance.now() - listStart) / 50;
    await store.close();
    const summary = {
      pagesPerSecond: PAGES / saveSeconds,
      groupingRowsPerSecond: rows / readSeconds,
      listStoriesMs: listMs,
    };
    const table = formatTable(
      ['measure', 'value'],
      [
        [`savePage (2 articles each), pages/s over ${PAGES}`, summary.pagesPerSecond],
        [`groupingState, articles/s over ${rows}`, summary.groupingRowsPerSecond],
        ['listStories (30 per page), ms per call', summary.listStoriesMs],
      ],
    );
    return { name: 'store', table, summary, ok: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run('').then((r) => console.log(r.table));
}
