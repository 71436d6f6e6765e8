// The harness of the live-ingestion tests: a store, a pipeline and a fetcher tuned for a local
// fault server (short timeouts, no politeness delay, loopback allowed), polled on demand.
import { after, before } from 'node:test';
import { Fetcher, type FetchConfig } from '../../src/fetch/index.js';
import { Pipeline } from '../../src/pipeline.js';
import { pollContext, runPass, type PollConfig } from '../../src/poll/index.js';
import { openStore, type SourceRow, type Store } from '../../src/store/index.js';
import { articleParagraphs, type TestItem } from './feed-fixtures.js';
import { startFaultServer, type FaultServer } from './fault-server.js';

export const FAST_FETCH: Partial<FetchConfig> = {
  maxBytes: 512 * 1024,
  headersTimeoutMs: 500,
  bodyTimeoutMs: 200,
  totalTimeoutMs: 4000,
  hostDelayMs: 0,
  hostConcurrency: 4,
  retries: 1,
  retryBaseMs: 10,
  maxRetryWaitMs: 300,
  robots: false,
  allowAddresses: ['127.0.0.1'],
};
const POLL: Partial<PollConfig> = { sourceConcurrency: 4 };
export const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };

export interface Harness {
  store: Store;
  logs: string[];
  poll(uri?: string): Promise<void>;
  source(uri: string): Promise<SourceRow>;
  close(): Promise<void>;
}

export async function harness(
  databaseUrl = 'sqlite::memory:',
  fetch: Partial<FetchConfig> = FAST_FETCH,
  crash?: 'crash-once',
): Promise<Harness> {
  const store = await openStore(databaseUrl);
  const pipeline = await Pipeline.open(store);
  const fetcher = new Fetcher(fetch);
  const logs: string[] = [];
  const ctx = pollContext({
    store,
    pipeline,
    fetcher,
    config: POLL,
    log: (line) => void logs.push(line),
  });
  if (crash === 'crash-once') {
    // Stands in for a process killed after the fetch was queued and before it was processed.
    ctx.process = async () => {
      throw new Error('simulated crash before processing');
    };
  }
  return {
    store,
    logs,
    poll: async (uri) =>
      void (await runPass(ctx, { force: true, ...(uri ? { only: [uri] } : {}) })),
    source: async (uri) => (await store.listSources()).find((s) => s.uri === uri)!,
    close: async () => {
      // STORYLINE_TEST_LOGS=1 prints every poll line: the fault table in the report comes from it.
      if (process.env.STORYLINE_TEST_LOGS) for (const line of logs) console.log(line);
      await fetcher.close();
      await store.close();
    },
  };
}

export const item = (n: number, over: Partial<TestItem> = {}): TestItem => ({
  guid: `hg-${n}`,
  title: `Calder Bay report ${n}`,
  link: `https://harbour-gazette.example/news/${n}?utm_source=rss`,
  paragraphs: articleParagraphs(n),
  pubDate: 'Sun, 01 Mar 2026 09:00:00 GMT',
  ...over,
});

/** A fault server for the enclosing describe block, and polling helpers by path on it. */
export interface FaultSuite {
  readonly server: FaultServer;
  url(path: string): string;
  /** Adds the source at `path` to the current harness, polls it, and returns its health row. */
  pollOne(path: string, kind?: 'feed' | 'page'): Promise<SourceRow>;
  /** The last poll log line that names `path`. */
  lastLog(path: string): string;
}

/** Starts a fault server before the enclosing block's tests and closes it after them. */
export function useFaultServer(current: () => Harness): FaultSuite {
  let server: FaultServer | undefined;
  before(async () => {
    server = await startFaultServer();
  });
  after(async () => server?.close());
  const url = (path: string) => `${server!.origin}${path}`;
  return {
    get server() {
      return server!;
    },
    url,
    async pollOne(path, kind = 'feed') {
      const h = current();
      await h.store.addSource({ kind, uri: url(path) });
      await h.poll(url(path));
      return h.source(url(path));
    },
    lastLog: (path) =>
      current()
        .logs.filter((l) => l.includes(url(path)))
        .at(-1) ?? '',
  };
}
