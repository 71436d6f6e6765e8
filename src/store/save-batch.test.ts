// savePages against saving its pages one at a time: what a batch reads ahead and holds back to
// its end (save-batch.ts) must store exactly what the page-by-page statements store.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  DIALECTS,
  FERRY_STRIKE,
  FERRY_STRIKE_EDITED,
  FIXED_NOW,
  ORCHARD_FAIR,
  TOPIC_CALDER,
  TOPIC_ELLISON,
  articleToSave,
  pageToSave,
  relatedItem,
  type PageSpec,
} from '../../test/store/store-fixtures.js';
import { openStore } from './index.js';
import type { ArticleToSave, Store } from './index.js';

for (const dialect of DIALECTS) {
  describe(`savePages batch (${dialect.name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore(await dialect.url(), { now: FIXED_NOW });
    });
    afterEach(() => store.close());

    it('stores the same counts, originals and headlines for a batch as for its pages one by one', async () => {
      const article = (
        id: string,
        familyId: string,
        storyId: string,
        text: string,
        isOriginal = true,
      ) => articleToSave({ id, familyId, storyId, text, isOriginal, title: `Headline ${id}` });
      const page = (n: number, articles: ArticleToSave[], extra: Partial<PageSpec> = {}) =>
        pageToSave({
          url: `https://harbour-gazette.example/news/${n}`,
          fetchedAt: `2026-03-01T1${n}:00:00.000Z`,
          articles,
          ...extra,
        });
      // Later pages move, merge and revise what earlier pages of the same batch wrote.
      const pages = [
        page(1, [article('a1', 'f1', 's1', FERRY_STRIKE)]),
        page(2, [article('a2', 'f1', 's1', FERRY_STRIKE_EDITED, false)], {
          familyOriginals: [{ familyId: 'f1', originalId: 'a1' }],
        }),
        page(3, [article('a3', 'f2', 's2', ORCHARD_FAIR)]),
        page(4, [article('a4', 'f1', 's1', ORCHARD_FAIR, false)], {
          mergedStories: [{ from: 's2', into: 's1' }],
          mergedFamilies: [{ from: 'f2', into: 'f1' }],
          familyOriginals: [{ familyId: 'f1', originalId: 'a3' }],
        }),
        page(5, [article('a1', 'f1', 's1', `${FERRY_STRIKE} Talks resume.`, false)]),
      ];
      const oneByOne = await openStore(await dialect.url(), { now: FIXED_NOW });
      try {
        for (const p of pages) await oneByOne.savePages([p]);
        await store.savePages(pages);
        const view = async (s: Store) => ({
          story: (await s.getStory('s1'))?.story,
          topics: (await s.getStory('s1'))?.topics,
          gone: await s.getStory('s2'),
          family: await s.getFamily('f1'),
          merged: await s.getFamily('f2'),
          articles: await Promise.all(
            ['a1', 'a2', 'a3', 'a4'].map(async (id) => {
              const a = await s.getArticle(id);
              return a && [a.familyId, a.storyId, a.isOriginal, a.revision, a.paragraphs];
            }),
          ),
        });
        const expected = await view(oneByOne);
        assert.equal(expected.family?.articles.length, 4);
        assert.deepEqual(
          [expected.story?.articleCount, expected.story?.familyCount, expected.story?.headline],
          [4, 1, 'Headline a3'],
        );
        assert.deepEqual(
          expected.articles.map((a) => a?.[2]),
          [false, false, true, false],
        );
        assert.equal(expected.gone, null);
        assert.deepEqual(await view(store), expected);
      } finally {
        await oneByOne.close();
      }
    });

    // A batch without merges is read ahead and written at its end (save-batch.ts): these later
    // pages change rows that earlier pages of the batch only queued.
    it('stores for a batch without merges what its pages store one by one', async () => {
      const article = (id: string, familyId: string, storyId: string, text: string, extra = {}) =>
        articleToSave({ id, familyId, storyId, text, title: `Headline ${id}`, ...extra });
      const url = (n: number) => `https://harbour-gazette.example/news/${n}`;
      const page = (n: number, articles: ArticleToSave[], extra: Partial<PageSpec> = {}) =>
        pageToSave({
          url: url(n),
          fetchedAt: `2026-03-01T1${n}:00:00.000Z`,
          sourceUri: 'https://harbour-gazette.example/feed.xml',
          articles,
          ...extra,
        });
      const reprocessed = { body: '<html><body>the same bytes</body></html>' };
      const pages = [
        page(1, [article('b1', 'f1', 's1', FERRY_STRIKE, { topics: [TOPIC_CALDER] })]),
        // The related item goes again when the same bytes are reprocessed below.
        page(
          2,
          [article('b2', 'f2', 's2', ORCHARD_FAIR), relatedItem('b2-rel', 'Valley Courier')],
          {
            ...reprocessed,
          },
        ),
        // f1 moves to s3 while b1's row is still queued; b3 is revised while its row is.
        page(3, [article('b3', 'f1', 's3', FERRY_STRIKE_EDITED, { isOriginal: false })]),
        page(4, [
          article('b3', 'f1', 's3', `${FERRY_STRIKE} Mediators arrived.`, {
            isOriginal: false,
            topics: [],
          }),
        ]),
        page(5, [article('b2', 'f2', 's2', ORCHARD_FAIR, { topics: [TOPIC_ELLISON] })], {
          ...reprocessed,
          url: url(2),
        }),
        page(
          6,
          [
            article('b6', 'f6', 's1', ORCHARD_FAIR, { url: 'https://valley-courier.example/a' }),
            article('b6-gone', 'f7', 's1', ORCHARD_FAIR, { position: 1, topics: [TOPIC_CALDER] }),
          ],
          { body: 'page six' },
        ),
        // The same bytes again, where the articles (queued, not yet written) are no longer found.
        page(7, [], { url: url(6), body: 'page six' }),
      ];
      const oneByOne = await openStore(await dialect.url(), { now: FIXED_NOW });
      try {
        const expectedResults = [];
        for (const p of pages) expectedResults.push(...(await oneByOne.savePages([p])));
        const results = await store.savePages(pages);
        const view = async (s: Store) => ({
          stories: await Promise.all(['s1', 's2', 's3'].map((id) => s.getStory(id))),
          families: await Promise.all(['f1', 'f2', 'f6'].map((id) => s.getFamily(id))),
          articles: await Promise.all(
            ['b1', 'b2', 'b2-rel', 'b3', 'b6', 'b6-gone'].map(async (id) => {
              const a = await s.getArticle(id);
              return a && [a.familyId, a.storyId, a.isOriginal, a.revision, a.topics, a.outlet];
            }),
          ),
          search: (await s.search('mediators', 10)).map((a) => a.id),
        });
        const expected = await view(oneByOne);
        assert.deepEqual(
          expected.articles.map((a) => a?.slice(0, 4) ?? null),
          [['f1', 's3', true, 1], ['f2', 's2', true, 1], null, ['f1', 's3', false, 2], null, null],
        );
        assert.equal(expected.stories[0], null);
        assert.deepEqual(expected.search, ['b3']);
        assert.deepEqual(results, expectedResults);
        assert.deepEqual(await view(store), expected);
      } finally {
        await oneByOne.close();
      }
    });
  });
}
