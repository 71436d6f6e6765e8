// End to end on the bundled sample corpus: every page ingested into a real SQLite file, then
// the copy families and stories checked against sample/EXPECTED.json.
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ingestPaths, type IngestTotals } from '../src/cli/ingest.js';
import { Pipeline } from '../src/pipeline.js';
import { openStore, type ArticleRow, type Store } from '../src/store/index.js';
import { ROOT } from './helpers/run-cli.js';
import { describeEachDialect } from './helpers/dialects.js';

const SAMPLE = join(ROOT, 'sample');

interface Expected {
  families: string[][];
  stories: string[][];
  separate: [string, string][];
  notArticles: string[];
}

describeEachDialect('the sample corpus, end to end', (dialect) => {
  let dir: string;
  let store: Store;
  let totals: IngestTotals;
  let errors: string[];
  let expected: Expected;
  let articles: Map<string, ArticleRow>;

  before(async () => {
    expected = JSON.parse(await readFile(join(SAMPLE, 'EXPECTED.json'), 'utf8')) as Expected;
    dir = await mkdtemp(join(tmpdir(), 'storyline-sample-'));
    store = await openStore(
      dialect.name === 'sqlite' ? `sqlite:${join(dir, 'sample.db')}` : await dialect.url(),
    );
    errors = [];
    const options = {
      maxPageBytes: 10 * 1024 * 1024,
      now: () => new Date('2026-06-01T00:00:00Z'),
      log: (l: string) => errors.push(l),
      progress: false,
    };
    totals = await ingestPaths(await Pipeline.open(store), [SAMPLE], options);
    articles = await allArticles(store);
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** `file` is a page's main article; `file#N` is the N-th related article on that page. */
  function article(ref: string): ArticleRow {
    const [file, n] = ref.split('#');
    const url = pathToFileURL(join(SAMPLE, file!)).href;
    const found = [...articles.values()].find(
      (a) => a.pageUrl === url && a.position === Number(n ?? 0),
    );
    assert.ok(found, `no article for ${ref}`);
    return found;
  }

  it('ingests every page without an error', () => {
    assert.deepEqual(errors, []);
    assert.ok(totals.pages >= 30, `${totals.pages} pages`);
    assert.equal(totals.failed, 0);
    assert.equal(totals.notArticles, expected.notArticles.length);
  });

  it('puts every expected copy family together, with one original each', () => {
    for (const family of expected.families) {
      const rows = family.map(article);
      assert.equal(
        new Set(rows.map((r) => r.familyId)).size,
        1,
        `not one family: ${family.join(', ')}`,
      );
      const members = [...articles.values()].filter((a) => a.familyId === rows[0]!.familyId);
      assert.equal(
        members.filter((a) => a.isOriginal).length,
        1,
        `one original in ${family.join(', ')}`,
      );
    }
  });

  it('keeps articles outside expected families in families of their own making', () => {
    const inFamilies = new Set(expected.families.flat().map((r) => article(r).id));
    const familyIds = new Set(expected.families.map((f) => article(f[0]!).familyId));
    for (const a of articles.values()) {
      if (!inFamilies.has(a.id))
        assert.ok(
          !familyIds.has(a.familyId),
          `${a.pageUrl}#${a.position} joined a copy family it does not belong to`,
        );
    }
  });

  it('puts every expected story together', () => {
    for (const story of expected.stories) {
      const ids = new Set(story.map((r) => article(r).storyId));
      assert.equal(ids.size, 1, `not one story: ${story.join(', ')}`);
    }
  });

  it('keeps lookalike events in separate stories', () => {
    for (const [a, b] of expected.separate) {
      assert.notEqual(article(a).storyId, article(b).storyId, `${a} and ${b} share a story`);
    }
  });

  it('adds nothing when the corpus is ingested again', async () => {
    const again = await ingestPaths(await Pipeline.open(store), [SAMPLE], {
      maxPageBytes: 10 * 1024 * 1024,
      now: () => new Date(),
      log: () => {},
      progress: false,
    });
    assert.equal(again.inserted, 0);
    assert.equal(again.duplicates, totals.pages);
    assert.equal((await store.stats()).articles, articles.size);
  });
});

async function allArticles(store: Store): Promise<Map<string, ArticleRow>> {
  const out = new Map<string, ArticleRow>();
  for (const s of await store.listStories({ limit: 10_000 })) {
    const view = await store.getStory(s.id);
    for (const f of view?.families ?? []) for (const a of f.articles) out.set(a.id, a);
  }
  return out;
}
