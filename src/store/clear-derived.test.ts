import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DIALECTS,
  FERRY_STRIKE,
  FERRY_STRIKE_EDITED,
  FIXED_NOW,
  articleToSave,
  pageToSave,
} from '../../test/store/store-fixtures.js';
import { openStore } from './index.js';

for (const dialect of DIALECTS) {
  describe(`clearDerived (${dialect.name})`, () => {
    it('forgets articles and groups but keeps pages, so a replay rebuilds the same store', async () => {
      const store = await openStore(await dialect.url(), { now: FIXED_NOW });
      const url = 'https://harbour-gazette.example/ferry';
      const inputs = [
        pageToSave({
          url,
          fetchedAt: '2026-03-01T08:00:00.000Z',
          articles: [articleToSave({ id: 'a', familyId: 'f', storyId: 's', text: FERRY_STRIKE })],
        }),
        pageToSave({
          url,
          fetchedAt: '2026-03-01T09:00:00.000Z',
          articles: [
            articleToSave({ id: 'a', familyId: 'f', storyId: 's', text: FERRY_STRIKE_EDITED }),
          ],
        }),
      ];
      for (const input of inputs) await store.savePage(input);
      const before = await store.getStory('s');

      await store.clearDerived();
      const cleared = await store.stats();
      assert.deepEqual(
        [cleared.pages, cleared.articles, cleared.families, cleared.stories, cleared.topics],
        [2, 0, 0, 0, 0],
      );
      assert.deepEqual(await store.search('ferry', 10), []);
      const pages = [];
      for await (const page of store.storedPages()) pages.push(page.sha256);
      assert.deepEqual(
        pages,
        inputs.map((i) => i.sha256),
      );

      // Replaying the stored pages in order gives back the same story, revision included.
      for (const input of inputs) assert.equal((await store.savePage(input)).pageExisted, true);
      assert.deepEqual(await store.getStory('s'), before);
      assert.equal((await store.articleRevisions('a')).length, 1);
      await store.close();
    });
  });
}
