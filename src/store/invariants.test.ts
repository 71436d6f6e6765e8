// Property test: whatever sequence of pages, merges and moves the grouping stages hand over,
// the stored aggregates agree with the rows they summarise.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  DIALECTS,
  FERRY_STRIKE,
  FERRY_STRIKE_EDITED,
  FIXED_NOW,
  ORCHARD_FAIR,
  articleToSave,
  pageToSave,
} from '../../test/store/store-fixtures.js';
import { openStore } from './index.js';
import type { PageToSave, Store } from './index.js';

const ARTICLES = ['a1', 'a2', 'a3', 'a4', 'a5'];
const FAMILIES = ['f1', 'f2', 'f3'];
const STORIES = ['s1', 's2', 's3'];
const TEXTS = [FERRY_STRIKE, FERRY_STRIKE_EDITED, ORCHARD_FAIR];
const OUTLETS = ['Harbour Gazette', 'Valley Courier', 'Island Times'];

const articleArb = fc.record({
  id: fc.constantFrom(...ARTICLES),
  familyId: fc.constantFrom(...FAMILIES),
  storyId: fc.constantFrom(...STORIES),
  text: fc.constantFrom(...TEXTS),
  outlet: fc.constantFrom(...OUTLETS),
  isOriginal: fc.boolean(),
});
const mergeArb = (pool: string[]) =>
  fc.record({ from: fc.constantFrom(...pool), into: fc.constantFrom(...pool) });
const pageArb = fc.record({
  articles: fc.uniqueArray(articleArb, { minLength: 1, maxLength: 3, selector: (a) => a.id }),
  mergedFamilies: fc.array(mergeArb(FAMILIES), { maxLength: 1 }),
  mergedStories: fc.array(mergeArb(STORIES), { maxLength: 1 }),
});

type PageSpec = typeof pageArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(page: PageSpec, n: number, run: number): PageToSave {
  return pageToSave({
    url: `https://island-times.example/run-${run}/page-${n}`,
    fetchedAt: new Date(Date.UTC(2026, 2, 1, n)).toISOString(),
    articles: page.articles.map((a, position) => articleToSave({ ...a, position })),
    mergedFamilies: page.mergedFamilies,
    mergedStories: page.mergedStories,
  });
}

async function checkInvariants(store: Store): Promise<void> {
  const stats = await store.stats();
  const stories = await store.listStories({ limit: 100 });
  assert.equal(stories.length, stats.stories);
  let articles = 0;
  let families = 0;
  for (const summary of stories) {
    const view = await store.getStory(summary.id);
    assert.ok(view);
    const rows = view.families.flatMap((f) => f.articles);
    assert.equal(view.story.articleCount, rows.length, 'story article count');
    assert.equal(view.story.familyCount, view.families.length, 'story family count');
    assert.deepEqual(
      [...view.story.outlets].sort(),
      [...new Set(rows.map((r) => r.outlet))].sort(),
      'story outlets',
    );
    assert.ok(view.story.headline.length > 0, 'headline');
    for (const family of view.families) {
      assert.ok(family.articles.length > 0, 'no empty family');
      const originals = family.articles.filter((a) => a.isOriginal);
      assert.deepEqual(
        originals.map((a) => a.id),
        [family.originalId],
        'exactly one original, the recorded one',
      );
      assert.equal(family.articles[0]?.id, family.originalId, 'original listed first');
      for (const a of family.articles) {
        assert.equal(a.familyId, family.id);
        assert.equal(a.storyId, view.story.id);
      }
    }
    articles += rows.length;
    families += view.families.length;
  }
  assert.equal(articles, stats.articles, 'no article outside a listed story');
  assert.equal(families, stats.families, 'no family outside a listed story');
}

/** Sequences per dialect: enough to hit merges into moved families, kept to about a second. */
const RUNS = 40;

for (const dialect of DIALECTS) {
  describe(`store invariants (${dialect.name})`, () => {
    let store: Store;
    before(async () => {
      store = await openStore(await dialect.url(), { now: FIXED_NOW });
    });
    after(() => store.close());

    it('keeps counts, originals and memberships consistent through any sequence of pages', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(pageArb, { minLength: 1, maxLength: 6 }), async (pages) => {
          // One store for all runs (a fresh PostgreSQL schema costs a migration each): clear
          // what the last run derived; run-specific URLs keep earlier pages from counting.
          await store.clearDerived();
          run += 1;
          for (const [n, page] of pages.entries()) await store.savePage(toInput(page, n, run));
          await checkInvariants(store);
        }),
        { numRuns: RUNS, seed: 20260301 },
      );
    });
  });
}
