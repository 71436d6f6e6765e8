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
} from '../../test/store/store-fixtures.js';
import { openStore } from './index.js';
import type { Store } from './index.js';

for (const dialect of DIALECTS) {
  describe(`families and stories (${dialect.name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore(await dialect.url(), { now: FIXED_NOW });
    });
    afterEach(() => store.close());

    /** The wire original, then a house-styled copy in another family and story (not yet matched). */
    async function twoSeparateCopies(): Promise<void> {
      await store.savePage(
        pageToSave({
          url: 'https://northwind-wire.example/ferry',
          fetchedAt: '2026-03-01T08:00:00.000Z',
          articles: [
            articleToSave({
              id: 'wire',
              familyId: 'f-wire',
              storyId: 's-wire',
              text: FERRY_STRIKE,
              title: 'Calder Bay ferry crews walk out',
              outlet: 'Northwind Wire',
              topics: [TOPIC_CALDER, TOPIC_ELLISON],
            }),
          ],
        }),
      );
      await store.savePage(
        pageToSave({
          url: 'https://harbour-gazette.example/ferry',
          fetchedAt: '2026-03-01T09:00:00.000Z',
          articles: [
            articleToSave({
              id: 'gazette',
              familyId: 'f-gazette',
              storyId: 's-gazette',
              text: FERRY_STRIKE_EDITED,
              title: 'Ferry strike hits islands',
              outlet: 'Harbour Gazette',
              topics: [TOPIC_ELLISON],
            }),
          ],
        }),
      );
    }

    it('merges families and stories into the survivors and deletes the absorbed rows', async () => {
      await twoSeparateCopies();
      assert.equal((await store.stats()).stories, 2);
      // A third copy matches both: the grouping stage joins the families and their stories.
      await store.savePage(
        pageToSave({
          url: 'https://valley-courier.example/ferry',
          fetchedAt: '2026-03-01T10:00:00.000Z',
          articles: [
            articleToSave({
              id: 'courier',
              familyId: 'f-wire',
              storyId: 's-wire',
              text: FERRY_STRIKE,
              title: 'Ferry walkout',
              outlet: 'Valley Courier',
              isOriginal: false,
              topics: [TOPIC_ELLISON],
            }),
          ],
          mergedFamilies: [{ from: 'f-gazette', into: 'f-wire' }],
          mergedStories: [{ from: 's-gazette', into: 's-wire' }],
          familyOriginals: [{ familyId: 'f-wire', originalId: 'wire' }],
        }),
      );
      const stats = await store.stats();
      assert.equal(stats.families, 1);
      assert.equal(stats.stories, 1);
      assert.equal(await store.getStory('s-gazette'), null);
      const view = await store.getStory('s-wire');
      assert.ok(view);
      assert.deepEqual(view.story, {
        id: 's-wire',
        headline: 'Calder Bay ferry crews walk out',
        articleCount: 3,
        familyCount: 1,
        outlets: ['Northwind Wire', 'Harbour Gazette', 'Valley Courier'],
        firstSeen: '2026-03-01T08:00:00.000Z',
        lastUpdated: '2026-03-01T10:00:00.000Z',
      });
      assert.equal(view.families.length, 1);
      assert.equal(view.families[0]?.originalId, 'wire');
      assert.deepEqual(
        view.families[0]?.articles.map((a) => [a.id, a.isOriginal, a.storyId]),
        [
          ['wire', true, 's-wire'],
          ['gazette', false, 's-wire'],
          ['courier', false, 's-wire'],
        ],
      );
      // Ellison is carried by all three articles, Calder Bay by one: most carried first, not by name.
      assert.deepEqual(
        view.topics.map((t) => t.key),
        ['person:mara-ellison', 'place:calder-bay'],
      );
    });

    it('keeps exactly one original per family when the original changes', async () => {
      await twoSeparateCopies();
      await store.savePage(
        pageToSave({
          url: 'https://valley-courier.example/ferry-2',
          fetchedAt: '2026-03-01T10:00:00.000Z',
          articles: [
            articleToSave({
              id: 'courier',
              familyId: 'f-gazette',
              storyId: 's-gazette',
              text: FERRY_STRIKE,
              outlet: 'Valley Courier',
              isOriginal: true,
              credit: 'Northwind Wire',
            }),
          ],
          familyOriginals: [{ familyId: 'f-gazette', originalId: 'courier' }],
        }),
      );
      const view = await store.getStory('s-gazette');
      const family = view?.families[0];
      assert.equal(family?.originalId, 'courier');
      assert.deepEqual(
        family?.articles.map((a) => [a.id, a.isOriginal]),
        [
          ['courier', true],
          ['gazette', false],
        ],
      );
      // The headline follows the story's earliest original.
      assert.equal(view?.story.headline, 'Headline of courier');
    });

    it('counts families, articles and outlets of a story with copies and an independent report', async () => {
      const fetchedAt = '2026-03-01T12:00:00.000Z';
      await store.savePage(
        pageToSave({
          url: 'https://island-times.example/digest',
          fetchedAt,
          articles: [
            articleToSave({
              id: 'it-0',
              familyId: 'f-a',
              storyId: 's',
              text: FERRY_STRIKE,
              outlet: 'Island Times',
              title: null,
            }),
            articleToSave({
              id: 'it-1',
              position: 1,
              familyId: 'f-a',
              storyId: 's',
              text: FERRY_STRIKE_EDITED,
              outlet: 'Island Times',
              isOriginal: false,
              title: null,
            }),
            articleToSave({
              id: 'it-2',
              position: 2,
              familyId: 'f-b',
              storyId: 's',
              text: ORCHARD_FAIR,
              outlet: 'Valley Courier',
              title: null,
            }),
          ],
        }),
      );
      const view = await store.getStory('s');
      assert.equal(view?.story.articleCount, 3);
      assert.equal(view?.story.familyCount, 2);
      assert.deepEqual(view?.story.outlets, ['Island Times', 'Valley Courier']);
      assert.deepEqual(
        view?.families.map((f) => [f.id, f.articles.length]),
        [
          ['f-a', 2],
          ['f-b', 1],
        ],
      );
      // No titles anywhere: the headline falls back to the start of the earliest article.
      assert.ok(
        view?.story.headline.startsWith('CALDER BAY, March 1 (Northwind Wire) - Ferry crews'),
      );
      assert.ok((view?.story.headline.length ?? 0) <= 100);
    });

    it('removes a family and story left empty when their only article moves', async () => {
      await twoSeparateCopies();
      await store.savePage(
        pageToSave({
          url: 'https://harbour-gazette.example/ferry',
          fetchedAt: '2026-03-01T11:00:00.000Z',
          body: 'second fetch with the same text',
          articles: [
            articleToSave({
              id: 'gazette',
              familyId: 'f-wire',
              storyId: 's-wire',
              text: FERRY_STRIKE_EDITED,
              isOriginal: false,
            }),
          ],
          familyOriginals: [{ familyId: 'f-wire', originalId: 'wire' }],
        }),
      );
      assert.equal(await store.getStory('s-gazette'), null);
      const stats = await store.stats();
      assert.deepEqual([stats.families, stats.stories, stats.articles], [1, 1, 2]);
      assert.equal((await store.getStory('s-wire'))?.story.articleCount, 2);
    });
  });
}
