// Verbs that open the store: ingest, serve, start, stats.
import { mkdir } from 'node:fs/promises';
import type { Config } from '../config.js';
import { openStore, type Store, type StoreOptions } from '../store/index.js';
import { Pipeline } from '../pipeline.js';
import { liveSources } from './source-verbs.js';
import { buildApp, SERVER_PAGE_CACHE_MS, startServer } from '../serve/index.js';
import { diffCopy } from '../families/index.js';
import { summarise as summariseStory } from '../enrich/index.js';
import { ingestPaths, summarise } from './ingest.js';

async function open(config: Config, options: StoreOptions = {}): Promise<Store> {
  // The SQLite file lives in the data folder; create it on first run.
  if (config.databaseUrl.startsWith('sqlite:')) await mkdir(config.dataDir, { recursive: true });
  return openStore(config.databaseUrl, options);
}

export async function runIngest(config: Config, paths: string[], quiet: boolean): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write('usage: storyline ingest PATH...\n');
    return 2;
  }
  // A batch writer: the next batch is grouped while the last is written on a second thread.
  const store = await open(config, { saveThread: true });
  try {
    const totals = await ingest(store, config, paths, quiet);
    return totals.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

async function ingest(store: Store, config: Config, paths: string[], quiet: boolean) {
  const pipeline = await Pipeline.open(store);
  const totals = await ingestPaths(pipeline, paths, {
    maxPageBytes: config.maxPageBytes,
    now: () => new Date(),
    log: (line) => process.stderr.write(line + '\n'),
    progress: !quiet,
  });
  process.stderr.write(summarise(totals) + '\n');
  return totals;
}

export async function runStats(config: Config): Promise<number> {
  const store = await open(config);
  try {
    const stats = await store.stats();
    for (const [name, count] of Object.entries(stats))
      process.stdout.write(`${name.padEnd(9)} ${count}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function runServe(
  config: Config,
  values: Record<string, unknown> = {},
): Promise<number> {
  return serve(await open(config), config, values);
}

/** `npm start`: a newcomer's first run. Fills an empty store with the sample corpus, then serves. */
export async function runStart(
  config: Config,
  values: Record<string, unknown> = {},
): Promise<number> {
  const store = await open(config);
  if ((await store.stats()).pages === 0) {
    process.stderr.write(`empty store: ingesting the sample corpus from ${config.sampleDir}\n`);
    await ingest(store, config, [config.sampleDir], false);
  }
  return serve(store, config, values);
}

async function serve(
  store: Store,
  config: Config,
  values: Record<string, unknown>,
): Promise<number> {
  // Live sources (issue 7): the API may add them (with STORYLINE_ADMIN_TOKEN), and they are
  // polled in the background unless --no-poll or STORYLINE_POLL=off.
  const live = liveSources(store, values);
  // The reader renders what the stages compute: the edit view and story summaries.
  const app = await buildApp({
    store,
    diff: diffCopy,
    summarise: summariseStory,
    sourceAdmin: live.sourceAdmin,
    // Editors' corrections (issue 5), with the same admin token. Each opens a pipeline warmed
    // from the store, so it decides on what is committed; the poller follows it before its next page.
    corrections: {
      token: process.env.STORYLINE_ADMIN_TOKEN ?? null,
      correct: async (request, note) => (await Pipeline.open(store)).correct(request, note),
    },
    config: { pageCacheMs: SERVER_PAGE_CACHE_MS },
  });
  const address = await startServer(app, { host: config.host, port: config.port });
  process.stderr.write(`storyline: serving the reader at ${address}\n`);
  await live.startPolling();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('storyline: shutting down\n');
  await live.stop();
  await app.close();
  await store.close();
  return 0;
}
