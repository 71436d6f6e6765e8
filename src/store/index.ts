// Public door of the store: Kysely over better-sqlite3 (default) or PostgreSQL. The shell's
// only way to persist or read anything. Contract first; the implementation lives beside it.
import type { Article, Fingerprint, Grouping, Page, Topic } from '../types.js';
import type { RevisionRow } from './articles.js';
import type { CorrectionRow, CorrectionToSave } from './corrections.js';
import { sql } from 'kysely';
import { StorylineError, describeError } from '../errors.js';
import { withoutPassword } from './codec.js';
import { connect, type Connection } from './dialect.js';
import { createStore } from './kysely-store.js';
import { migrateToLatest } from './migrations/index.js';
import { SaveThread, withSaveThread } from './save-thread.js';
import type { StoredPage } from './pages.js';
import type { SourceFetch, SourceRow, SourceToAdd } from './sources.js';
import type { QueuedPage, QueuedPageToAdd } from './fetch-queue.js';
import type { SourceItem } from './source-items.js';
import type { TopicSummaryRow } from './topic-reads.js';
import type { ListWindow, OutletListKey, StoryListKey, TopicListKey } from './list-keys.js';
import type {
  OutletListRow,
  OutletSummaryRow,
  RelatedStoryRow,
  StoryRankRow,
} from './reader-reads.js';

export type { RevisionRow } from './articles.js';
export type {
  CorrectionRequest,
  CorrectionEffect,
  CorrectionRow,
  CorrectionToSave,
} from './corrections.js';
export type { StoredPage } from './pages.js';
export type { TopicSummaryRow } from './topic-reads.js';
export type { ListWindow, OutletListKey, StoryListKey, TopicListKey } from './list-keys.js';
export type {
  OutletListRow,
  OutletSummaryRow,
  RelatedStoryRow,
  StoryRankRow,
} from './reader-reads.js';
export type { SourceFetch, SourceKind, SourceRow, SourceToAdd } from './sources.js';
export type { QueuedPage, QueuedPageToAdd } from './fetch-queue.js';
export type { SourceItem } from './source-items.js';

/** One article as the pipeline hands it to the store, with everything decided about it. */
export interface ArticleToSave {
  /** Stable id derived from the page URL and the article's position on the page. */
  id: string;
  /** 0 for the page's main article, 1.. for related articles found on the same page. */
  position: number;
  article: Article;
  fingerprint: Fingerprint;
  grouping: Grouping;
  topics: Topic[];
  wordCount: number;
}

/** Everything one processed page changes, written in one transaction. */
export interface PageToSave {
  page: Page;
  /** Hex SHA-256 of the raw bytes: the same bytes are stored once. */
  sha256: string;
  /** The source it came from (a file path, a feed URL), or null. */
  sourceUri: string | null;
  status: 'processed' | 'not-article' | 'failed';
  /** Reason for `not-article` or `failed`. */
  note: string | null;
  articles: ArticleToSave[];
  /** Family and story ids absorbed by merges in this page: their rows move to the survivors. */
  mergedFamilies: { from: string; into: string }[];
  mergedStories: { from: string; into: string }[];
  /** The current original of every family touched by this page. */
  familyOriginals: { familyId: string; originalId: string }[];
}

export interface SaveResult {
  pageId: number;
  /** The same bytes were stored before (a reprocess): the page row was kept, its outcome updated. */
  pageExisted: boolean;
  /** Articles new to the store. */
  inserted: number;
  /** Articles whose text changed: stored as a new revision. */
  revised: number;
  /** Articles seen before with the same text. */
  unchanged: number;
}

export interface StorySummaryRow {
  id: string;
  headline: string;
  articleCount: number;
  familyCount: number;
  outlets: string[];
  firstSeen: string;
  lastUpdated: string;
}

export interface ArticleRow {
  id: string;
  pageId: number;
  position: number;
  revision: number;
  url: string | null;
  pageUrl: string;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  updated: string | null;
  dateline: string | null;
  credit: string | null;
  language: string | null;
  text: string;
  paragraphs: string[];
  html: string | null;
  images: Article['images'];
  wordCount: number;
  familyId: string;
  storyId: string;
  isOriginal: boolean;
  firstSeen: string;
  lastSeen: string;
  topics: Topic[];
}

export interface FamilyView {
  id: string;
  originalId: string;
  articles: ArticleRow[];
}

export interface StoryView {
  story: StorySummaryRow;
  families: FamilyView[];
  topics: Topic[];
}

/** What the grouping indexes need to warm up from the store on start. */
export interface GroupingStateRow {
  /** Insertion order: the order grouping first saw the article. */
  seq: number;
  id: string;
  title: string | null;
  text: string;
  credit: string | null;
  published: string | null;
  wordCount: number;
  fingerprint: Fingerprint;
  familyId: string;
  storyId: string;
  topics: Topic[];
  firstSeen: string;
}

export interface StoreStats {
  pages: number;
  articles: number;
  families: number;
  stories: number;
  outlets: number;
  topics: number;
}

export interface Store {
  /** True when a page with these exact bytes is already stored. */
  hasPage(sha256: string): Promise<boolean>;
  /**
   * Writes a processed page and its articles in one transaction; all or nothing. Bytes already
   * stored (same sha256) are a reprocess: the page row is kept and those of its articles that
   * `input.articles` no longer holds are removed. Throws STORE_FAILED.
   */
  savePage(input: PageToSave): Promise<SaveResult>;
  /**
   * Writes pages in order in one transaction, all or nothing: what savePage does for each, with
   * one commit. Results are in input order. Throws STORE_FAILED naming the page that failed.
   */
  savePages(inputs: readonly PageToSave[]): Promise<SaveResult[]>;
  /**
   * Every stored article's grouping state in the order the articles were first stored (the
   * order grouping first saw them), for warming the in-memory indexes by replay.
   */
  groupingState(afterSeq?: number): AsyncIterable<GroupingStateRow>;
  /**
   * Stories by `lastUpdated`, newest first: the last time an article of the story was added or
   * revised (seeing the same text again does not count). At most 500 per call.
   */
  listStories(options: ListWindow<StoryListKey>): Promise<StorySummaryRow[]>;
  /** A story with its families (earliest first; in each, the original first) and topics. */
  getStory(id: string): Promise<StoryView | null>;
  getArticle(id: string): Promise<ArticleRow | null>;
  /** A copy family with its story id and articles (original first); null for an unknown id. */
  getFamily(id: string): Promise<(FamilyView & { storyId: string }) | null>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
  /** Which SQL dialect backs this store. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Superseded texts of an article, oldest first; the current text is on the article. */
  articleRevisions(articleId: string): Promise<RevisionRow[]>;
  /** Articles matching every word of `query` (full text, titles and bodies), best first. */
  search(query: string, limit: number): Promise<ArticleRow[]>;
  /**
   * Stories with an article among the best 200 matches of `query`, ranked by their best
   * matching article.
   */
  searchStories(query: string, limit: number): Promise<StorySummaryRow[]>;
  /** The raw bytes of a stored page (decompressed), for reprocessing; null for an unknown id. */
  pageBody(pageId: number): Promise<Uint8Array | null>;
  /** Every stored page (no bodies), in the order first stored: what `reprocess` walks. */
  storedPages(): AsyncIterable<StoredPage>;
  /** A stored page as extraction takes it (body decompressed); null for an unknown id. */
  readPage(pageId: number): Promise<Page | null>;
  /**
   * Deletes every article, revision, family, story and topic (pages, sources and outlets stay),
   * so that replaying storedPages() through the pipeline rebuilds them with today's algorithms.
   */
  clearDerived(): Promise<void>;
  /** Topics carried by the most stories first. */
  listTopics(options: ListWindow<TopicListKey>): Promise<TopicSummaryRow[]>;
  getTopic(key: string): Promise<Topic | null>;
  /** Stories carrying the topic, most recently updated first. */
  listStoriesByTopic(key: string, options: ListWindow<StoryListKey>): Promise<StorySummaryRow[]>;
  /** Outlets with at least one article, most articles first. */
  listOutlets(options: ListWindow<OutletListKey>): Promise<OutletListRow[]>;
  getOutlet(name: string): Promise<OutletSummaryRow | null>;
  /** Stories the outlet covered, most recently updated first. */
  listStoriesByOutlet(name: string, options: ListWindow<StoryListKey>): Promise<StorySummaryRow[]>;
  /** Other stories sharing the story's topics, rare shared topics weighing most. */
  relatedStories(storyId: string, limit: number): Promise<RelatedStoryRow[]>;
  /** Opening text of each story's first original article (a few hundred characters), by id. */
  storyLeads(storyIds: readonly string[]): Promise<Map<string, string>>;
  /** The most recently updated stories with their counts only (what the front page ranks). */
  rankCandidates(limit: number): Promise<StoryRankRow[]>;
  /** Story summaries in the order of `ids` (unknown ids skipped), at most 500. */
  storySummaries(ids: readonly string[]): Promise<StorySummaryRow[]>;
  /** Adds a source (an existing URI is kept as is) and returns its id. */
  addSource(source: SourceToAdd): Promise<number>;
  listSources(): Promise<SourceRow[]>;
  /** Records a fetch outcome: success resets `failures`, a failure increments it. */
  recordSourceFetch(uri: string, fetch: SourceFetch): Promise<void>;
  /** Removes a source (its pages stay); false when unknown. */
  removeSource(uri: string): Promise<boolean>;
  /**
   * Holds a fetched document until it is processed (live ingestion): null when the same bytes
   * wait already. Rows leave by finishQueuedPage, so a crash never loses a fetched document.
   */
  enqueuePage(input: QueuedPageToAdd): Promise<number | null>;
  /** Queued documents tried fewer than `maxAttempts` times, oldest first (bodies decompressed). */
  pendingPages(limit: number, maxAttempts: number): Promise<QueuedPage[]>;
  finishQueuedPage(id: number): Promise<void>;
  /** Counts a failed attempt and keeps the row for a later pass. */
  failQueuedPage(id: number, error: string): Promise<void>;
  /** True when these bytes are stored as a page or wait in the fetch queue. */
  hasFetched(sha256: string): Promise<boolean>;
  /** Feed items the source has delivered, with their content hashes. */
  sourceItems(uri: string): Promise<SourceItem[]>;
  markSourceItems(
    uri: string,
    items: readonly { key: string; hash: string; url: string | null }[],
    at: string,
  ): Promise<void>;
  /** Forgets the source's items last seen before `before`; returns how many. */
  forgetSourceItems(uri: string, before: string): Promise<number>;
  /**
   * Records an editor's correction to story grouping (unless re-applying one) and writes its
   * effect in one transaction; returns the correction's id (0 when not recorded).
   */
  saveCorrection(input: CorrectionToSave): Promise<number>;
  /** Every correction, oldest first. Kept when derived rows are cleared. */
  corrections(): Promise<CorrectionRow[]>;
}

export interface StoreOptions {
  /** The clock for `processed_at` and `added_at`; tests pass a fixed one. */
  now?: () => Date;
  /**
   * Saves on a thread with its own connection (save-thread.ts), so a batch writer groups the
   * next batch while the last is written. The thread's rows are stamped with the real clock;
   * an in-memory SQLite store, which no second connection can see, saves inline.
   */
  saveThread?: boolean;
}

/**
 * Opens (creating when needed) the store at `databaseUrl` (`sqlite:<path>`, `sqlite::memory:`,
 * later `postgres://...`) and runs pending migrations before returning.
 */
export async function openStore(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
  const connection = connect(databaseUrl);
  try {
    await ping(connection, databaseUrl);
    await migrateToLatest(connection.db, connection.dialect);
  } catch (error) {
    await connection.db.destroy();
    throw error;
  }
  const store = createStore(connection, options.now ?? (() => new Date()));
  if (!options.saveThread || databaseUrl === 'sqlite::memory:') return store;
  try {
    return withSaveThread(store, await SaveThread.start(databaseUrl));
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Fails early, naming the server, when it cannot be reached (PostgreSQL connects lazily). */
async function ping({ db }: Connection, databaseUrl: string): Promise<void> {
  try {
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    throw new StorylineError(
      'STORE_FAILED',
      `store: unable to open ${withoutPassword(databaseUrl)}: ${describeError(error)}`,
      { cause: error },
    );
  }
}
