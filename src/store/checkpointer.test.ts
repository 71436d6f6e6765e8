import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { BACKSTOP_WAL_PAGES, CHECKPOINT_EVERY_MS } from './checkpointer.js';
import { connect, type Connection } from './dialect.js';

/** Rows of 8 KB: 1,500 of them put ~3,000 pages in the WAL, far below the writer's backstop. */
const ROW_BYTES = 8192;
const ROWS = 1500;

describe('background WAL checkpoints (sqlite)', () => {
  let dir: string;
  let file: string;
  let store: Connection;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-checkpoint-'));
    file = join(dir, 'store.db');
    store = connect(`sqlite:${file}`);
    await sql`CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)`.execute(store.db);
  });
  afterEach(async () => {
    await store.db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const writeRows = async (from: number, count: number) => {
    await store.dialect.writeTransaction(store.db, async (trx) => {
      for (let id = from; id < from + count; id++)
        await sql`INSERT INTO blobs (id, body) VALUES (${id}, ${Buffer.alloc(ROW_BYTES, id % 251)})`.execute(
          trx,
        );
    });
  };

  it('copies a writer’s committed pages into the database file while the writer only commits', async () => {
    for (let at = 0; at < ROWS; at += 100) {
      await writeRows(at, 100);
      await sleep(CHECKPOINT_EVERY_MS / 4);
    }
    await sleep(3 * CHECKPOINT_EVERY_MS);
    // Without the thread the writer would not checkpoint below its backstop: the data would
    // still be in the WAL only, and the database file a few pages long.
    const written = (await stat(file)).size;
    assert.ok(
      written >= ROWS * ROW_BYTES,
      `database file holds ${written} bytes of ${ROWS * ROW_BYTES} written`,
    );
    const mark = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(
      store.db,
    );
    assert.equal(mark.rows[0]?.wal_autocheckpoint, BACKSTOP_WAL_PAGES);
  });

  it('ends with the store: every committed row is in the file another connection opens', async () => {
    await writeRows(0, 200);
    await store.db.destroy();
    store = connect(`sqlite:${file}`);
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      const row = raw.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number };
      assert.equal(row.n, 200);
    } finally {
      raw.close();
    }
  });

  it('starts no thread for a store that only reads', async () => {
    await sql`SELECT count(*) FROM blobs`.execute(store.db);
    const mark = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(
      store.db,
    );
    assert.equal(mark.rows[0]?.wal_autocheckpoint, 1000);
  });
});
