import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { Migrator, sql, type Kysely } from 'kysely';
import { isStorylineError } from '../errors.js';
import {
  DIALECTS,
  FERRY_STRIKE,
  FIXED_NOW,
  articleToSave,
  pageToSave,
} from '../../test/store/store-fixtures.js';
import { BUSY_TIMEOUT_MS, connect } from './dialect.js';
import { openStore } from './index.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

const TABLES = [
  'article_revisions',
  'article_search',
  'article_topics',
  'articles',
  'corrections',
  'families',
  'fetch_queue',
  'outlets',
  'pages',
  'source_items',
  'sources',
  'stories',
  'story_topics',
  'topics',
];

describe('store migrations (sqlite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-store-'));
  const file = join(dir, 'nested', 'folder', 'storyline.db');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the parent folder and every table', async () => {
    const store = await openStore(`sqlite:${file}`, { now: FIXED_NOW });
    await store.close();
    const raw = new BetterSqlite3(file, { readonly: true });
    const names = raw
      .prepare(
        `SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT GLOB 'kysely_*' AND name NOT GLOB 'article_search_*' AND name NOT GLOB 'sqlite_*'`,
      )
      .all()
      .map((r) => (r as { name: string }).name)
      .sort();
    raw.close();
    assert.deepEqual(names, TABLES);
  });

  it('re-runs as a no-op on an existing file and keeps its data', async () => {
    const first = await openStore(`sqlite:${file}`, { now: FIXED_NOW });
    await first.savePage(
      pageToSave({
        url: 'https://harbour-gazette.example/ferry',
        fetchedAt: '2026-03-01T10:00:00.000Z',
        articles: [articleToSave({ id: 'a1', familyId: 'f1', storyId: 's1', text: FERRY_STRIKE })],
      }),
    );
    await first.close();
    const second = await openStore(`sqlite:${file}`, { now: FIXED_NOW });
    assert.equal((await second.stats()).articles, 1);
    await second.close();
    const raw = new BetterSqlite3(file, { readonly: true });
    const applied = raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all();
    raw.close();
    // Every migration listed in code, each applied once (the list grows; the test need not).
    const { db, dialect } = connect('sqlite::memory:');
    const listed = Object.keys(await migrationProvider(dialect).getMigrations()).sort();
    await db.destroy();
    assert.ok(listed.length >= 3);
    assert.deepEqual(
      applied,
      listed.map((name) => ({ name })),
    );
  });

  it('turns on foreign keys and a busy timeout for its connection', async () => {
    const { db } = connect(`sqlite:${file}`);
    const keys = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    const timeout = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(db);
    await db.destroy();
    assert.equal(keys.rows[0]?.foreign_keys, 1);
    assert.equal(timeout.rows[0]?.timeout, BUSY_TIMEOUT_MS);
  });

  it('puts a file database in WAL mode', async () => {
    const store = await openStore(`sqlite:${file}`, { now: FIXED_NOW });
    const raw = new BetterSqlite3(file);
    const mode = raw.pragma('journal_mode', { simple: true });
    raw.close();
    await store.close();
    assert.equal(mode, 'wal');
  });
});

for (const dialect of DIALECTS) {
  describe(`store opening (${dialect.name})`, () => {
    it('opens an empty store with zero counts', async () => {
      const store = await openStore(await dialect.url(), { now: FIXED_NOW });
      assert.equal(store.dialect, dialect.name);
      assert.deepEqual(await store.stats(), {
        pages: 0,
        articles: 0,
        families: 0,
        stories: 0,
        outlets: 0,
        topics: 0,
      });
      await store.close();
    });
  });
}

describe('openStore', () => {
  it('refuses an unknown database URL with a coded error', async () => {
    await assert.rejects(openStore('mysql://localhost/news'), (error) => {
      assert.ok(isStorylineError(error));
      assert.equal(error.code, 'CONFIG_INVALID');
      assert.match(error.message, /^store: unable to open mysql:/);
      return true;
    });
  });
});

/** Page 1, story 's' and family 'f' as an older schema stored them, for `articles` rows. */
async function insertPageAndGroups(db: Kysely<Database>, articles: number): Promise<void> {
  const at = '2026-03-01T00:00:00.000Z';
  await sql`INSERT INTO pages (url, fetched_at, sha256, byte_length, body, status, processed_at)
    VALUES ('https://harbour-gazette.example/a', ${at}, 'x', 1, x'00', 'processed', ${at})`.execute(
    db,
  );
  await sql`INSERT INTO stories VALUES ('s', 'h', ${articles}, 1, 1, ${at}, ${at})`.execute(db);
  await sql`INSERT INTO families VALUES ('f', 's', NULL, ${articles}, ${at}, ${at})`.execute(db);
}

describe('migration 003 (article sequence)', () => {
  it('numbers articles stored before it in their old replay order (first seen, then id)', async () => {
    const { db, dialect } = connect('sqlite::memory:');
    const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
    assert.equal((await migrator.migrateTo('002-article-search')).error, undefined);
    await insertPageAndGroups(db, 3);
    for (const [id, seen] of [
      ['b', '08'],
      ['c', '06'],
      ['a', '08'],
    ]) {
      const at = `2026-03-01T${seen}:00:00.000Z`;
      await sql`INSERT INTO articles (id, page_id, position, revision, text, paragraphs, images,
        word_count, signature, shingle_count, paragraph_hashes, text_hash, family_id, story_id,
        is_original, first_seen, last_seen, changed_at)
        VALUES (${id}, 1, 0, 1, 't', '[]', '[]', 1, x'00000000', 1, '[]', ${id}, 'f', 's', 0, ${at}, ${at}, ${at})`.execute(
        db,
      );
    }
    assert.equal((await migrator.migrateToLatest()).error, undefined);
    const rows = await db.selectFrom('articles').select(['id', 'seq']).orderBy('seq').execute();
    await db.destroy();
    assert.deepEqual(rows, [
      { id: 'c', seq: 1 },
      { id: 'a', seq: 2 },
      { id: 'b', seq: 3 },
    ]);
  });
});

describe('migration 008 (search without copies)', () => {
  it('keeps every stored article searchable by title and body, without a copy of the texts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storyline-008-'));
    const file = join(dir, 'old.db');
    try {
      const { db, dialect } = connect(`sqlite:${file}`);
      const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
      assert.equal((await migrator.migrateTo('007-stories-order-index')).error, undefined);
      // Two articles as the last release stored them, its search index holding their texts.
      await insertPageAndGroups(db, 2);
      const texts = [
        ['a1', 'Ferry strike', FERRY_STRIKE],
        ['a2', 'Lighthouse keepers return', 'Keepers are back on the point.'],
      ];
      for (const [i, [id, title, text]] of texts.entries()) {
        const at = '2026-03-01T08:00:00.000Z';
        await sql`INSERT INTO articles (id, page_id, position, revision, title, text, paragraphs,
          images, word_count, signature, shingle_count, paragraph_hashes, text_hash, family_id,
          story_id, is_original, first_seen, last_seen, changed_at, seq)
          VALUES (${id}, 1, ${i}, 1, ${title}, ${text}, '[]', '[]', 1, x'00000000', 1, '[]', ${id},
          'f', 's', 0, ${at}, ${at}, ${at}, ${i + 1})`.execute(db);
        await sql`INSERT INTO article_search (article_id, title, text)
          VALUES (${id}, ${title}, ${text})`.execute(db);
      }
      await db.destroy();
      const store = await openStore(`sqlite:${file}`, { now: FIXED_NOW });
      assert.deepEqual(
        (await store.search('ferry', 10)).map((a) => a.id),
        ['a1'],
      );
      assert.deepEqual(
        (await store.search('lighthouse', 10)).map((a) => a.id),
        ['a2'],
      );
      await store.close();
      const raw = new BetterSqlite3(file, { readonly: true });
      const shadow = raw
        .prepare(`SELECT name FROM sqlite_master WHERE name = 'article_search_content'`)
        .all();
      raw.close();
      assert.deepEqual(shadow, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('openStore on an unreachable server', () => {
  it('fails with STORE_FAILED naming the server but never the password', async () => {
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
    await assert.rejects(openStore('postgres://reader:s3cret@127.0.0.1:9/news'), (error) => {
      assert.ok(isStorylineError(error));
      assert.equal(error.code, 'STORE_FAILED');
      assert.match(
        error.message,
        /^store: unable to open postgres:\/\/reader:\*\*\*@127\.0\.0\.1:9\/news: /,
      );
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
  });
});
