// Editors' corrections to story grouping (issue 5): "these two stories are one", "this article
// (with its copies) does not belong in that story". Keyed by article ids, which derive from URLs
// and so survive a rebuild of everything derived (clearDerived leaves this table alone); the
// pipeline re-applies them in order when it warms up or reprocesses.
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

export function corrections(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('corrections')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        // 'merge' (the stories of article_id and other_article_id are one) or 'move' (the
        // family of article_id goes to the story of other_article_id, or alone when null).
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('other_article_id', 'text')
        // The last article stored when the editor decided (articles.seq): a warm-up replays the
        // correction right after that article, so memory decides later articles as live did.
        .addColumn('after_seq', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
