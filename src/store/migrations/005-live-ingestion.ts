// Live ingestion (issue 7): what the poller needs to schedule sources, remember feed items and
// hold fetched bytes until they are processed. Dialect-neutral: plain columns and tables only.
//  - sources gain their schedule (next poll, adaptive interval) and the last attempt's status;
//  - fetch_queue holds every fetched document (gzip) BEFORE processing, so a crash between
//    fetch and processing loses nothing: pending rows are processed on the next start;
//  - source_items remembers which feed items a source has delivered and a hash of each, so an
//    unchanged item is neither re-fetched nor re-processed, and a changed one is (a revision).
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

export function liveIngestion(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [name, type] of [
        ['next_poll_at', 'text'],
        ['poll_interval_s', 'integer'],
        ['last_attempt_at', 'text'],
        ['last_http_status', 'integer'],
        ['last_new_items_at', 'text'],
      ] as const) {
        await db.schema.alterTable('sources').addColumn(name, type).execute();
      }
      await db.schema
        .createTable('fetch_queue')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('fetched_at', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text')
        .addColumn('sha256', 'text', (c) => c.notNull().unique())
        .addColumn('body', dialect.bytesType, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createTable('source_items')
        .addColumn('source_id', 'integer', (c) =>
          c.notNull().references('sources.id').onDelete('cascade'),
        )
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('item_hash', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('source_items_pk', ['source_id', 'item_key'])
        .execute();
    },
  };
}
