// The full-text index's writes of one save, held back to the end of its transaction. SQLite's
// FTS5 keeps new entries in memory until the transaction commits, but every other write
// statement opens a savepoint, and at each savepoint FTS5 flushes what it holds as a new tiny
// segment. With one article's entry between every page's other writes, that flush (and the
// merging of thousands of tiny segments) was the most expensive part of a save: a page insert
// after an index write took 176 us, 14 us without one, on a 100k-article store. Written last,
// a batch's entries become one segment.
import type { Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { Database } from './schema.js';

interface PendingEntry {
  title: string | null;
  text: string;
  /** The index may hold an older entry for this article, which the write must replace. */
  replaces: boolean;
}

export class SearchWrites {
  private readonly pending = new Map<string, PendingEntry>();

  /** The article's current text, to be indexed at flush (the last text queued wins). */
  index(id: string, title: string | null, text: string, isNew: boolean): void {
    const earlier = this.pending.get(id);
    this.pending.set(id, { title, text, replaces: earlier?.replaces ?? !isNew });
  }

  /** Removes the article's entry now: its row, which SQLite's index is keyed by, is going. */
  async drop(db: Kysely<Database>, dialect: StoreDialect, id: string): Promise<void> {
    this.pending.delete(id);
    await dialect.unindexArticle(db, id);
  }

  /** Writes every queued entry; run it after the transaction's other writes. */
  async flush(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
    const entries = [...this.pending].map(([id, { title, text, replaces }]) => ({
      id,
      title,
      text,
      isNew: !replaces,
    }));
    this.pending.clear();
    await dialect.indexArticles(db, entries);
  }
}
