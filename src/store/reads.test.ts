import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
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
import type { Store } from './index.js';
import { MAX_LIST_ROWS, pageWindow } from './kysely-store.js';

for (const dialect of DIALECTS) {
  describe(`store reads (${dialect.name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore(await dialect.url(), { now: FIXED_NOW });
    });
    afterEach(() => store.close());

    async function saveStory(id: string, fetchedAt: string, text: string): Promise<void> {
      await store.savePage(
        pageToSave({
          url: `https://harbour-gazette.example/${id}`,
          fetchedAt,
          articles: [
            articleToSave({
              id: `a-${id}`,
              familyId: `f-${id}`,
              storyId: id,
              text,
              title: `Story ${id}`,
            }),
          ],
        }),
      );
    }

    it('lists stories most recently updated first, page by page', async () => {
      await saveStory('s-old', '2026-03-01T06:00:00.000Z', FERRY_STRIKE);
      await saveStory('s-new', '2026-03-01T18:00:00.000Z', ORCHARD_FAIR);
      await saveStory('s-mid', '2026-03-01T12:00:00.000Z', FERRY_STRIKE_EDITED);
      assert.deepEqual(
        (await store.listStories({ limit: 10 })).map((s) => s.id),
        ['s-new', 's-mid', 's-old'],
      );
      assert.deepEqual(
        (await store.listStories({ limit: 1, offset: 1 })).map((s) => [
          s.id,
          s.headline,
          s.outlets,
        ]),
        [['s-mid', 'Story s-mid', ['Harbour Gazette']]],
      );
      assert.deepEqual(await store.listStories({ limit: 10, offset: 3 }), []);
      // A negative limit means "no limit" to SQLite; the store reads it as zero rows.
      assert.deepEqual(await store.listStories({ limit: -1 }), []);
    });

    it('pages by key: a story updated between two pages neither repeats nor hides the rest', async () => {
      await saveStory('s-old', '2026-03-01T06:00:00.000Z', FERRY_STRIKE);
      await saveStory('s-new', '2026-03-01T18:00:00.000Z', ORCHARD_FAIR);
      await saveStory('s-mid', '2026-03-01T12:00:00.000Z', FERRY_STRIKE_EDITED);
      const [first] = await store.listStories({ limit: 1 });
      assert.equal(first?.id, 's-new');
      // A fresh story lands on top between the two requests: an offset would now show s-new again.
      await saveStory('s-newest', '2026-03-01T20:00:00.000Z', 'Gulls nest on the lighthouse.');
      assert.deepEqual(
        (await store.listStories({ limit: 1, offset: 1 })).map((s) => s.id),
        ['s-new'],
      );
      const rest = await store.listStories({ limit: 10, after: first! });
      assert.deepEqual(
        rest.map((s) => s.id),
        ['s-mid', 's-old'],
      );
      assert.deepEqual(await store.listStories({ limit: 10, after: rest[1]! }), []);
    });

    it('breaks a tie of update times by id when paging by key', async () => {
      for (const id of ['s-b', 's-a', 's-c']) {
        await saveStory(id, '2026-03-01T06:00:00.000Z', `${FERRY_STRIKE} ${id}`);
      }
      const [first] = await store.listStories({ limit: 1 });
      assert.deepEqual(
        [first?.id, ...(await store.listStories({ limit: 5, after: first! })).map((s) => s.id)],
        ['s-a', 's-b', 's-c'],
      );
    });

    it('finds articles by words of their title or body, whatever the punctuation', async () => {
      await saveStory('s-ferry', '2026-03-01T06:00:00.000Z', FERRY_STRIKE);
      await saveStory('s-fair', '2026-03-01T07:00:00.000Z', ORCHARD_FAIR);
      assert.deepEqual(
        (await store.search('ORCHARD fair!', 10)).map((a) => a.id),
        ['a-s-fair'],
      );
      assert.deepEqual(
        (await store.search('"Ellison" (union:', 10)).map((a) => a.id),
        ['a-s-ferry'],
      );
      assert.deepEqual(await store.search('   ', 10), []);
    });

    it('finds stories through their articles, each story once, best match first', async () => {
      await saveStory('s-ferry', '2026-03-01T06:00:00.000Z', FERRY_STRIKE);
      await saveStory('s-fair', '2026-03-01T07:00:00.000Z', ORCHARD_FAIR);
      await store.savePage(
        pageToSave({
          url: 'https://harbour-gazette.example/s-ferry-2',
          fetchedAt: '2026-03-01T08:00:00.000Z',
          articles: [
            articleToSave({
              id: 'a-s-ferry-2',
              familyId: 'f-s-ferry-2',
              storyId: 's-ferry',
              text: FERRY_STRIKE_EDITED,
              title: 'Ferry strike talks',
            }),
          ],
        }),
      );
      assert.equal((await store.search('ferry', 10)).length, 2);
      assert.deepEqual(
        (await store.searchStories('ferry', 10)).map((s) => [s.id, s.articleCount]),
        [['s-ferry', 2]],
      );
      assert.deepEqual(
        (await store.searchStories('orchard', 10)).map((s) => s.id),
        ['s-fair'],
      );
      assert.deepEqual(await store.searchStories('zeppelin', 10), []);
    });

    it('searches the current text of a revised article, not the old one', async () => {
      await saveStory('s-ferry', '2026-03-01T06:00:00.000Z', FERRY_STRIKE);
      await saveStory('s-ferry', '2026-03-01T09:00:00.000Z', ORCHARD_FAIR);
      assert.deepEqual(await store.search('ferry crews', 10), []);
      assert.deepEqual(
        (await store.search('orchard', 10)).map((a) => [a.id, a.revision]),
        [['a-s-ferry', 2]],
      );
    });

    it('records source fetches: success resets failures, failure counts them', async () => {
      const uri = 'https://harbour-gazette.example/rss';
      const id = await store.addSource({ kind: 'feed', uri, title: 'Harbour Gazette' });
      assert.equal(await store.addSource({ kind: 'page', uri }), id);
      await store.recordSourceFetch(uri, {
        at: '2026-03-01T06:00:00.000Z',
        error: 'timeout after 10 s',
      });
      await store.recordSourceFetch(uri, {
        at: '2026-03-01T07:00:00.000Z',
        error: 'timeout after 10 s',
      });
      let [source] = await store.listSources();
      assert.deepEqual(
        [source?.kind, source?.failures, source?.lastError, source?.lastOkAt],
        ['feed', 2, 'timeout after 10 s', null],
      );
      await store.recordSourceFetch(uri, {
        at: '2026-03-01T08:00:00.000Z',
        error: null,
        etag: '"v2"',
        lastModified: 'Sun, 01 Mar 2026 08:00:00 GMT',
      });
      [source] = await store.listSources();
      assert.deepEqual(
        [source?.failures, source?.lastError, source?.lastOkAt, source?.etag, source?.addedAt],
        [0, null, '2026-03-01T08:00:00.000Z', '"v2"', FIXED_NOW().toISOString()],
      );
      assert.equal(await store.removeSource(uri), true);
      assert.equal(await store.removeSource(uri), false);
    });
  });
}

describe('pageWindow', () => {
  it('turns negative, fractional and huge limits into a bounded window', () => {
    assert.deepEqual(pageWindow(-1, -5), { limit: 0, offset: 0 });
    assert.deepEqual(pageWindow(2.7, 3.2), { limit: 2, offset: 3 });
    assert.deepEqual(pageWindow(Number.NaN), { limit: 0, offset: 0 });
    assert.deepEqual(pageWindow(1e9, 10), { limit: MAX_LIST_ROWS, offset: 10 });
  });
});

for (const dialect of DIALECTS) {
  describe(`search on a very long article (${dialect.name})`, () => {
    it('saves it and finds words from its start', async () => {
      const store = await openStore(await dialect.url(), { now: FIXED_NOW });
      // ~3 MB of distinct words: over PostgreSQL's 1 MB tsvector limit if indexed whole.
      const words = Array.from({ length: 300_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
      const text = `Lighthouse keepers ${words}`;
      await store.savePage(
        pageToSave({
          url: 'https://island-times.example/long',
          fetchedAt: '2026-03-01T06:00:00.000Z',
          articles: [articleToSave({ id: 'long', familyId: 'f', storyId: 's', text })],
        }),
      );
      assert.deepEqual(
        (await store.search('lighthouse', 5)).map((a) => a.id),
        ['long'],
      );
      await store.close();
    });
  });
}
