// Many workers, one PostgreSQL store: the same families and stories as one process, and no job
// lost or done twice when a worker dies. Needs PostgreSQL (STORYLINE_TEST_POSTGRES_URL); the
// 10,000-article version of the first test is part of `npm run bench:scale`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { generateCorpus } from '../../bench/scale/corpus.js';
import { pageOf } from '../../bench/scale/pages.js';
import { openStore, type Store } from '../../src/store/index.js';
import {
  openJobQueue,
  sha256,
  startWorker,
  type JobQueue,
  type RunningWorker,
} from '../../src/worker/index.js';
import { freshPostgresSchema } from '../helpers/dialects.js';
import { partitionOf, rowCounts, singleProcessRun, waitForDrain } from './scale-out.js';

const SERVER = process.env.STORYLINE_TEST_POSTGRES_URL;
/** Sized for npm test (~1 min on a loaded 2-core machine); `npm run bench:scale` runs 10,000. */
const ARTICLES = 250;
const FAST = { expireSeconds: 3, maintenanceSeconds: 1, pollingSeconds: 0.5 };
const log = () => {};

if (!SERVER)
  process.stderr.write('SKIP: worker tests need PostgreSQL (STORYLINE_TEST_POSTGRES_URL unset)\n');

interface Node {
  store: Store;
  queue: JobQueue;
  worker: RunningWorker;
}

async function startNode(url: string, schema: string, pagesPerJob = 1): Promise<Node> {
  const store = await openStore(url);
  const queue = await openJobQueue(url, { schema, timing: FAST, pagesPerJob });
  const worker = await startWorker(store, queue, { maxPageBytes: 1 << 24, log });
  return { store, queue, worker };
}

async function stopNode(node: Node): Promise<void> {
  await node.worker.stop();
  await node.queue.close();
  await node.store.close();
}

const pages = [...generateCorpus(ARTICLES, 7)].map((a, i) => pageOf(a, i + 1));
const toQueue = pages.map((page) => ({ sha256: sha256(page.body), page, sourceUri: 'generated' }));

let referenceUrl: Promise<string> | undefined;
/** The single-process run, once for both tests. */
function reference(): Promise<string> {
  referenceUrl ??= singleRun();
  return referenceUrl;
}

async function singleRun(): Promise<string> {
  const url = await freshPostgresSchema(SERVER!);
  const store = await openStore(url);
  await singleProcessRun(store, pages);
  await store.close();
  return url;
}

describe('workers on one PostgreSQL store', { skip: !SERVER }, () => {
  it(`group ${ARTICLES} articles into the same families and stories with 4 workers as with one process`, async () => {
    const single = await reference();
    const url = await freshPostgresSchema(SERVER!);
    const schema = `boss_${randomBytes(4).toString('hex')}`;
    // One page per job: copies of one wire story, queued side by side, are extracted at the
    // same moment by different workers.
    const nodes: Node[] = [];
    try {
      for (let i = 0; i < 4; i++) nodes.push(await startNode(url, schema));
      await nodes[0]!.queue.addPages(toQueue);
      await waitForDrain(url, ARTICLES, 240_000);
    } finally {
      for (const node of nodes) await stopNode(node);
    }
    const [expected, actual] = [await partitionOf(single), await partitionOf(url)];
    assert.equal(actual.articles, ARTICLES);
    assert.ok(expected.families.length < ARTICLES * 0.8, 'the corpus has copy families');
    assert.deepEqual(actual.families, expected.families);
    assert.deepEqual(actual.stories, expected.stories);
    assert.deepEqual(await rowCounts(url), await rowCounts(single));
  });

  it('loses no job and does none twice when a worker is killed mid-run', async () => {
    const single = await reference();
    const url = await freshPostgresSchema(SERVER!);
    const schema = `boss_${randomBytes(4).toString('hex')}`;
    const setup = await openJobQueue(url, { schema, timing: FAST, pagesPerJob: 10 });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(import.meta.dirname, 'worker.child.ts'), url, schema],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let grouped = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString().matchAll(/grouped (\d+)/g)) grouped += Number(m[1]);
    });
    try {
      await setup.addPages(toQueue);
      // Kill it while it has grouped some pages and holds jobs for more.
      const deadline = Date.now() + 120_000;
      while (grouped === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      assert.ok((await partitionOf(url)).articles < ARTICLES, 'killed before the end');
    } finally {
      child.kill('SIGKILL');
      await setup.close();
    }
    const survivor = await startNode(url, schema, 10);
    try {
      await waitForDrain(url, ARTICLES, 240_000);
    } finally {
      await stopNode(survivor);
    }
    const [expected, actual] = [await partitionOf(single), await partitionOf(url)];
    assert.deepEqual(actual.families, expected.families);
    assert.deepEqual(actual.stories, expected.stories);
    assert.deepEqual(await rowCounts(url), await rowCounts(single));
  });
});
