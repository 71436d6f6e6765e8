// Row shapes of every table as Kysely sees them. Times are ISO 8601 text (UTC, `Z`) in both
// dialects so that ordering by text is ordering by time; JSON columns are text we encode
// ourselves, so PostgreSQL (jsonb would come back parsed) and SQLite read the same way.
import type { ColumnType, Generated } from 'kysely';

/** A BLOB (SQLite) or bytea (PostgreSQL): written as bytes, read back as a Node Buffer. */
export type Bytes = ColumnType<Buffer, Uint8Array, Uint8Array>;

export interface OutletTable {
  id: Generated<number>;
  name: string;
  domain: string | null;
}

export interface SourceTable {
  id: Generated<number>;
  kind: 'file' | 'feed' | 'sitemap' | 'page';
  uri: string;
  title: string | null;
  added_at: string;
  last_ok_at: string | null;
  last_error: string | null;
  failures: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  /** When the poller should fetch it next (migration 005); null means now. */
  next_poll_at: string | null;
  /** The adaptive polling interval in seconds; null means the default. */
  poll_interval_s: number | null;
  last_attempt_at: string | null;
  /** HTTP status of the last attempt, when one came back. */
  last_http_status: number | null;
  /** The last time a poll found new or changed items. */
  last_new_items_at: string | null;
}

/** A fetched document waiting to be processed (migration 005): kept until it has been. */
export interface FetchQueueTable {
  id: Generated<number>;
  source_id: number | null;
  /** 'feed' (a feed or sitemap document to read items from) or 'page' (a page to extract). */
  kind: 'feed' | 'page';
  url: string;
  fetched_at: string;
  content_type: string | null;
  sha256: string;
  /** gzip of the raw bytes, like pages.body. */
  body: Bytes;
  attempts: Generated<number>;
  last_error: string | null;
}

/** A feed item a source has delivered, with a hash of its content (migration 005). */
export interface SourceItemTable {
  source_id: number;
  item_key: string;
  item_hash: string;
  url: string | null;
  first_seen: string;
  last_seen: string;
}

export interface PageTable {
  id: Generated<number>;
  url: string;
  source_id: number | null;
  fetched_at: string;
  content_type: string | null;
  sha256: string;
  byte_length: number;
  /** gzip of the raw bytes (node:zlib gzipSync). */
  body: Bytes;
  status: 'processed' | 'not-article' | 'failed';
  note: string | null;
  processed_at: string;
}

export interface ArticleTable {
  id: string;
  /** Insertion order (1, 2, ...), kept through revisions: the order grouping first saw them. */
  seq: number;
  page_id: number;
  position: number;
  revision: number;
  url: string | null;
  outlet_id: number | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  updated: string | null;
  dateline: string | null;
  credit: string | null;
  language: string | null;
  text: string;
  /** JSON array of strings. */
  paragraphs: string;
  html: string | null;
  /** JSON array of ImageInfo. */
  images: string;
  word_count: number;
  /** The MinHash signature: 32-bit words, little-endian. */
  signature: Bytes;
  shingle_count: number;
  /** JSON array of strings. */
  paragraph_hashes: string;
  text_hash: string;
  family_id: string;
  story_id: string;
  /** 0 or 1 in both dialects (one code path for reads). */
  is_original: number;
  first_seen: string;
  last_seen: string;
  /** When the current text was first seen: first_seen, or the time of the latest revision. */
  changed_at: string;
}

export interface ArticleRevisionTable {
  article_id: string;
  revision: number;
  page_id: number;
  text: string;
  title: string | null;
  text_hash: string;
  /** When this (now superseded) text was first seen. */
  seen_at: string;
}

export interface FamilyTable {
  id: string;
  story_id: string;
  original_article_id: string | null;
  article_count: number;
  first_seen: string;
  last_updated: string;
}

export interface StoryTable {
  id: string;
  headline: string;
  article_count: number;
  family_count: number;
  outlet_count: number;
  first_seen: string;
  last_updated: string;
}

export interface TopicTable {
  id: Generated<number>;
  key: string;
  kind: 'person' | 'organisation' | 'place' | 'theme';
  name: string;
}

export interface ArticleTopicTable {
  article_id: string;
  topic_id: number;
}

export interface StoryTopicTable {
  story_id: string;
  topic_id: number;
  /** How many of the story's articles carry the topic (for ordering). */
  article_count: number;
}

export interface Database {
  outlets: OutletTable;
  sources: SourceTable;
  pages: PageTable;
  articles: ArticleTable;
  article_revisions: ArticleRevisionTable;
  families: FamilyTable;
  stories: StoryTable;
  topics: TopicTable;
  article_topics: ArticleTopicTable;
  story_topics: StoryTopicTable;
  fetch_queue: FetchQueueTable;
  source_items: SourceItemTable;
  corrections: CorrectionTable;
}

/** An editor's correction to story grouping (migration 006). */
export interface CorrectionTable {
  id: Generated<number>;
  kind: 'merge' | 'move';
  article_id: string;
  /** merge: an article of the other story; move: an article of the target story, or null. */
  other_article_id: string | null;
  /** articles.seq of the last article stored when the correction was made. */
  after_seq: number;
  note: string | null;
  created_at: string;
}
