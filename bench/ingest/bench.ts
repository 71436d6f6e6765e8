// Live-ingestion throughput: one polling pass over FEEDS local RSS feeds of ITEMS full-text
// items each (default 500 x 50 = 25,000 items) into a fresh SQLite store, the whole way through
// fetch, raw queue, feed parsing, extraction, grouping and saving; then a second pass where
// every feed answers 304 Not Modified, timed separately. Rates are per wall second and per CPU
// second of this process (the feeds are served by a child process). INGEST_BENCH_FEEDS and
// INGEST_BENCH_ITEMS shrink the run on a busy machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { Fetcher } from '../../src/fetch/index.js';
import { Pipeline } from '../../src/pipeline.js';
import { pollContext, runPass } from '../../src/poll/index.js';
import { openStore } from '../../src/store/index.js';
import { formatTable, type Report } from '../report.js';

const FEEDS = Number(process.env.INGEST_BENCH_FEEDS ?? 500);
const ITEMS = Number(process.env.INGEST_BENCH_ITEMS ?? 50);

interface Floors {
  itemsPerCpuSecond: number;
  notModifiedFeedsPerCpuSecond: number;
}

export async function run(_sharedDir: string): Promise<Report> {
  const floors = (
    JSON.parse(readFileSync(resolve(import.meta.dirname, 'baseline.json'), 'utf8')) as {
      floors: Floors;
    }
  ).floors;
  const dir = mkdtempSync(join(tmpdir(), 'storyline-ingest-bench-'));
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'feed-server.ts')],
    {
      env: { ...process.env, FEEDS: String(FEEDS), ITEMS: String(ITEMS) },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  try {
    const origin = await firstLine(server.stdout!);
    const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
    const pipeline = await Pipeline.open(store);
    // Local publisher: no per-host delay and no robots.txt; the allow-list opens loopback.
    const fetcher = new Fetcher({
      allowAddresses: ['127.0.0.1'],
      hostDelayMs: 0,
      hostConcurrency: 8,
      robots: false,
    });
    const ctx = pollContext({
      store,
      pipeline,
      fetcher,
      config: { sourceConcurrency: 8 },
      log: () => undefined,
    });
    let pipelineMs = 0;
    const process_ = ctx.process;
    ctx.process = async (page, uri) => {
      const t = performance.now();
      try {
        return await process_(page, uri);
      } finally {
        pipelineMs += performance.now() - t;
      }
    };
    for (let i = 0; i < FEEDS; i++)
      await store.addSource({ kind: 'feed', uri: `${origin}/feed/${i}.xml` });

    const first = await timed(() => runPass(ctx, { force: true }));
    const stats = await store.stats();
    const second = await timed(() => runPass(ctx, { force: true }));
    await fetcher.close();
    await store.close();

    const items = first.result.items;
    const summary = {
      feeds: FEEDS,
      itemsPerFeed: ITEMS,
      itemsStored: items,
      articles: stats.articles,
      failed: first.result.failed,
      fullPass: {
        wallSeconds: first.wall,
        cpuSeconds: first.cpu,
        itemsPerSecond: items / first.wall,
        itemsPerCpuSecond: items / first.cpu,
        pipelineShare: pipelineMs / 1000 / first.wall,
      },
      notModifiedPass: {
        wallSeconds: second.wall,
        cpuSeconds: second.cpu,
        notModified: second.result.notModified,
        feedsPerSecond: FEEDS / second.wall,
        feedsPerCpuSecond: FEEDS / second.cpu,
      },
    };
    const ok =
      items === FEEDS * ITEMS &&
      second.result.notModified === FEEDS &&
      summary.fullPass.itemsPerCpuSecond >= floors.itemsPerCpuSecond &&
      summary.notModifiedPass.feedsPerCpuSecond >= floors.notModifiedFeedsPerCpuSecond;
    const table =
      formatTable(
        [
          'pass',
          'feeds',
          'items',
          'wall s',
          'CPU s',
          'per wall s',
          'per CPU s',
          'floor (per CPU s)',
        ],
        [
          [
            'full (200 + parse + pipeline)',
            FEEDS,
            items,
            first.wall,
            first.cpu,
            items / first.wall,
            items / first.cpu,
            floors.itemsPerCpuSecond,
          ],
          [
            '304 not modified (feeds)',
            FEEDS,
            0,
            second.wall,
            second.cpu,
            FEEDS / second.wall,
            FEEDS / second.cpu,
            floors.notModifiedFeedsPerCpuSecond,
          ],
        ],
      ) +
      `\n(items per second count feed items stored; ${Math.round(summary.fullPass.pipelineShare * 100)}% of the full pass's wall time was inside the pipeline: extract, group, save)`;
    return { name: 'ingest', table, summary, ok };
  } finally {
    server.stdin!.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, wall: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6 };
}

function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    lines.once('line', (line) => resolve(line.trim()));
    lines.once('close', () => reject(new Error('bench: the feed server exited before listening')));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run('').then((r) => console.log(r.table));
}
