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
  describe(`topic reads (${dialect.name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore(await dialect.url(), { now: FIXED_NOW });
      const stories = [
        ['s-strike', '06', FERRY_STRIKE, [TOPIC_CALDER, TOPIC_ELLISON]],
        ['s-talks', '12', FERRY_STRIKE_EDITED, [TOPIC_ELLISON]],
        ['s-fair', '18', ORCHARD_FAIR, []],
      ] as const;
      for (const [id, hour, text, topics] of stories) {
        await store.savePage(
          pageToSave({
            url: `https://harbour-gazette.example/${id}`,
            fetchedAt: `2026-03-01T${hour}:00:00.000Z`,
            articles: [
              articleToSave({
                id: `a-${id}`,
                familyId: `f-${id}`,
                storyId: id,
                text,
                topics: [...topics],
              }),
            ],
          }),
        );
      }
    });
    afterEach(() => store.close());

    it('lists topics carried by the most stories first', async () => {
      assert.deepEqual(
        (await store.listTopics({ limit: 10 })).map((t) => [t.key, t.storyCount]),
        [
          ['person:mara-ellison', 2],
          ['place:calder-bay', 1],
        ],
      );
    });

    it("pages topics and a topic's stories by the key of the last row shown", async () => {
      const [top] = await store.listTopics({ limit: 1 });
      assert.equal(top?.key, 'person:mara-ellison');
      assert.deepEqual(
        (await store.listTopics({ limit: 5, after: top! })).map((t) => t.key),
        ['place:calder-bay'],
      );
      const [newest] = await store.listStoriesByTopic('person:mara-ellison', { limit: 1 });
      assert.deepEqual(
        (await store.listStoriesByTopic('person:mara-ellison', { limit: 5, after: newest! })).map(
          (s) => s.id,
        ),
        ['s-strike'],
      );
    });

    it('pages outlets by article count then name', async () => {
      const outlets = await store.listOutlets({ limit: 5 });
      assert.ok(outlets.length >= 1);
      assert.deepEqual(await store.listOutlets({ limit: 5, after: outlets.at(-1)! }), []);
      const past = { articleCount: outlets[0]!.articleCount, name: '' };
      assert.deepEqual(
        (await store.listOutlets({ limit: 5, after: past })).map((o) => o.name),
        outlets.map((o) => o.name),
      );
    });

    it('lists the stories of a topic, newest first, and nothing for an unknown topic', async () => {
      assert.deepEqual(
        (await store.listStoriesByTopic('person:mara-ellison', { limit: 10 })).map((s) => s.id),
        ['s-talks', 's-strike'],
      );
      assert.deepEqual(await store.listStoriesByTopic('place:nowhere', { limit: 10 }), []);
      assert.deepEqual(await store.getTopic('place:calder-bay'), TOPIC_CALDER);
      assert.equal(await store.getTopic('place:nowhere'), null);
    });
  });
}
