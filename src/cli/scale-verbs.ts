// Verbs for running on PostgreSQL with many processes (docs/scaling.md):
//   storyline worker [--concurrency N]      take jobs from the queue until stopped
//   storyline enqueue PATH...               queue a fetch-source job per file or folder
//   storyline migrate --to postgres://...   copy this store into an empty PostgreSQL store
//   storyline serve --no-worker             a stateless web process (no jobs, no polling)
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';
import { withoutPassword } from '../store/codec.js';
import { copyStore } from '../store/copy-store.js';
import { openStore } from '../store/index.js';
import { openJobQueue, startWorker, type RunningWorker } from '../worker/index.js';
import { runServe } from './store-verbs.js';

interface ScaleVerb {
  summary: string;
  usage: string;
  options: ParseArgsConfig['options'];
  run(config: Config, values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

const DB = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'max-page-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Options `serve` takes from this file. */
export const SERVE_SCALE_OPTIONS = { 'no-worker': { type: 'boolean' } } as const;

export const SCALE_VERBS: Record<string, ScaleVerb> = {
  worker: {
    summary: 'take jobs (fetch a source, process pages, regroup) from the PostgreSQL queue',
    usage: 'storyline worker [--concurrency N] [--database-url postgres://...]',
    options: { ...DB, concurrency: { type: 'string' } },
    run: (config, values) => runWorker(config, values),
  },
  enqueue: {
    summary: 'queue files and folders for the workers (PostgreSQL)',
    usage: 'storyline enqueue PATH... [--database-url postgres://...]',
    options: DB,
    run: (config, _values, paths) => runEnqueue(config, paths),
  },
  migrate: {
    summary: 'copy this store into an empty PostgreSQL database, comparing every table',
    usage: 'storyline migrate --to postgres://... [--data-dir DIR | --database-url sqlite:FILE]',
    options: { ...DB, to: { type: 'string' } },
    run: (config, values) => runMigrate(config, values.to as string | undefined),
  },
};

export async function runWorker(config: Config, values: Record<string, unknown>): Promise<number> {
  const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    process.stderr.write(
      `usage: ${SCALE_VERBS.worker!.usage}\n--concurrency takes a whole number from 1\n`,
    );
    return 2;
  }
  const running = await startBackgroundWorker(config, concurrency);
  await untilSignal();
  process.stderr.write('storyline: worker stopping\n');
  await running.stop();
  return 0;
}

export async function runEnqueue(config: Config, paths: string[]): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write(`usage: ${SCALE_VERBS.enqueue!.usage}\n`);
    return 2;
  }
  const queue = await openJobQueue(config.databaseUrl);
  try {
    // Workers read the paths: give them absolute ones, the same on every machine that mounts them.
    const { resolve } = await import('node:path');
    await queue.addSources(paths.map((p) => resolve(p)));
    process.stderr.write(
      `queued ${paths.length} source(s) on ${withoutPassword(config.databaseUrl)}\n`,
    );
    return 0;
  } finally {
    await queue.close();
  }
}

export async function runMigrate(config: Config, to: string | undefined): Promise<number> {
  if (!to) {
    process.stderr.write(`usage: ${SCALE_VERBS.migrate!.usage}\n`);
    return 2;
  }
  process.stderr.write(
    `copying ${withoutPassword(config.databaseUrl)} to ${withoutPassword(to)}\n`,
  );
  const report = await copyStore(config.databaseUrl, to, (line) =>
    process.stdout.write(line + '\n'),
  );
  const rows = report.reduce((n, r) => n + r.targetRows, 0);
  process.stdout.write(
    `copied ${report.length} tables, ${rows} rows; every count and checksum matches\n`,
  );
  return 0;
}

/**
 * `serve`: on PostgreSQL the web process also works jobs unless --no-worker, which makes it a
 * stateless web process (no jobs, no background polling) to run many of behind a load balancer.
 */
export async function runServeScaled(
  config: Config,
  values: Record<string, unknown>,
): Promise<number> {
  const noWorker = values['no-worker'] === true;
  const postgres = /^postgres(ql)?:\/\//.test(config.databaseUrl);
  const worker = postgres && !noWorker ? await startBackgroundWorker(config, 1) : null;
  try {
    return await runServe(config, noWorker ? { ...values, 'no-poll': true } : values);
  } finally {
    await worker?.stop();
  }
}

async function startBackgroundWorker(config: Config, concurrency: number): Promise<RunningWorker> {
  const store = await openStore(config.databaseUrl);
  const queue = await openJobQueue(config.databaseUrl).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const worker = await startWorker(store, queue, {
    maxPageBytes: config.maxPageBytes,
    concurrency,
    log: (line) => process.stderr.write(line + '\n'),
  });
  process.stderr.write(
    `storyline: worker taking jobs from ${withoutPassword(config.databaseUrl)}\n`,
  );
  return {
    async stop() {
      await worker.stop();
      await queue.close();
      await store.close();
    },
  };
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
