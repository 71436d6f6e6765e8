// `storyline ingest` saves pages in batches (Pipeline.processPages): the bundled sample corpus,
// ingested in one batch, must group exactly as page by page, and a page whose save fails must
// cost only itself, in a real SQLite file. With saves on a thread the next batch is grouped
// while the last is saved; when that save fails, the batch grouped on top of it is grouped
// again after the failed one is placed page by page, never saved as first grouped.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../src/cli/ingest.js';
import { findFiles, readInputFile } from '../src/ingest/read-files.js';
import { fetchTimeOf } from '../src/ingest/saved-at.js';
import { Pipeline, SAVE_BATCH_PAGES, type PageToProcess } from '../src/pipeline.js';
import type { Page } from '../src/types.js';
import { generateCorpus } from '../bench/scale/corpus.js';
import { pageOf } from '../bench/scale/pages.js';
import { openStore, type PageToSave, type Store } from '../src/store/index.js';
import { ROOT } from './helpers/run-cli.js';

const SAMPLE = join(ROOT, 'sample');
const NOW = new Date('2026-06-01T00:00:00Z');
const MAX_BYTES = 10 * 1024 * 1024;
/** Generated pages (wire copies, lookalikes), three batches and a bit, each at its fetch time. */
const GENERATED: Page[] = [...generateCorpus(3 * SAVE_BATCH_PAGES + 8, 5)].map((a, i) =>
  pageOf(a, i + 1),
);
const asItems = (pages: readonly Page[]): PageToProcess[] =>
  pages.map((page) => ({ page, sourceUri: null, now: page.fetchedAt }));

/**
 * `real`, refusing any save that holds a page whose URL `refuses` (as a full disk or a
 * constraint would), after `first` has seen the save.
 */
function refusing(
  real: Store,
  refuses: (url: string) => boolean,
  first: (inputs: readonly PageToSave[]) => Promise<void> = async () => undefined,
): Store {
  return {
    ...real,
    savePages: async (inputs) => {
      await first(inputs);
      if (inputs.some((i) => refuses(i.page.url))) throw new Error('disk full (test): refused');
      return real.savePages(inputs);
    },
  };
}

async function pageByPage(store: Store, pages: readonly Page[]): Promise<void> {
  const pipeline = await Pipeline.open(store);
  for (const page of pages) await pipeline.processPage(page, null, page.fetchedAt);
}

/** Families and stories as sorted lists of sorted article ids: the partition, not the ids. */
async function partition(store: Store): Promise<{ families: string[]; stories: string[] }> {
  const families: string[] = [];
  const stories: string[] = [];
  for (const s of await store.listStories({ limit: 500 })) {
    const view = await store.getStory(s.id);
    const ids = (view?.families ?? []).map((f) => f.articles.map((a) => a.id).sort());
    families.push(...ids.map((f) => f.join(' ')));
    stories.push(ids.flat().sort().join(' '));
  }
  return { families: families.sort(), stories: stories.sort() };
}

describe('ingest in batches', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-batches-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const ingest = async (store: Store, lines: string[] = []) =>
    ingestPaths(await Pipeline.open(store), [SAMPLE], {
      maxPageBytes: MAX_BYTES,
      now: () => NOW,
      log: (line) => lines.push(line),
      progress: false,
    });

  it('groups the sample corpus in one batch exactly as page by page', async () => {
    const batched = await openStore(`sqlite:${join(dir, 'batched.db')}`);
    const single = await openStore(`sqlite:${join(dir, 'single.db')}`);
    try {
      const totals = await ingest(batched);
      const pipeline = await Pipeline.open(single);
      for (const found of await findFiles([SAMPLE])) {
        if ('error' in found) continue;
        const input = await readInputFile(found.path, MAX_BYTES);
        const page = {
          url: input.url,
          fetchedAt: fetchTimeOf(input, NOW),
          body: input.bytes,
          contentType: input.contentType,
        };
        await pipeline.processPage(page, input.path, NOW);
      }
      assert.ok(totals.inserted > 30, `${totals.inserted} articles`);
      const expected = await partition(single);
      assert.ok(expected.families.length < totals.inserted, 'the corpus has copy families');
      assert.deepEqual(await partition(batched), expected);
    } finally {
      await batched.close();
      await single.close();
    }
  });

  it('reports a page whose save fails and stores the rest of its batch', async () => {
    const real = await openStore(`sqlite:${join(dir, 'refusing.db')}`);
    const refused = /01-wire-meridian-press/;
    // The real store, refusing any save that holds one page (as a full disk or a constraint
    // would): the batch fails, then every page is placed alone and only that one fails.
    const store = refusing(real, (url) => refused.test(url));
    try {
      const lines: string[] = [];
      const totals = await ingest(store, lines);
      assert.equal(totals.failed, 1, lines.join('\n'));
      assert.match(lines.join('\n'), /01-wire-meridian-press.*disk full \(test\)/);
      const clean = await openStore(`sqlite:${join(dir, 'clean.db')}`);
      try {
        const all = await ingest(clean);
        assert.equal(totals.pages, all.pages - 1);
        assert.equal(totals.inserted, all.inserted - 1);
        assert.equal((await real.stats()).articles, (await clean.stats()).articles - 1);
      } finally {
        await clean.close();
      }
    } finally {
      await real.close();
    }
  });

  it('groups batches saved on a thread, the next grouped during the save, as page by page', async () => {
    const threaded = await openStore(`sqlite:${join(dir, 'threaded.db')}`, { saveThread: true });
    const single = await openStore('sqlite::memory:');
    try {
      const results = await (await Pipeline.open(threaded)).processPages(asItems(GENERATED));
      assert.deepEqual(
        results.map((r) => ('error' in r ? 'error' : r.outcome.status)),
        GENERATED.map(() => 'processed'),
      );
      await pageByPage(single, GENERATED);
      const expected = await partition(single);
      assert.ok(expected.families.length < GENERATED.length, 'the corpus has copy families');
      assert.deepEqual(await partition(threaded), expected);
    } finally {
      await threaded.close();
      await single.close();
    }
  });

  it('groups again the batch grouped on top of one whose save failed', async () => {
    const real = await openStore(`sqlite:${join(dir, 'superseded.db')}`, { saveThread: true });
    const bad = GENERATED[10]!.url;
    const saved: number[] = [];
    // A slow save that refuses the page `bad`: the next batch is grouped and waiting by then.
    const store = refusing(
      real,
      (url) => url === bad,
      async (inputs) => {
        saved.push(GENERATED.findIndex((p) => p.url === inputs[0]!.page.url));
        await new Promise((resolve) => setTimeout(resolve, 30));
      },
    );
    const reference = await openStore('sqlite::memory:');
    try {
      const results = await (await Pipeline.open(store)).processPages(asItems(GENERATED));
      const failed = results.flatMap((r, i) => ('error' in r ? [GENERATED[i]!.url] : []));
      assert.deepEqual(failed, [bad]);
      // The first batch, then its pages one by one, then the later batches: the second batch's
      // first grouping was never saved.
      const batch = SAVE_BATCH_PAGES;
      const onePerPage = Array.from({ length: batch }, (_, i) => i);
      assert.deepEqual(saved, [0, ...onePerPage, batch, 2 * batch, 3 * batch]);
      await pageByPage(
        reference,
        GENERATED.filter((p) => p.url !== bad),
      );
      assert.deepEqual(await partition(real), await partition(reference));
    } finally {
      await real.close();
      await reference.close();
    }
  });
});
