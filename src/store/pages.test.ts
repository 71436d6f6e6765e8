import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DIALECTS,
  FERRY_STRIKE,
  FIXED_NOW,
  articleToSave,
  pageToSave,
} from '../../test/store/store-fixtures.js';
import { connect } from './dialect.js';
import { migrateToLatest } from './migrations/index.js';
import { readPage, storedPages } from './pages.js';
import { savePage } from './save-page.js';

for (const dialect of DIALECTS) {
  describe(`stored pages (${dialect.name})`, () => {
    it('lists every page in storage order across batches and reads one back whole', async () => {
      const { db, dialect: sqlDialect } = connect(await dialect.url());
      await migrateToLatest(db, sqlDialect);
      const urls = ['one', 'two', 'three', 'four', 'five'].map(
        (n) => `https://island-times.example/${n}`,
      );
      for (const [i, url] of urls.entries()) {
        const articles =
          i === 2
            ? []
            : [articleToSave({ id: url, familyId: `f${i}`, storyId: `s${i}`, text: FERRY_STRIKE })];
        await savePage(
          db,
          sqlDialect,
          pageToSave({
            url,
            fetchedAt: `2026-03-0${i + 1}T08:00:00.000Z`,
            articles,
            sourceUri: '/srv/dumps',
          }),
          FIXED_NOW(),
        );
      }
      const listed = [];
      for await (const page of storedPages(db, 2)) listed.push(page);
      assert.deepEqual(
        listed.map((p) => p.url),
        urls,
      );
      assert.deepEqual(
        [listed[2]?.status, listed[2]?.note, listed[2]?.sourceUri],
        ['not-article', 'no article on this page', '/srv/dumps'],
      );
      const page = await readPage(db, listed[1]!.id);
      assert.equal(page?.url, urls[1]);
      assert.equal(page?.fetchedAt.toISOString(), '2026-03-02T08:00:00.000Z');
      assert.equal(page?.contentType, 'text/html; charset=utf-8');
      assert.match(new TextDecoder().decode(page!.body), /island-times\.example\/two/);
      assert.equal(page?.body.byteLength, listed[1]?.byteLength);
      assert.equal(await readPage(db, 999), null);
      await db.destroy();
    });
  });
}
