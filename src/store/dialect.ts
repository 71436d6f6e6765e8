// Every difference between SQL dialects lives in this file (FreshRSS keeps per-dialect SQL
// fragments the same way): connecting, column types, auto-increment keys, write locking and
// full-text search. Upserts need nothing here: Kysely's `onConflict` compiles to valid SQL for
// both SQLite and PostgreSQL. Everything else (queries, migrations) is one code path.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { ColumnDefinitionBuilder } from 'kysely';
import { StorylineError } from '../errors.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { withoutPassword } from './codec.js';
import { compiledQuery } from './compiled-query.js';
import type { Database } from './schema.js';

/**
 * Characters of title + body that go into the full-text index. A long-form article is ~60,000
 * characters; the cap keeps a pathological page (a 20 MB "article") from failing its save, as
 * PostgreSQL refuses tsvectors over 1 MB. The same cap on both dialects keeps results alike.
 */
export const SEARCH_TEXT_MAX_CHARS = 200_000;

/** Search entries per statement on PostgreSQL (at most 200,000 characters each). */
const SEARCH_ENTRIES_PER_STATEMENT = 100;

/** How long a writer waits for another connection's lock before failing (milliseconds). */
export const BUSY_TIMEOUT_MS = 5000;

export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column type for raw bytes (gzip bodies, signatures). */
  readonly bytesType: 'blob' | 'bytea';
  /** Makes `col` an auto-incremented integer primary key. */
  idColumn(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /**
   * Runs `work` in a transaction that holds the write lock from its first statement, so two
   * processes grouping at once queue up instead of failing when a reader upgrades to a writer.
   */
  writeTransaction<T>(
    db: Kysely<Database>,
    work: (trx: Kysely<Database>) => Promise<T>,
  ): Promise<T>;
  /**
   * The schema that holds the migration bookkeeping tables, or undefined where there are no
   * schemas. Kysely's Migrator otherwise finds its tables in any schema of the database.
   */
  migrationSchema(db: Kysely<Database>): Promise<string | undefined>;
  /** Creates the first form of the full-text index (migration 002 only). */
  createSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Replaces the index by its current form, filled from the articles (migration 008). */
  recreateSearchIndex(db: Kysely<unknown>): Promise<void>;
  /**
   * Replaces the indexed text of articles, which must be stored already. `isNew` says an
   * article has no entry yet (just inserted), so there is nothing to delete first.
   */
  indexArticles(db: Kysely<Database>, entries: readonly SearchEntry[]): Promise<void>;
  /** Empties the index (before a rebuild of everything derived from pages). */
  clearSearchIndex(db: Kysely<Database>): Promise<void>;
  /** Drops one article from the index; call it before the article's row is deleted. */
  unindexArticle(db: Kysely<Database>, id: string): Promise<void>;
  /** Article ids matching every word of `query`, best first. */
  search(db: Kysely<Database>, query: string, limit: number): Promise<string[]>;
}

/** One article's text for the full-text index. */
export interface SearchEntry {
  id: string;
  title: string | null;
  text: string;
  isNew: boolean;
}

export interface Connection {
  db: Kysely<Database>;
  dialect: StoreDialect;
}

/** Opens `sqlite:<path>` (creating the parent folder), `sqlite::memory:` or `postgres://...`. */
export function connect(databaseUrl: string): Connection {
  if (databaseUrl.startsWith('sqlite:')) return connectSqlite(databaseUrl.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return connectPostgres(databaseUrl);
  throw new StorylineError(
    'CONFIG_INVALID',
    `store: unable to open ${withoutPassword(databaseUrl)}: expected sqlite:<path> or postgres://`,
  );
}

function connectSqlite(path: string): Connection {
  const memory = path === ':memory:' || path === '';
  const file = memory ? ':memory:' : resolve(path);
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(file);
  } catch (error) {
    throw new StorylineError('STORE_FAILED', `store: unable to open ${file}: ${String(error)}`, {
      cause: error,
    });
  }
  // WAL lets web readers run while a worker writes; NORMAL sync is durable enough under WAL
  // (a power cut may lose the last commits, never corrupt the file: sqlite.org/wal.html).
  if (!memory) database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  // Started on the first write transaction: a reader (a web process, a CLI query) never needs it.
  let checkpointer: Checkpointer | null = null;
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: withStatementCache(database, () => checkpointer?.stop()),
    }),
  });
  const dialect: StoreDialect = {
    ...sqliteDialect,
    writeTransaction: (conn, work) => {
      if (!memory && checkpointer === null)
        checkpointer = startCheckpointer(file, database, BUSY_TIMEOUT_MS);
      return sqliteDialect.writeTransaction(conn, work);
    },
  };
  return { db, dialect };
}

/**
 * Page cache of a SQLite connection (KiB). SQLite's default is 2 MB; the indexes a batch
 * writer updates at random positions (article, family, story and page keys are hashes) outgrow
 * that within the first 100k articles, and every miss is a read from the OS.
 */
export const SQLITE_CACHE_KIB = 64 * 1024;

/**
 * Prepared statements kept per SQL text. Our queries are a small fixed set (IN lists aside),
 * and Kysely's driver prepares every query afresh: preparing was 18% of savePage's CPU time in
 * bench/store. The bound keeps varying IN-list texts from growing the cache without end.
 */
export const STATEMENT_CACHE_SIZE = 256;

function withStatementCache(database: BetterSqlite3.Database, onClose: () => void) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      onClose();
      database.close();
    },
    prepare(text: string): BetterSqlite3.Statement {
      const cached = cache.get(text);
      if (cached !== undefined) return cached;
      const statement = database.prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(text, statement);
      return statement;
    },
  };
}

const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  bytesType: 'blob',
  idColumn: (col) => col.primaryKey().autoIncrement(),
  migrationSchema: async () => undefined,
  // Kysely's own transaction() issues a plain (deferred) BEGIN: under WAL, a deferred reader
  // that later writes gets SQLITE_BUSY at once, not after busy_timeout, if another connection
  // committed meanwhile (sqlite.org/lang_transaction.html). BEGIN IMMEDIATE takes the write
  // lock up front and waits for it through busy_timeout instead.
  writeTransaction: (db, work) =>
    db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const result = await work(conn);
        await sql`COMMIT`.execute(conn);
        return result;
      } catch (error) {
        await sql`ROLLBACK`.execute(conn);
        throw error;
      }
    }),
  async createSearchIndex(db) {
    await sql`CREATE VIRTUAL TABLE article_search USING fts5(
      article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  },
  async recreateSearchIndex(db) {
    // Contentless and keyed by articles.seq: the first form kept its own copy of every title and
    // body, a quarter of the store's bytes and of what each save wrote (2.9 of 11 KB an article
    // at 300k in bench/scale). Nothing reads the copy: results are ids, texts come from articles.
    // contentless_delete lets a revision or a dropped article remove its entry by rowid.
    // unicode61 folds case and diacritics.
    await sql`DROP TABLE article_search`.execute(db);
    await sql`CREATE VIRTUAL TABLE article_search USING fts5(title, text, content = '',
      contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    await sql`INSERT INTO article_search (rowid, title, text)
      SELECT seq, COALESCE(title, ''), substr(text, 1, ${SEARCH_TEXT_MAX_CHARS}) FROM articles`.execute(
      db,
    );
  },
  async clearSearchIndex(db) {
    await sql`INSERT INTO article_search (article_search) VALUES ('delete-all')`.execute(db);
  },
  async unindexArticle(db, id) {
    const seq = await articleSeq(db, id);
    if (seq !== undefined) await sql`DELETE FROM article_search WHERE rowid = ${seq}`.execute(db);
  },
  async indexArticles(db, entries) {
    // In-process statements cost microseconds: one an entry keeps the rowid lookup plain.
    for (const { id, title, text, isNew } of entries) {
      const seq = await articleSeq(db, id);
      if (seq === undefined) throw new Error(`search index: article ${id} is not stored`);
      if (!isNew) await sql`DELETE FROM article_search WHERE rowid = ${seq}`.execute(db);
      await sql`INSERT INTO article_search (rowid, title, text)
        VALUES (${seq}, ${title ?? ''}, ${text.slice(0, SEARCH_TEXT_MAX_CHARS)})`.execute(db);
    }
  },
  async search(db, query, limit) {
    const match = ftsQuery(query);
    if (match === null) return [];
    // The FTS table drives (bm25 needs its MATCH); each hit's rowid is an article's seq.
    const result = await sql<{ article_id: string }>`SELECT articles.id AS article_id
      FROM (SELECT rowid AS seq, bm25(article_search) AS rank FROM article_search
        WHERE article_search MATCH ${match} ORDER BY rank LIMIT ${limit}) AS hits
      JOIN articles ON articles.seq = hits.seq ORDER BY hits.rank`.execute(db);
    return result.rows.map((r) => r.article_id);
  },
};

/** Connections per process: SQL work is short; more only queue on the server's locks. */
export const POSTGRES_POOL_SIZE = 10;

/**
 * Key of the advisory lock every savePage holds: grouping decisions (two copies of one wire
 * story arriving on two workers at once) are serialised by the database, never by memory.
 */
export const GROUPING_LOCK_KEY = 0x5707;

function connectPostgres(url: string): Connection {
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_SIZE });
  // An idle connection dropped by the server (a restart) is reported here; unhandled, the
  // event would crash the process. The pool replaces the connection and the next query that
  // cannot be served fails with STORE_FAILED, which is where the error belongs.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: postgresDialect };
}

const postgresDialect: StoreDialect = {
  name: 'postgres',
  bytesType: 'bytea',
  idColumn: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  async migrationSchema(db) {
    const result = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
    return result.rows[0]?.schema;
  },
  writeTransaction: (db, work) =>
    db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${GROUPING_LOCK_KEY})`.execute(trx);
      return work(trx);
    }),
  async createSearchIndex(db) {
    // 'simple' configuration: no stemming or stop words, like SQLite's unicode61, so both
    // dialects match the same words; unaccent would need an extension, so accents count here.
    await sql`CREATE TABLE article_search (
      article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      document tsvector NOT NULL)`.execute(db);
    await sql`CREATE INDEX article_search_document ON article_search USING gin (document)`.execute(
      db,
    );
  },
  async recreateSearchIndex() {
    // The tsvector table holds no copy of the texts: its first form is still the current one.
  },
  async indexArticles(db, entries) {
    // A statement per chunk: each is a round trip. Texts are capped, so a chunk stays small.
    for (let at = 0; at < entries.length; at += SEARCH_ENTRIES_PER_STATEMENT) {
      const rows = entries
        .slice(at, at + SEARCH_ENTRIES_PER_STATEMENT)
        .map(
          ({ id, title, text }) =>
            sql`(${id}, to_tsvector('simple', ${title ?? ''} || ' ' || ${text.slice(0, SEARCH_TEXT_MAX_CHARS)}))`,
        );
      await sql`INSERT INTO article_search (article_id, document) VALUES ${sql.join(rows)}
        ON CONFLICT (article_id) DO UPDATE SET document = excluded.document`.execute(db);
    }
  },
  async clearSearchIndex(db) {
    await sql`DELETE FROM article_search`.execute(db);
  },
  async unindexArticle(db, id) {
    await sql`DELETE FROM article_search WHERE article_id = ${id}`.execute(db);
  },
  async search(db, query, limit) {
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    const result = await sql<{ article_id: string }>`SELECT article_id FROM article_search
      WHERE document @@ plainto_tsquery('simple', ${words.join(' ')})
      ORDER BY ts_rank(document, plainto_tsquery('simple', ${words.join(' ')})) DESC, article_id
      LIMIT ${limit}`.execute(db);
    return result.rows.map((r) => r.article_id);
  },
};

/** An article's insertion number, the rowid of its entry in SQLite's search index. */
async function articleSeq(db: Kysely<Database>, id: string): Promise<number | undefined> {
  return (await selectSeq(db, { id })).rows[0]?.seq;
}

const selectSeq = compiledQuery((db, v: { id: string }) =>
  db.selectFrom('articles').select('seq').where('id', '=', v.id),
);

/** Turns free text into an FTS5 query of quoted words (all required), so no input is syntax. */
export function ftsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"`).join(' ');
}
