// The first schema: every table of the store and the indexes its queries need.
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

export function coreTables(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sourcesAndOutlets(db, dialect);
      await pages(db, dialect);
      await groups(db);
      await articles(db, dialect);
      await topics(db, dialect);
    },
  };
}

async function sourcesAndOutlets(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('outlets')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('domain', 'text')
    .execute();
  await db.schema
    .createTable('sources')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sqlIn('kind', ['file', 'feed', 'sitemap', 'page'])),
    )
    .addColumn('uri', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('last_ok_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .execute();
}

async function pages(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('pages')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('byte_length', 'integer', (c) => c.notNull())
    .addColumn('body', dialect.bytesType, (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['processed', 'not-article', 'failed'])),
    )
    .addColumn('note', 'text')
    .addColumn('processed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pages_url').on('pages').column('url').execute();
}

async function groups(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('family_count', 'integer', (c) => c.notNull())
    .addColumn('outlet_count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_updated', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stories_last_updated')
    .on('stories')
    .columns(['last_updated', 'id'])
    .execute();
  // No foreign key from original_article_id to articles: articles reference families, and the
  // cycle would need deferred constraints; the store sets both sides in one transaction.
  await db.schema
    .createTable('families')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id'))
    .addColumn('original_article_id', 'text')
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_updated', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('families_story').on('families').column('story_id').execute();
}

async function articles(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('outlet_id', 'integer', (c) => c.references('outlets.id'))
    .addColumn('title', 'text')
    .addColumn('byline', 'text')
    .addColumn('published', 'text')
    .addColumn('updated', 'text')
    .addColumn('dateline', 'text')
    .addColumn('credit', 'text')
    .addColumn('language', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('images', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('signature', dialect.bytesType, (c) => c.notNull())
    .addColumn('shingle_count', 'integer', (c) => c.notNull())
    .addColumn('paragraph_hashes', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id'))
    .addColumn('is_original', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('articles_story')
    .on('articles')
    .columns(['story_id', 'first_seen'])
    .execute();
  await db.schema
    .createIndex('articles_family')
    .on('articles')
    .columns(['family_id', 'first_seen'])
    .execute();
  await db.schema
    .createIndex('articles_first_seen')
    .on('articles')
    .columns(['first_seen', 'id'])
    .execute();
  await db.schema.createIndex('articles_page').on('articles').column('page_id').execute();
  await db.schema
    .createTable('article_revisions')
    .addColumn('article_id', 'text', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_revisions_pk', ['article_id', 'revision'])
    .execute();
}

async function topics(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('topics')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('article_topics')
    .addColumn('article_id', 'text', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
    .addPrimaryKeyConstraint('article_topics_pk', ['article_id', 'topic_id'])
    .execute();
  await db.schema
    .createIndex('article_topics_topic')
    .on('article_topics')
    .column('topic_id')
    .execute();
  await db.schema
    .createTable('story_topics')
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_topics_pk', ['story_id', 'topic_id'])
    .execute();
  await db.schema.createIndex('story_topics_topic').on('story_topics').column('topic_id').execute();
}

/** A CHECK constraint listing allowed values; the values are ours, never user input. */
function sqlIn(column: string, values: readonly string[]) {
  return sql.raw<boolean>(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);
}
