import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isStorylineError } from '../errors.js';
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
} from '../../test/store/store-fixtures.js';
import { openStore } from './index.js';
import type { Store } from './index.js';

const PAGE_URL = 'https://www.harbour-gazette.example/news/ferry-strike';

for (const dialect of DIALECTS) {
  describe(`savePage (${dialect.name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore(await dialect.url(), { now: FIXED_NOW });
    });
    afterEach(() => store.close());

    it('round-trips a page, its main article and a related article', async () => {
      const main = articleToSave({
        id: 'gazette-0',
        familyId: 'f-ferry',
        storyId: 's-ferry',
        text: FERRY_STRIKE,
        title: 'Calder Bay ferry crews strike',
        credit: 'Northwind Wire',
        topics: [TOPIC_CALDER, TOPIC_ELLISON],
      });
      const related = articleToSave({
        id: 'gazette-1',
        position: 1,
        familyId: 'f-fair',
        storyId: 's-fair',
        text: ORCHARD_FAIR,
        title: 'Orchard fair opens',
        outlet: 'Valley Courier',
        topics: [],
      });
      const input = pageToSave({
        url: PAGE_URL,
        fetchedAt: '2026-03-01T10:00:00.000Z',
        articles: [main, related],
        sourceUri: 'https://www.harbour-gazette.example/rss',
      });
      const result = await store.savePage(input);
      assert.deepEqual(result, {
        pageId: result.pageId,
        pageExisted: false,
        inserted: 2,
        revised: 0,
        unchanged: 0,
      });

      const row = await store.getArticle('gazette-0');
      assert.ok(row);
      assert.equal(row.pageUrl, PAGE_URL);
      assert.equal(row.outlet, 'Harbour Gazette');
      assert.equal(row.text, FERRY_STRIKE);
      assert.deepEqual(row.paragraphs, main.article.paragraphs);
      assert.deepEqual(row.images, main.article.images);
      assert.equal(row.html, main.article.html);
      assert.equal(row.credit, 'Northwind Wire');
      assert.equal(row.byline, 'By Ines Marlow');
      assert.equal(row.wordCount, main.wordCount);
      assert.equal(row.revision, 1);
      assert.equal(row.isOriginal, true);
      assert.equal(row.firstSeen, '2026-03-01T10:00:00.000Z');
      assert.deepEqual(
        row.topics.map((t) => t.key),
        ['place:calder-bay', 'person:mara-ellison'],
      );
      assert.equal((await store.getArticle('gazette-1'))?.outlet, 'Valley Courier');
      assert.equal(await store.getArticle('missing'), null);
      assert.deepEqual(
        new TextDecoder().decode((await store.pageBody(result.pageId))!),
        new TextDecoder().decode(input.page.body),
      );
      assert.equal(await store.pageBody(result.pageId + 100), null);
      assert.deepEqual(await store.stats(), {
        pages: 1,
        articles: 2,
        families: 2,
        stories: 2,
        outlets: 2,
        topics: 2,
      });
      assert.deepEqual(
        (await store.listSources()).map((s) => [s.kind, s.uri]),
        [['page', 'https://www.harbour-gazette.example/rss']],
      );
    });

    it('detects a page it already holds and stores its bytes once', async () => {
      const input = pageToSave({
        url: PAGE_URL,
        fetchedAt: '2026-03-01T10:00:00.000Z',
        articles: [
          articleToSave({ id: 'gazette-0', familyId: 'f1', storyId: 's1', text: FERRY_STRIKE }),
        ],
      });
      assert.equal(await store.hasPage(input.sha256), false);
      const first = await store.savePage(input);
      assert.equal(await store.hasPage(input.sha256), true);
      const again = await store.savePage(input);
      assert.deepEqual(again, {
        pageId: first.pageId,
        pageExisted: true,
        inserted: 0,
        revised: 0,
        unchanged: 1,
      });
      assert.equal((await store.stats()).pages, 1);
    });

    it('keeps the old text as a revision when an article changes', async () => {
      const url = PAGE_URL;
      await store.savePage(
        pageToSave({
          url,
          fetchedAt: '2026-03-01T10:00:00.000Z',
          articles: [
            articleToSave({
              id: 'a',
              familyId: 'f1',
              storyId: 's1',
              text: FERRY_STRIKE,
              title: 'Ferry strike',
            }),
          ],
        }),
      );
      const revised = await store.savePage(
        pageToSave({
          url,
          fetchedAt: '2026-03-01T14:00:00.000Z',
          articles: [
            articleToSave({
              id: 'a',
              familyId: 'f1',
              storyId: 's1',
              text: FERRY_STRIKE_EDITED,
              title: 'Ferry strike (updated)',
            }),
          ],
        }),
      );
      assert.deepEqual([revised.inserted, revised.revised, revised.unchanged], [0, 1, 0]);
      const row = await store.getArticle('a');
      assert.equal(row?.text, FERRY_STRIKE_EDITED);
      assert.equal(row?.revision, 2);
      assert.equal(row?.pageId, revised.pageId);
      assert.equal(row?.firstSeen, '2026-03-01T10:00:00.000Z');
      const revisions = await store.articleRevisions('a');
      assert.equal(revisions.length, 1);
      assert.equal(revisions[0]?.text, FERRY_STRIKE);
      assert.equal(revisions[0]?.title, 'Ferry strike');
      assert.equal(revisions[0]?.seenAt, '2026-03-01T10:00:00.000Z');
      assert.equal((await store.getStory('s1'))?.story.lastUpdated, '2026-03-01T14:00:00.000Z');
    });

    it('only bumps last_seen when the same text is seen again', async () => {
      const article = () =>
        articleToSave({ id: 'a', familyId: 'f1', storyId: 's1', text: FERRY_STRIKE });
      await store.savePage(
        pageToSave({ url: PAGE_URL, fetchedAt: '2026-03-01T10:00:00.000Z', articles: [article()] }),
      );
      const seen = await store.savePage(
        pageToSave({ url: PAGE_URL, fetchedAt: '2026-03-01T18:00:00.000Z', articles: [article()] }),
      );
      assert.deepEqual([seen.inserted, seen.revised, seen.unchanged], [0, 0, 1]);
      const row = await store.getArticle('a');
      assert.equal(row?.revision, 1);
      assert.equal(row?.lastSeen, '2026-03-01T18:00:00.000Z');
      assert.deepEqual(await store.articleRevisions('a'), []);
      // Seeing the same text again is not news: the story keeps its place in the list.
      assert.equal((await store.getStory('s1'))?.story.lastUpdated, '2026-03-01T10:00:00.000Z');
    });

    it('forgets a dropped article in search, also once a later article takes its place', async () => {
      const main = () =>
        articleToSave({ id: 'p-0', familyId: 'f-main', storyId: 's-main', text: FERRY_STRIKE });
      const related = relatedItem('p-1');
      const fetchedAt = '2026-03-01T10:00:00.000Z';
      await store.savePage(pageToSave({ url: PAGE_URL, fetchedAt, articles: [main(), related] }));
      await store.savePage(pageToSave({ url: PAGE_URL, fetchedAt, articles: [main()] }));
      // The next article stored is numbered as the dropped one was (SQLite's index keys entries
      // by that number): the dropped text must not find it.
      await store.savePage(
        pageToSave({
          url: 'https://valley-courier.example/ferry',
          fetchedAt: '2026-03-01T12:00:00.000Z',
          articles: [
            articleToSave({
              id: 'v-0',
              familyId: 'f-v',
              storyId: 's-v',
              text: FERRY_STRIKE_EDITED,
            }),
          ],
        }),
      );
      assert.deepEqual(await store.search('orchard', 10), []);
      assert.deepEqual((await store.search('ferry', 10)).map((a) => a.id).sort(), ['p-0', 'v-0']);
    });

    it('drops articles a reprocess of the same bytes no longer finds, and only then', async () => {
      const main = () =>
        articleToSave({ id: 'p-0', familyId: 'f-main', storyId: 's-main', text: FERRY_STRIKE });
      const related = relatedItem('p-1', 'Valley Courier');
      const fetchedAt = '2026-03-01T10:00:00.000Z';
      await store.savePage(pageToSave({ url: PAGE_URL, fetchedAt, articles: [main(), related] }));
      // A new version of the page (other bytes) without the related item removes nothing.
      await store.savePage(
        pageToSave({ url: PAGE_URL, fetchedAt: '2026-03-01T11:00:00.000Z', articles: [main()] }),
      );
      assert.equal((await store.stats()).articles, 2);
      // The first bytes again, extracted better: the related item was clutter after all.
      const again = await store.savePage(
        pageToSave({ url: PAGE_URL, fetchedAt, articles: [main()] }),
      );
      assert.equal(again.pageExisted, true);
      assert.equal(await store.getArticle('p-1'), null);
      // Seen again through older bytes: last_seen never goes back in time.
      assert.equal((await store.getArticle('p-0'))?.lastSeen, '2026-03-01T11:00:00.000Z');
      assert.equal(await store.getStory('s-rel'), null);
      assert.deepEqual(await store.search('orchard', 10), []);
      const stats = await store.stats();
      assert.deepEqual([stats.articles, stats.families, stats.stories, stats.pages], [1, 1, 1, 2]);
    });

    it('writes nothing when any part of the page fails', async () => {
      await store.savePage(
        pageToSave({
          url: PAGE_URL,
          fetchedAt: '2026-03-01T10:00:00.000Z',
          articles: [articleToSave({ id: 'a', familyId: 'f1', storyId: 's1', text: FERRY_STRIKE })],
        }),
      );
      const before = await store.stats();
      const good = articleToSave({
        id: 'b',
        familyId: 'f1',
        storyId: 's1',
        text: FERRY_STRIKE_EDITED,
        outlet: 'Valley Courier',
      });
      const broken = articleToSave({ id: 'c', familyId: 'f2', storyId: 's2', text: ORCHARD_FAIR });
      // A NOT NULL column fed null: the kind of failure a bug upstream would cause.
      (broken.article as { text: string | null }).text = null;
      const input = pageToSave({
        url: 'https://valley-courier.example/strike',
        fetchedAt: '2026-03-01T11:00:00.000Z',
        articles: [good, broken],
        sourceUri: 'https://valley-courier.example/feed',
        mergedStories: [{ from: 's1', into: 's2' }],
      });
      await assert.rejects(store.savePage(input), (error) => {
        assert.ok(isStorylineError(error));
        assert.equal(error.code, 'STORE_FAILED');
        assert.match(
          error.message,
          /^store: unable to save page https:\/\/valley-courier\.example\/strike: /,
        );
        return true;
      });
      assert.deepEqual(await store.stats(), before);
      assert.equal(await store.hasPage(input.sha256), false);
      assert.equal(await store.getArticle('b'), null);
      assert.equal((await store.getStory('s1'))?.story.articleCount, 1);
      assert.deepEqual(await store.listSources(), []);
    });

    it('saves a batch of pages in order in one transaction, and none of them when one fails', async () => {
      const page = (n: number, text: string, familyId = `f${n}`) =>
        pageToSave({
          url: `https://harbour-gazette.example/news/${n}`,
          fetchedAt: `2026-03-01T1${n}:00:00.000Z`,
          articles: [articleToSave({ id: `p${n}`, familyId, storyId: 's1', text })],
        });
      const results = await store.savePages([page(1, FERRY_STRIKE), page(2, ORCHARD_FAIR)]);
      assert.deepEqual(
        results.map((r) => [r.inserted, r.pageExisted]),
        [
          [1, false],
          [1, false],
        ],
      );
      assert.ok(results[0]!.pageId < results[1]!.pageId, 'pages are written in input order');
      assert.equal((await store.getStory('s1'))?.story.articleCount, 2);
      const before = await store.stats();
      const broken = page(4, ORCHARD_FAIR);
      (broken.articles[0]!.article as { text: string | null }).text = null;
      const good = page(3, FERRY_STRIKE_EDITED, 'f1');
      await assert.rejects(store.savePages([good, broken]), (error) => {
        assert.ok(isStorylineError(error));
        assert.equal(error.code, 'STORE_FAILED');
        assert.match(error.message, /news\/4 \(and the 1 other pages of its batch\): /);
        return true;
      });
      assert.deepEqual(await store.stats(), before);
      assert.equal(await store.hasPage(good.sha256), false);
    });

    it('searches the last text a batch gave each article, and nothing of one it dropped', async () => {
      const url = 'https://harbour-gazette.example/news/ferry';
      const fetchedAt = '2026-03-01T10:00:00.000Z';
      const main = (text: string) =>
        articleToSave({ id: 'm-0', familyId: 'f-m', storyId: 's-m', text });
      const related = relatedItem('m-1');
      // One transaction: the page, a new version revising its main article, then the first
      // bytes reprocessed without the related item.
      await store.savePages([
        pageToSave({ url, fetchedAt, articles: [main(FERRY_STRIKE), related] }),
        pageToSave({
          url,
          fetchedAt: '2026-03-01T11:00:00.000Z',
          articles: [main(FERRY_STRIKE_EDITED)],
        }),
        pageToSave({ url, fetchedAt, articles: [main(FERRY_STRIKE_EDITED)] }),
      ]);
      assert.equal((await store.getArticle('m-0'))?.revision, 2);
      assert.equal(await store.getArticle('m-1'), null);
      // 'Ms' is only in the revised text, 'Northwind' only in the first.
      assert.deepEqual(
        (await store.search('Ms Ellison', 10)).map((a) => a.id),
        ['m-0'],
      );
      assert.deepEqual(await store.search('Northwind', 10), []);
      assert.deepEqual(await store.search('orchard', 10), []);
    });
  });
}
