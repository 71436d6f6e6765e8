// `storyline migrate --to postgres://...`: copies every table of a store into an empty
// PostgreSQL store, then proves nothing was lost: the row count and a checksum of every table,
// computed the same way from both databases, must match. Generic over the tables the target's
// migrations created, so tables added later are copied without touching this file.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { StorylineError, describeError } from '../errors.js';
import { withoutPassword } from './codec.js';
import { connect, type Connection } from './dialect.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database } from './schema.js';

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters a statement. */
export const COPY_BATCH_PARAMS = 30_000;
/** Rows read per query from the source. */
export const COPY_READ_ROWS = 2000;

export interface TableCopy {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Copies `fromUrl` into the empty PostgreSQL store at `toUrl`; `log` hears one line per table.
 * Throws STORE_FAILED when the target holds data or a table's count or checksum differs.
 */
export async function copyStore(
  fromUrl: string,
  toUrl: string,
  log: (line: string) => void = () => {},
): Promise<TableCopy[]> {
  if (!/^postgres(ql)?:\/\//.test(toUrl)) {
    throw new StorylineError(
      'CONFIG_INVALID',
      `migrate: --to must be a postgres:// URL, not ${withoutPassword(toUrl)}`,
    );
  }
  const source = connect(fromUrl);
  const target = connect(toUrl);
  try {
    await migrateToLatest(source.db, source.dialect);
    await migrateToLatest(target.db, target.dialect);
    const tables = await tableOrder(target);
    const report: TableCopy[] = [];
    for (const table of tables) {
      if ((await countRows(target.db as unknown as AnyDb, table)) > 0) {
        throw new StorylineError(
          'STORE_FAILED',
          `migrate: ${withoutPassword(toUrl)} already holds rows in ${table}; migrate into an empty database`,
        );
      }
    }
    for (const table of tables) {
      const columns = await columnsOf(target, table);
      const key = await keyOf(target, table, columns);
      const copied = await copyTable(source, target, table, columns, key);
      const sourceSum = await checksum(source.db as unknown as AnyDb, table, columns, key);
      const targetSum = await checksum(target.db as unknown as AnyDb, table, columns, key);
      const row = {
        table,
        sourceRows: sourceSum.rows,
        targetRows: targetSum.rows,
        sourceChecksum: sourceSum.sha256,
        targetChecksum: targetSum.sha256,
      };
      report.push(row);
      log(
        `${table.padEnd(20)} ${String(copied).padStart(9)} rows  ${row.sourceChecksum.slice(0, 16)} ${row.sourceChecksum === row.targetChecksum && row.sourceRows === row.targetRows ? 'same' : 'DIFFERENT'}`,
      );
    }
    await resetIdentities(target, tables);
    await rebuildSearch(target);
    const bad = report.filter(
      (r) => r.sourceRows !== r.targetRows || r.sourceChecksum !== r.targetChecksum,
    );
    if (bad.length > 0) {
      throw new StorylineError(
        'STORE_FAILED',
        `migrate: copy differs in ${bad.map((b) => b.table).join(', ')}`,
      );
    }
    return report;
  } catch (error) {
    if (error instanceof StorylineError) throw error;
    throw new StorylineError(
      'STORE_FAILED',
      `migrate: unable to copy to ${withoutPassword(toUrl)}: ${describeError(error)}`,
      { cause: error },
    );
  } finally {
    await source.db.destroy();
    await target.db.destroy();
  }
}

/** The target's tables, referenced tables first; bookkeeping and the search index left out. */
async function tableOrder({ db }: Connection): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter(
      (t) => !t.startsWith('kysely_') && t !== 'article_search' && t !== 'storyline_page_queue',
    )
    .sort();
  const edges = (
    await sql<{ child: string; parent: string }>`SELECT c.relname AS child, p.relname AS parent
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`.execute(db)
  ).rows;
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges)
      if (e.child === t && e.parent !== t && tables.includes(e.parent)) visit(e.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function columnsOf({ db }: Connection, table: string): Promise<string[]> {
  const rows = await sql<{
    name: string;
  }>`SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}

/** The primary key columns (the order rows are read and checksummed in). */
async function keyOf({ db }: Connection, table: string, columns: string[]): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT a.attname AS name FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indrelid = ${table}::regclass AND i.indisprimary ORDER BY a.attname`.execute(db);
  return rows.rows.length > 0 ? rows.rows.map((r) => r.name) : columns;
}

async function copyTable(
  source: Connection,
  target: Connection,
  table: string,
  columns: string[],
  key: string[],
): Promise<number> {
  const perInsert = Math.max(1, Math.min(500, Math.floor(COPY_BATCH_PARAMS / columns.length)));
  let copied = 0;
  for await (const rows of readAll(source.db as unknown as AnyDb, table, columns, key)) {
    for (let i = 0; i < rows.length; i += perInsert) {
      const batch = rows.slice(i, i + perInsert);
      const values = sql.join(
        batch.map((r) => sql`(${sql.join(columns.map((c) => sql`${r[c] ?? null}`))})`),
      );
      await sql`INSERT INTO ${sql.id(table)} (${sql.join(columns.map((c) => sql.id(c)))}) OVERRIDING SYSTEM VALUE VALUES ${values}`.execute(
        target.db,
      );
      copied += batch.length;
    }
  }
  return copied;
}

/** Every row ordered by key, in pages (OFFSET-free: keyset on the whole key is overkill here). */
async function* readAll(
  db: AnyDb,
  table: string,
  columns: string[],
  key: string[],
): AsyncGenerator<Record<string, unknown>[]> {
  for (let offset = 0; ; offset += COPY_READ_ROWS) {
    const rows = (
      await sql<
        Record<string, unknown>
      >`SELECT ${sql.join(columns.map((c) => sql.id(c)))} FROM ${sql.id(table)}
        ORDER BY ${sql.join(key.map((k) => sql.id(k)))} LIMIT ${COPY_READ_ROWS} OFFSET ${offset}`.execute(
        db,
      )
    ).rows;
    if (rows.length > 0) yield rows;
    if (rows.length < COPY_READ_ROWS) return;
  }
}

async function countRows(db: AnyDb, table: string): Promise<number> {
  const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * SHA-256 over every row in key order, each value in one canonical text form whichever
 * database it came from (PostgreSQL returns bigints as strings and bytes as Buffers).
 */
async function checksum(
  db: AnyDb,
  table: string,
  columns: string[],
  key: string[],
): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of readAll(db, table, columns, key)) {
    for (const row of batch) {
      hash.update(JSON.stringify(columns.map((c) => canonical(row[c]))) + '\n');
      rows += 1;
    }
  }
  return { rows, sha256: hash.digest('hex') };
}

function canonical(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return 'x' + Buffer.from(value).toString('hex');
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' || typeof value === 'bigint') return 'n' + String(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return 's' + value;
  return 's' + String(value);
}

/** Explicit ids were copied: move each identity past the highest, or the next insert collides. */
async function resetIdentities({ db }: Connection, tables: string[]): Promise<void> {
  for (const table of tables) {
    const idents = await sql<{
      name: string;
    }>`SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table} AND is_identity = 'YES'`.execute(
      db,
    );
    for (const { name } of idents.rows) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, ${name}),
        GREATEST((SELECT COALESCE(MAX(${sql.id(name)}), 0) FROM ${sql.id(table)}), 1),
        (SELECT COUNT(*) > 0 FROM ${sql.id(table)}))`.execute(db);
    }
  }
}

/** The search index is per dialect (FTS5 there, tsvector here): rebuilt from the articles. */
async function rebuildSearch({ db, dialect }: Connection): Promise<void> {
  const typed = db as Kysely<Database>;
  let after = '';
  for (;;) {
    const rows = await typed
      .selectFrom('articles')
      .select(['id', 'title', 'text'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(COPY_READ_ROWS)
      .execute();
    await dialect.indexArticles(
      typed,
      rows.map((r) => ({ id: r.id, title: r.title, text: r.text, isNew: true })),
    );
    if (rows.length < COPY_READ_ROWS) return;
    after = rows[rows.length - 1]!.id;
  }
}
