// `npm run bench:scale`: how far one store goes. Generates a realistic corpus (wire stories with
// copies, follow-ups, lookalike events, independent articles; bench/scale/corpus.ts) and:
//   1. lane: N already-extracted articles grouped and stored by one process, on SQLite and on
//      PostgreSQL: articles/s, cost per article as the store grows, peak memory, size on disk;
//   2. workers: the same pages end to end (tagging included) through the job queue with 1, 2
//      and 4 `storyline worker` processes on PostgreSQL;
//   3. check: the 4-worker partition equals a single-process run on the same input.
// Sizes: BENCH_SCALE_SIZES (lane, default 10000,100000), BENCH_SCALE_WORKER_SIZES (default
// 10000), BENCH_SCALE_WORKERS (default 1,2,4), BENCH_SCALE_CHECK=0 skips step 3. PostgreSQL:
// STORYLINE_TEST_POSTGRES_URL, or a throwaway cluster is started (test/store/start-postgres.sh).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { openJobQueue, sha256 } from '../../src/worker/index.js';
import { freshPostgresSchema } from '../../test/helpers/dialects.js';
import { partitionOf, singleProcessRun, waitForDrain } from '../../test/worker/scale-out.js';
import { generateCorpus } from './corpus.js';
import { pageOf } from './pages.js';
import { storeBytes } from './store-size.js';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '..', '..');
const list = (text: string | undefined, fallback: string) =>
  (text ?? fallback).split(',').filter(Boolean).map(Number);
const LANE_SIZES = list(process.env.BENCH_SCALE_SIZES, '10000,100000');
const WORKER_SIZES = list(process.env.BENCH_SCALE_WORKER_SIZES, '10000');
const WORKERS = list(process.env.BENCH_SCALE_WORKERS, '1,2,4');
const CHECK = process.env.BENCH_SCALE_CHECK !== '0';
const CORPUS_SEED = 11;

interface Row {
  run: string;
  store: string;
  workers: number;
  articles: number;
  articlesPerS: number;
  cpuMsPerArticle: number | null;
  /** Cost per article (wall ms) in the last tenth of the run over the first tenth. */
  costGrowth: number | null;
  peakRssMb: number;
  storeMb: number;
  note?: string;
}

function child(script: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.on('exit', (code) =>
      code === 0 ? done(out) : fail(new Error(`bench: ${script} exited ${code}`)),
    );
  });
}

async function lane(
  store: 'sqlite' | 'postgres',
  server: string,
  n: number,
  dir: string,
): Promise<Row> {
  const url =
    store === 'sqlite' ? `sqlite:${join(dir, `lane-${n}.db`)}` : await freshPostgresSchema(server);
  const r = JSON.parse(await child('lane.child.ts', [url, String(n), '10'])) as {
    articles: number;
    articlesPerS: number;
    cpuMsPerArticle: number;
    peakRssMb: number;
    storeMb: number;
    segments: { wallMsPerArticle: number; cpuMsPerArticle: number }[];
  };
  const first = r.segments[0]!;
  const last = r.segments[r.segments.length - 1]!;
  process.stderr.write(
    `lane ${store} ${n}: ${JSON.stringify(r.segments.map((s) => +s.cpuMsPerArticle.toFixed(2)))} cpu ms/article by tenth\n`,
  );
  return {
    run: 'lane',
    store,
    workers: 1,
    articles: r.articles,
    articlesPerS: r.articlesPerS,
    cpuMsPerArticle: r.cpuMsPerArticle,
    costGrowth: last.cpuMsPerArticle / first.cpuMsPerArticle,
    peakRssMb: r.peakRssMb,
    storeMb: r.storeMb,
  };
}

async function workers(
  server: string,
  n: number,
  count: number,
): Promise<{ row: Row; url: string }> {
  const url = await freshPostgresSchema(server);
  const schema = `boss_${randomBytes(4).toString('hex')}`;
  await (await openStore(url)).close();
  const setup = await openJobQueue(url, { schema });
  const procs = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', join(HERE, 'worker.child.ts'), url, schema], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const outputs = procs.map((p) => {
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    return () => out;
  });
  while (!outputs.every((o) => o().includes('ready'))) await new Promise((r) => setTimeout(r, 100));
  const started = Date.now();
  let batch = [];
  let line = 0;
  for (const a of generateCorpus(n, CORPUS_SEED)) {
    const page = pageOf(a, ++line);
    batch.push({ sha256: sha256(page.body), page, sourceUri: 'bench' });
    if (batch.length === 1000) {
      await setup.addPages(batch);
      batch = [];
    }
  }
  await setup.addPages(batch);
  await waitForDrain(url, n, 6 * 3600_000);
  const wallS = (Date.now() - started) / 1000;
  await setup.close();
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => p.once('exit', r))));
  const reports = outputs.map(
    (o) => JSON.parse(o().trim().split('\n').pop()!) as { peakRssMb: number; cpuS: number },
  );
  const cpuS = reports.reduce((s, r) => s + r.cpuS, 0);
  return {
    url,
    row: {
      run: 'workers',
      store: 'postgres',
      workers: count,
      articles: n,
      articlesPerS: n / wallS,
      cpuMsPerArticle: (cpuS * 1000) / n,
      costGrowth: null,
      peakRssMb: Math.max(...reports.map((r) => r.peakRssMb)),
      storeMb: (await storeBytes(url)) / 2 ** 20,
      note: "tagging included; cpu is the workers' own",
    },
  };
}

async function postgresServer(): Promise<{ url: string; stop: () => void }> {
  if (process.env.STORYLINE_TEST_POSTGRES_URL)
    return { url: process.env.STORYLINE_TEST_POSTGRES_URL, stop: () => {} };
  const script = join(ROOT, 'test', 'store', 'start-postgres.sh');
  const out = execFileSync('bash', [script], {
    encoding: 'utf8',
    env: {
      ...process.env,
      STORYLINE_TEST_POSTGRES_PORT: process.env.STORYLINE_TEST_POSTGRES_PORT ?? '55439',
    },
  });
  const url = /STORYLINE_TEST_POSTGRES_URL=(\S+)/.exec(out)![1]!;
  const dir = /STORYLINE_TEST_POSTGRES_DIR=(\S+)/.exec(out)![1]!;
  return { url, stop: () => execFileSync('bash', [script, 'stop', dir]) };
}

function table(rows: Row[]): string {
  const head = [
    'run',
    'store',
    'workers',
    'articles',
    'art/s',
    'cpu ms/art',
    'cost last/first tenth',
    'peak RSS MB',
    'store MB',
  ];
  const body = rows.map((r) => [
    r.run,
    r.store,
    String(r.workers),
    String(r.articles),
    r.articlesPerS.toFixed(0),
    r.cpuMsPerArticle?.toFixed(2) ?? '-',
    r.costGrowth?.toFixed(2) ?? '-',
    r.peakRssMb.toFixed(0),
    r.storeMb.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return [head, ...body]
    .map((cells) => cells.map((c, i) => c.padStart(widths[i]!)).join('  '))
    .join('\n');
}

const server = await postgresServer();
const dir = await mkdtemp(join(tmpdir(), 'storyline-bench-scale-'));
const rows: Row[] = [];
const checks: Record<string, boolean> = {};
try {
  for (const n of LANE_SIZES)
    for (const store of ['sqlite', 'postgres'] as const)
      rows.push(await lane(store, server.url, n, dir));
  for (const n of WORKER_SIZES) {
    let fourWorkers: string | null = null;
    for (const count of WORKERS) {
      const { row, url } = await workers(server.url, n, count);
      rows.push(row);
      if (count === 4) fourWorkers = url;
      process.stderr.write(`workers ${count} ${n}: ${row.articlesPerS.toFixed(0)} art/s\n`);
    }
    if (CHECK && fourWorkers) {
      const single = await freshPostgresSchema(server.url);
      const store = await openStore(single);
      await singleProcessRun(
        store,
        [...generateCorpus(n, CORPUS_SEED)].map((a, i) => pageOf(a, i + 1)),
      );
      await store.close();
      const [a, b] = [await partitionOf(single), await partitionOf(fourWorkers)];
      checks[`4 workers = one process on ${n} articles`] =
        JSON.stringify(a.families) === JSON.stringify(b.families) &&
        JSON.stringify(a.stories) === JSON.stringify(b.stories);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  server.stop();
}
process.stdout.write(table(rows) + '\n\n');
for (const [name, ok] of Object.entries(checks))
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${name}\n`);
process.stdout.write(JSON.stringify({ rows, checks }) + '\n');
if (Object.values(checks).some((ok) => !ok)) process.exitCode = 1;
