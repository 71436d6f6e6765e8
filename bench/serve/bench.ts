// Reader speed under load: 100 thousand generated articles stored (generate.ts), the reader
// served from its own process on loopback, and autocannon as 50 concurrent clients on the
// front page and on story pages (the largest story and a median one). Reports the latency
// clients see (queueing included) and the server's own time per request (Fastify's
// reply.elapsedTime), CPU per request, throughput, and the size of every page before images.
// Floors in baseline.json: server time p99 ≤ 50 ms on the front page and story pages with the
// page cache `storyline serve` runs, every page under 100 KB. The uncached rows are shown, not
// gated: they say what one render costs. Synthetic data only; no benchmark data read.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { formatTable, type Report } from '../report.js';
import { benchStore, existingStore } from './generate.js';
import { SERVER_PAGE_CACHE_MS } from '../../src/serve/index.js';

interface Baseline {
  articles: number;
  connections: number;
  durationS: number;
  p99MsMax: number;
  pageBytesMax: number;
}

const BASELINE = JSON.parse(
  readFileSync(join(import.meta.dirname, 'baseline.json'), 'utf8'),
) as Baseline;
/** Seconds per measured run: baseline.json's, or SERVE_BENCH_SECONDS for a quick look. */
const DURATION_S = Number(process.env.SERVE_BENCH_SECONDS ?? BASELINE.durationS);
/** Warm-up before each measured run (JIT, SQLite page cache), not counted. */
const WARMUP_S = 2;

interface ChildReply {
  address?: string;
  times?: number[];
  cpu?: NodeJS.CpuUsage;
}

function startChild(
  dbPath: string,
  pageCacheMs: number,
): Promise<{ child: ChildProcess; address: string }> {
  const child = fork(join(import.meta.dirname, 'server.child.ts'), [dbPath, String(pageCacheMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`serve bench: server exited with ${code}`)));
    child.once('message', (m: ChildReply) => {
      if (m.address) resolve({ child, address: m.address });
    });
  });
}

function ask(child: ChildProcess): Promise<{ times: number[]; cpu: NodeJS.CpuUsage }> {
  return new Promise((resolve) => {
    child.once('message', (m: ChildReply) => resolve({ times: m.times ?? [], cpu: m.cpu! }));
    child.send('times');
  });
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** `paths` are requested in random order (seeded), so many URLs share the load. */
async function load(
  origin: string,
  paths: readonly string[],
  duration: number,
): Promise<autocannon.Result> {
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return paths[seed % paths.length]!;
  };
  return autocannon({
    url: origin,
    connections: BASELINE.connections,
    duration,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: next() }) }],
  });
}

interface Mode {
  name: string;
  pageCacheMs: number;
  /** Whether the floors apply: they do to what `storyline serve` runs. */
  gated: boolean;
}

const MODES: Mode[] = [
  {
    name: `page cache ${SERVER_PAGE_CACHE_MS / 1000} s (as storyline serve)`,
    pageCacheMs: SERVER_PAGE_CACHE_MS,
    gated: true,
  },
  { name: 'no cache (every request rendered)', pageCacheMs: 0, gated: false },
];

export async function run(_sharedDir: string): Promise<Report> {
  const articles = Number(process.env.SERVE_BENCH_ARTICLES ?? BASELINE.articles);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const built = performance.now();
  // SERVE_BENCH_DB: time an existing store instead (figures then name its own counts).
  const { store, info } = process.env.SERVE_BENCH_DB
    ? await existingStore(process.env.SERVE_BENCH_DB)
    : await benchStore(articles, log);
  const buildS = (performance.now() - built) / 1000;
  const counts = await store.stats();
  await store.close();

  const rows: (string | number)[][] = [];
  const sizes: (string | number)[][] = [];
  const summary: Record<string, unknown> = {};
  let ok = true;
  const loaded = [
    { name: 'front page', paths: ['/'], gated: true },
    {
      name: `story, largest (${info.bigStory})`,
      paths: [`/stories/${info.bigStory}`],
      gated: true,
    },
    {
      name: `story, median (${info.typicalStory})`,
      paths: [`/stories/${info.typicalStory}`],
      gated: true,
    },
    {
      // Not gated: a cold cache for most of these URLs; shown so the cache's help is not overstated.
      gated: false,
      name: `stories, ${info.sampleStories.length} at random`,
      paths: info.sampleStories.map((id) => `/stories/${id}`),
    },
  ];
  for (const mode of MODES) {
    const { child, address } = await startChild(info.path, mode.pageCacheMs);
    try {
      for (const route of loaded) {
        await load(address, route.paths, WARMUP_S);
        await ask(child);
        const result = await load(address, route.paths, DURATION_S);
        const { times, cpu } = await ask(child);
        times.sort((a, b) => a - b);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        const figures = {
          reqPerS: Math.round(result.requests.average),
          clientP50Ms: result.latency.p50,
          clientP99Ms: result.latency.p99,
          serverP50Ms: Number(percentile(times, 0.5).toFixed(2)),
          serverP99Ms: Number(percentile(times, 0.99).toFixed(2)),
          cpuMsPerRequest: Number((cpuMs / Math.max(1, times.length)).toFixed(3)),
          non2xx: result.non2xx,
          errors: result.errors,
        };
        // The floor is on server time, as the issue sets it; client latency is shown beside it
        // because on a shared 2-core box the load generator and other jobs queue for the
        // same cores, which no server can help.
        const pass =
          figures.serverP99Ms <= BASELINE.p99MsMax && figures.non2xx === 0 && figures.errors === 0;
        const gated = mode.gated && route.gated;
        if (gated) ok &&= pass;
        summary[`${mode.pageCacheMs ? 'cached' : 'uncached'} ${route.name}`] = {
          ...figures,
          ok: pass,
        };
        rows.push([
          mode.pageCacheMs ? 'cached' : 'uncached',
          route.name,
          figures.reqPerS,
          figures.clientP50Ms,
          figures.clientP99Ms,
          figures.serverP50Ms,
          figures.serverP99Ms,
          figures.cpuMsPerRequest,
          pass ? 'ok' : gated ? 'OVER' : 'over (not gated)',
        ]);
      }
    } finally {
      if (mode.gated) await measureSizes(address);
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }

  async function measureSizes(address: string): Promise<void> {
    const sized = [
      '/',
      '/?page=2',
      `/stories/${info.bigStory}`,
      `/stories/${info.typicalStory}`,
      `/articles/a${info.bigStory.slice(1)}-1`,
      `/articles/a${info.bigStory.slice(1)}-1/edits`,
      '/topics',
      '/outlets',
      '/sources',
      '/search?q=harbo',
      '/api/v1/stories',
      `/api/v1/stories/${info.bigStory}`,
    ];
    for (const path of sized) {
      const started = performance.now();
      const res = await fetch(address + path);
      const body = await res.text();
      const ms = performance.now() - started;
      const bytes = Buffer.byteLength(body);
      const pass = res.status === 200 && bytes < BASELINE.pageBytesMax;
      ok &&= pass;
      summary[`size ${path}`] = { status: res.status, bytes, ok: pass };
      sizes.push([path, res.status, bytes, Number(ms.toFixed(1)), pass ? 'ok' : 'OVER']);
    }
  }

  const table = [
    `${counts.articles} articles, ${counts.stories} stories, ${counts.outlets} outlets, ${counts.topics} topics` +
      ` (store ${buildS > 5 ? `built in ${buildS.toFixed(0)} s` : 'reused'}: ${info.path})`,
    `${BASELINE.connections} concurrent clients (autocannon) for ${DURATION_S} s per route on loopback; ` +
      `client latency includes queueing; server = Fastify reply.elapsedTime; ` +
      `floor: server p99 ≤ ${BASELINE.p99MsMax} ms on the cached rows (what storyline serve runs); ` +
      `load average at start ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    formatTable(
      [
        'mode',
        'route',
        'req/s',
        'client p50',
        'client p99',
        'server p50',
        'server p99',
        'CPU ms/req',
        '',
      ],
      rows,
    ),
    '',
    `page sizes before images (floor < ${BASELINE.pageBytesMax} bytes), one request each`,
    formatTable(['path', 'status', 'bytes', 'ms', ''], sizes),
  ].join('\n');
  return { name: 'serve', table, summary: { articles: counts.articles, ...summary }, ok };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await run('');
  process.stdout.write(`${report.table}\n${JSON.stringify(report.summary)}\n`);
  process.exitCode = report.ok ? 0 : 1;
}
