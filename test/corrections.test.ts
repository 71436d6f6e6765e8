// Editors' corrections end to end on the sample corpus in a real SQLite file: a merge and a move
// are written to the store, survive a restart (warm-up replay), and are applied again when every
// derived row is rebuilt from the stored pages (reprocessing).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ingestPaths } from '../src/cli/ingest.js';
import { Pipeline, preparePage } from '../src/pipeline.js';
import { openStore, type ArticleRow, type Store } from '../src/store/index.js';
import { ROOT } from './helpers/run-cli.js';

const SAMPLE = join(ROOT, 'sample');
const NOW = new Date('2026-06-01T00:00:00Z');

async function articles(store: Store): Promise<ArticleRow[]> {
  const out: ArticleRow[] = [];
  for (const s of await store.listStories({ limit: 500 })) {
    const view = await store.getStory(s.id);
    for (const f of view?.families ?? []) out.push(...f.articles);
  }
  return out;
}

describe('story corrections', () => {
  let dir: string;
  let store: Store;
  let byFile: (file: string) => Promise<ArticleRow>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-corrections-'));
    store = await openStore(`sqlite:${join(dir, 'c.db')}`);
    const options = {
      maxPageBytes: 10 * 1024 * 1024,
      now: () => NOW,
      log: () => {},
      progress: false,
    };
    await ingestPaths(await Pipeline.open(store), [SAMPLE], options);
    byFile = async (file) => {
      const url = pathToFileURL(join(SAMPLE, file)).href;
      const found = (await articles(store)).find((a) => a.pageUrl === url && a.position === 0);
      assert.ok(found, file);
      return found;
    };
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('merges two stories and moves an article with its copies out of one', async () => {
    const pipeline = await Pipeline.open(store);
    const sport = await byFile('04-sport-coastal-cup-daily-lantern.txt');
    const comet = await byFile('04-science-comet-eastgate-times.html');
    const merge = await pipeline.correct({
      kind: 'merge',
      articleId: comet.id,
      withArticleId: sport.id,
    });
    assert.equal(merge.mergedStories.length, 1);
    assert.equal(
      (await byFile('04-science-comet-kestrel-news.html')).storyId,
      (await byFile('04-sport-coastal-cup-daily-lantern.txt')).storyId,
    );
    const copy = await byFile('04-press-release-water-mains-tidewater-chronicle.html');
    const before = copy.storyId;
    const move = await pipeline.correct({ kind: 'move', articleId: copy.id, toArticleId: null });
    assert.ok(move.moved);
    assert.notEqual(
      (await byFile('04-press-release-water-mains-tidewater-chronicle.html')).storyId,
      before,
    );
    // Copies of one text go together: the Pinewick copy of the press release moved too.
    assert.equal(
      (await byFile('04-press-release-water-mains-pinewick-post.html')).storyId,
      move.moved.to,
    );
    assert.equal((await store.corrections()).length, 2);
  });

  it('replays the corrections into memory when a pipeline opens on the store', async () => {
    const pipeline = await Pipeline.open(store);
    const sport = await byFile('04-sport-coastal-cup-daily-lantern.txt');
    const comet = await byFile('04-science-comet-kestrel-news.html');
    const again = await pipeline.correct({
      kind: 'merge',
      articleId: comet.id,
      withArticleId: sport.id,
    });
    assert.deepEqual(again.mergedStories, [], 'memory already holds the merge');
    const water = await byFile('04-press-release-water-mains-pinewick-post.html');
    assert.notEqual(
      water.storyId,
      (await byFile('04-transport-timetable-tidewater-chronicle.html')).storyId,
    );
  });

  it('follows a correction another process stored before it groups or corrects again', async () => {
    const stale = await Pipeline.open(store);
    const other = await Pipeline.open(store);
    const comet = await byFile('04-science-comet-kestrel-news.html');
    const cometStory = comet.storyId;
    const moved = await other.correct({ kind: 'move', articleId: comet.id, toArticleId: null });
    assert.ok(moved.moved);
    const sport = await byFile('04-sport-coastal-cup-daily-lantern.txt');
    assert.equal(sport.storyId, cometStory, 'the sport story stayed where the comet was');
    // The stale pipeline learns of the move first, so this merge has something to join.
    const merge = await stale.correct({
      kind: 'merge',
      articleId: comet.id,
      withArticleId: sport.id,
    });
    assert.equal(merge.mergedStories.length, 1);
  });

  it('refuses a correction naming an unknown article with NOT_FOUND', async () => {
    const pipeline = await Pipeline.open(store);
    await assert.rejects(pipeline.correct({ kind: 'move', articleId: 'nope', toArticleId: null }), {
      code: 'NOT_FOUND',
    });
  });

  it('keeps the corrections when every derived row is rebuilt from the stored pages', async () => {
    const stories = async () => new Map((await articles(store)).map((a) => [a.id, a.storyId]));
    const corrected = await stories();
    await store.clearDerived();
    const pipeline = await Pipeline.open(store);
    for await (const stored of store.storedPages()) {
      const page = await store.readPage(stored.id);
      assert.ok(page);
      const sha256 = createHash('sha256').update(page.body).digest('hex');
      await pipeline.placePrepared(page, sha256, stored.sourceUri, preparePage(page, NOW), NOW);
    }
    const rebuilt = await stories();
    const sameGrouping = (m: Map<string, string>) => {
      const groups = new Map<string, string[]>();
      for (const [a, s] of m) groups.set(s, [...(groups.get(s) ?? []), a]);
      return [...groups.values()].map((g) => g.sort().join(',')).sort();
    };
    assert.deepEqual(sameGrouping(rebuilt), sameGrouping(corrected));
  });

  it('keeps the corrections when the stored pages are rebuilt in one batch', async () => {
    const before = await articles(store);
    const pages = [];
    for await (const stored of store.storedPages()) {
      const page = await store.readPage(stored.id);
      assert.ok(page);
      const sha256 = createHash('sha256').update(page.body).digest('hex');
      pages.push({ page, sha256, sourceUri: stored.sourceUri, prepared: preparePage(page, NOW) });
    }
    await store.clearDerived();
    const pipeline = await Pipeline.open(store);
    // One call: the corrections fall due in the middle of the batch and apply there.
    await pipeline.placeBatch(pages.map((p) => ({ ...p, now: NOW })));
    const after = await articles(store);
    assert.deepEqual(grouping(after), grouping(before));
  });
});

/** The partition of articles into stories, independent of story ids. */
function grouping(rows: readonly ArticleRow[]): string[] {
  const groups = new Map<string, string[]>();
  for (const a of rows) groups.set(a.storyId, [...(groups.get(a.storyId) ?? []), a.id]);
  return [...groups.values()].map((g) => g.sort().join(',')).sort();
}
