// Verbs for live input: `storyline poll` (one pass over due sources) and
// `storyline sources add|list|remove|import|export`, plus the background poller `serve` starts.
// Fetch settings come from flags, then the environment, then the fetcher's defaults:
//   --allow-address CIDR (repeatable) / STORYLINE_FETCH_ALLOW=cidr,cidr   SSRF allow-list
//   STORYLINE_HOST_DELAY_MS   pause between requests to one host
//   STORYLINE_USER_AGENT      replaces the default user agent
//   STORYLINE_POLL=off        serve without background polling (as --no-poll)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { StorylineError, describeError } from '../errors.js';
import { Fetcher, type FetchConfig } from '../fetch/index.js';
import { exportOpml, parseOpml } from '../feeds/index.js';
import { Pipeline } from '../pipeline.js';
import {
  BackgroundPoller,
  addSourceByUrl,
  checkedUrl,
  pollContext,
  runPass,
} from '../poll/index.js';
import { openStore, type SourceRow, type Store } from '../store/index.js';
import type { SourceAdmin } from '../serve/api/sources.js';

export const SOURCE_OPTIONS = {
  'allow-address': { type: 'string', multiple: true },
  kind: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  all: { type: 'boolean' },
  source: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
} as const;

async function open(config: Config): Promise<Store> {
  if (config.databaseUrl.startsWith('sqlite:')) await mkdir(config.dataDir, { recursive: true });
  return openStore(config.databaseUrl);
}

export function fetchConfigFrom(
  values: Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): Partial<FetchConfig> {
  const flags = (values['allow-address'] as string[] | undefined) ?? [];
  const fromEnv = (env.STORYLINE_FETCH_ALLOW ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const config: Partial<FetchConfig> = { allowAddresses: [...flags, ...fromEnv] };
  if (env.STORYLINE_HOST_DELAY_MS !== undefined) {
    const ms = Number.parseInt(env.STORYLINE_HOST_DELAY_MS, 10);
    if (!Number.isFinite(ms) || ms < 0)
      throw new StorylineError(
        'CONFIG_INVALID',
        `config: invalid STORYLINE_HOST_DELAY_MS: ${env.STORYLINE_HOST_DELAY_MS}`,
      );
    config.hostDelayMs = ms;
  }
  if (env.STORYLINE_USER_AGENT) config.userAgent = env.STORYLINE_USER_AGENT;
  return config;
}

function fetcherFor(values: Record<string, unknown>): Fetcher {
  try {
    return new Fetcher(fetchConfigFrom(values));
  } catch (error) {
    if (error instanceof StorylineError) throw error;
    throw new StorylineError(
      'CONFIG_INVALID',
      `config: invalid allow-list: ${describeError(error)}`,
    );
  }
}

/** `storyline poll`: the fetch queue, then every due source (`--all`: every source). */
export async function runPoll(config: Config, values: Record<string, unknown>): Promise<number> {
  const store = await open(config);
  const fetcher = fetcherFor(values);
  try {
    const pipeline = await Pipeline.open(store);
    const quiet = values.quiet === true;
    const ctx = pollContext({
      store,
      pipeline,
      fetcher,
      log: (line) => void (quiet || process.stderr.write(`${line}\n`)),
    });
    const only = values.source as string[] | undefined;
    const summary = await runPass(ctx, {
      force: values.all === true || only !== undefined,
      ...(only ? { only: only.map(checkedUrl) } : {}),
    });
    process.stderr.write(
      `poll: ${summary.polled} source(s) polled: ${summary.processed} with news or changes checked, ${summary.notModified} not modified, ${summary.failed} failed; ${summary.items} item(s) stored; ${summary.recovered} queued document(s) recovered\n`,
    );
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await fetcher.close();
    await store.close();
  }
}

/** `storyline sources SUBCOMMAND ...` */
export async function runSources(
  config: Config,
  values: Record<string, unknown>,
  args: string[],
): Promise<number> {
  const [sub, ...rest] = args;
  const usage =
    'usage: storyline sources add URL [--kind feed|sitemap|page] | list [--json] | remove URL | import FILE.opml | export [--out FILE]\n';
  if (sub === undefined || !['add', 'list', 'remove', 'import', 'export'].includes(sub)) {
    process.stderr.write(usage);
    return 2;
  }
  if ((sub === 'add' || sub === 'remove' || sub === 'import') && rest.length === 0) {
    process.stderr.write(usage);
    return 2;
  }
  const kind = values.kind as string | undefined;
  if (kind !== undefined && kind !== 'feed' && kind !== 'sitemap' && kind !== 'page') {
    process.stderr.write(`storyline sources: --kind must be feed, sitemap or page, not ${kind}\n`);
    return 2;
  }
  const store = await open(config);
  try {
    if (sub === 'list') return await list(store, values.json === true);
    if (sub === 'remove') return await remove(store, rest);
    if (sub === 'export') return await exportSources(store, values.out as string | undefined);
    if (sub === 'import') return await importSources(store, rest);
    return await add(store, values, rest, kind as 'feed' | 'sitemap' | 'page' | undefined);
  } finally {
    await store.close();
  }
}

async function add(
  store: Store,
  values: Record<string, unknown>,
  urls: string[],
  kind?: 'feed' | 'sitemap' | 'page',
): Promise<number> {
  const fetcher = fetcherFor(values);
  let failed = 0;
  try {
    for (const url of urls) {
      try {
        const added = await addSourceByUrl({ store, fetcher }, url, kind);
        process.stdout.write(
          `added ${added.kind} ${added.uri}${added.title ? ` "${added.title}"` : ''} (${added.note})\n`,
        );
      } catch (error) {
        failed += 1;
        process.stderr.write(`sources: unable to add ${url}: ${describeError(error)}\n`);
      }
    }
  } finally {
    await fetcher.close();
  }
  return failed > 0 ? 1 : 0;
}

async function list(store: Store, json: boolean): Promise<number> {
  const sources = await store.listSources();
  if (json) {
    for (const s of sources) process.stdout.write(`${JSON.stringify(s)}\n`);
    return 0;
  }
  if (sources.length === 0) {
    process.stdout.write('no sources yet: storyline sources add URL\n');
    return 0;
  }
  for (const s of sources) process.stdout.write(`${describeSource(s)}\n`);
  return 0;
}

/** One line of health per source: kind, URI, last success, last error, failures, next poll. */
export function describeSource(s: SourceRow): string {
  const health =
    s.lastError !== null
      ? `FAILING x${s.failures}: ${s.lastError}`
      : s.lastOkAt !== null
        ? `ok ${s.lastOkAt}`
        : 'never polled';
  const next = s.nextPollAt ? `; next ${s.nextPollAt}` : '';
  const every = s.pollIntervalS ? `; every ${Math.round(s.pollIntervalS / 60)} min` : '';
  return `${s.kind.padEnd(7)} ${s.uri}${s.title ? ` "${s.title}"` : ''}\n        ${health}${every}${next}`;
}

async function remove(store: Store, uris: string[]): Promise<number> {
  let missing = 0;
  for (const uri of uris) {
    if (await store.removeSource(uri))
      process.stdout.write(`removed ${uri} (its pages and articles stay)\n`);
    else {
      missing += 1;
      process.stderr.write(`sources: no source ${uri}\n`);
    }
  }
  return missing > 0 ? 1 : 0;
}

async function importSources(store: Store, files: string[]): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      const entries = parseOpml(await readFile(file));
      let added = 0;
      for (const entry of entries) {
        try {
          await store.addSource({
            kind: entry.kind,
            uri: checkedUrl(entry.url),
            title: entry.title,
          });
          added += 1;
        } catch (error) {
          failed += 1;
          process.stderr.write(`sources: ${file}: skipped ${entry.url}: ${describeError(error)}\n`);
        }
      }
      process.stdout.write(`imported ${added} of ${entries.length} source(s) from ${file}\n`);
    } catch (error) {
      failed += 1;
      process.stderr.write(`sources: unable to import ${file}: ${describeError(error)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

async function exportSources(store: Store, out: string | undefined): Promise<number> {
  const sources = (await store.listSources()).filter((s) => s.kind !== 'file');
  const opml = exportOpml(sources, new Date());
  if (out === undefined) process.stdout.write(opml);
  else {
    await writeFile(out, opml);
    process.stderr.write(`exported ${sources.length} source(s) to ${out}\n`);
  }
  return 0;
}

/**
 * What `serve` needs for live sources: the API's source admin (changes allowed with
 * STORYLINE_ADMIN_TOKEN; a URL is added with discovery) and the background poller, started
 * unless `--no-poll` or STORYLINE_POLL=off. `stop` waits for a running pass.
 */
export function liveSources(
  store: Store,
  values: Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): { sourceAdmin: SourceAdmin; startPolling(): Promise<void>; stop(): Promise<void> } {
  const fetcher = fetcherFor(values);
  let poller: BackgroundPoller | null = null;
  return {
    sourceAdmin: {
      token: env.STORYLINE_ADMIN_TOKEN ?? null,
      add: (url, kind) => addSourceByUrl({ store, fetcher }, url, kind),
    },
    async startPolling() {
      if (values['no-poll'] === true || /^(off|0|false|no)$/i.test(env.STORYLINE_POLL ?? '')) {
        process.stderr.write('storyline: background polling is off\n');
        return;
      }
      const pipeline = await Pipeline.open(store);
      poller = new BackgroundPoller(pollContext({ store, pipeline, fetcher }));
      poller.start();
      process.stderr.write(
        'storyline: polling sources in the background (--no-poll to turn off)\n',
      );
    },
    async stop() {
      await poller?.stop();
      await fetcher.close();
    },
  };
}
