// compiledQuery: a statement built by Kysely once per dialect and shape of its values, each
// call's values put in place of the markers, constants of the statement kept as compiled.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { compiledQuery } from './compiled-query.js';
import { connect } from './dialect.js';

describe('compiledQuery', () => {
  it('builds once per shape and runs each call with its own values', async () => {
    const { db } = connect('sqlite::memory:');
    try {
      await sql`CREATE TABLE topics (id INTEGER PRIMARY KEY, key TEXT UNIQUE, kind TEXT, name TEXT)`.execute(
        db,
      );
      let builds = 0;
      const insert = compiledQuery((d, v: { keys: string[] }) => {
        builds += 1;
        // 'place' is a constant of the statement: it must survive as compiled.
        return d
          .insertInto('topics')
          .values(v.keys.map((key) => ({ key, kind: 'place', name: key })));
      });
      const byKind = compiledQuery((d, v: { kind: 'place' | 'person'; min: number }) =>
        d
          .selectFrom('topics')
          .select('key')
          .where('kind', '=', v.kind)
          .where('id', '>=', v.min)
          .orderBy('id'),
      );
      await insert(db, { keys: ['calder', 'ostria'] });
      await insert(db, { keys: ['lumen', 'pellin'] });
      await insert(db, { keys: ['sarno'] });
      assert.equal(builds, 2, 'one build for two keys, one for one');
      const rows = (await byKind(db, { kind: 'place', min: 2 })).rows.map((r) => r.key);
      assert.deepEqual(rows, ['ostria', 'lumen', 'pellin', 'sarno']);
      assert.deepEqual((await byKind(db, { kind: 'person', min: 0 })).rows, []);
    } finally {
      await db.destroy();
    }
  });
});
