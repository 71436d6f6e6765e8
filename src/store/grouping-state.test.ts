import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DIALECTS,
  FERRY_STRIKE,
  FIXED_NOW,
  ORCHARD_FAIR,
  TOPIC_CALDER,
  articleToSave,
  pageToSave,
  signatureOf,
} from '../../test/store/store-fixtures.js';
import { connect } from './dialect.js';
import { groupingState } from './grouping-state.js';
import { openStore } from './index.js';
import { migrateToLatest } from './migrations/index.js';
import { savePage } from './save-page.js';

for (const dialect of DIALECTS) {
  describe(`groupingState (${dialect.name})`, () => {
    it('yields articles in the order first stored, not by fetch time, signatures decoded', async () => {
      const store = await openStore(await dialect.url(), { now: FIXED_NOW });
      // Processed out of fetch order (a slow worker, files sharing modification times): replay
      // must follow the order grouping saw them, so families are founded by the same articles.
      for (const [id, hour, text] of [
        ['late', '18', ORCHARD_FAIR],
        ['early', '06', FERRY_STRIKE],
        ['noon', '12', `${FERRY_STRIKE}\n\nA later paragraph.`],
      ] as const) {
        await store.savePage(
          pageToSave({
            url: `https://harbour-gazette.example/${id}`,
            fetchedAt: `2026-03-01T${hour}:00:00.000Z`,
            articles: [articleToSave({ id, familyId: `f-${id}`, storyId: `s-${id}`, text })],
          }),
        );
      }
      // A later revision of the first article does not move it in the replay order.
      await store.savePage(
        pageToSave({
          url: 'https://harbour-gazette.example/late',
          fetchedAt: '2026-03-01T20:00:00.000Z',
          articles: [
            articleToSave({
              id: 'late',
              familyId: 'f-late',
              storyId: 's-late',
              text: `${ORCHARD_FAIR} Updated.`,
            }),
          ],
        }),
      );
      const rows = [];
      for await (const row of store.groupingState()) rows.push(row);
      await store.close();
      assert.deepEqual(
        rows.map((r) => r.id),
        ['late', 'early', 'noon'],
      );
      const early = rows[1]!;
      assert.ok(early.fingerprint.signature instanceof Uint32Array);
      assert.deepEqual([...early.fingerprint.signature], [...signatureOf(FERRY_STRIKE)]);
      assert.equal(early.fingerprint.paragraphHashes.length, 3);
      assert.equal(early.familyId, 'f-early');
      assert.equal(early.storyId, 's-early');
      assert.equal(early.firstSeen, '2026-03-01T06:00:00.000Z');
      assert.deepEqual(early.topics, [TOPIC_CALDER]);
    });

    it('pages through batches without losing or repeating a row', async () => {
      const { db, dialect: sqlDialect } = connect(await dialect.url());
      await migrateToLatest(db, sqlDialect);
      const ids = ['e', 'a', 'd', 'b', 'c', 'g', 'f'];
      // Two pages fetched at the same instant: every article shares one first_seen.
      for (const [n, chunk] of [ids.slice(0, 4), ids.slice(4)].entries()) {
        await savePage(
          db,
          sqlDialect,
          pageToSave({
            url: `https://island-times.example/digest-${n}`,
            fetchedAt: '2026-03-01T06:00:00.000Z',
            articles: chunk.map((id, position) =>
              articleToSave({
                id,
                position,
                familyId: `f-${id}`,
                storyId: 's',
                text: `${FERRY_STRIKE} ${id}`,
              }),
            ),
          }),
          FIXED_NOW(),
        );
      }
      const seen = [];
      for await (const row of groupingState(db, 2)) seen.push(row.id);
      await db.destroy();
      assert.deepEqual(seen, ids);
    });
  });
}
