// Articles and their revisions. An article id is stable (page URL + position), so seeing it
// again either changes nothing or, when the text changed, keeps the old text as a revision.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { encodeParagraphs, encodeSignature, toJson } from './codec.js';
import { chunks } from './chunks.js';
import { compiledQuery } from './compiled-query.js';
import type { Database } from './schema.js';
import type { ArticleToSave } from './index.js';

export type ArticleOutcome = 'inserted' | 'revised' | 'unchanged';

export interface ArticleSaved {
  outcome: ArticleOutcome;
  /** Where the article was before this save (null when new): those groups need recounting. */
  previous: { familyId: string; storyId: string } | null;
}

export interface ArticleContext {
  pageId: number;
  outletId: number | null;
  /** The page's fetch time: when this text was seen. */
  seenAt: string;
}

/** What saving an article again needs of its stored row. */
export interface StoredArticle {
  id: string;
  revision: number;
  page_id: number;
  text: string;
  title: string | null;
  text_hash: string;
  changed_at: string;
  last_seen: string;
  family_id: string;
  story_id: string;
}

const STORED_COLUMNS = [
  'id',
  'revision',
  'page_id',
  'text',
  'title',
  'text_hash',
  'changed_at',
  'last_seen',
  'family_id',
  'story_id',
] as const;

const selectStoredArticles = compiledQuery((db, v: { ids: string[] }) =>
  db.selectFrom('articles').select(STORED_COLUMNS).where('id', 'in', v.ids),
);

/** The stored rows among `ids`, by id. */
export async function storedArticles(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, StoredArticle>> {
  const out = new Map<string, StoredArticle>();
  for (const chunk of chunks([...new Set(ids)]))
    for (const row of (await selectStoredArticles(db, { ids: chunk })).rows) out.set(row.id, row);
  return out;
}

type NewArticleRow = ReturnType<typeof currentText> & { id: string; first_seen: string };

/** Articles per insert statement: each row carries a whole text and its HTML. */
const ARTICLES_PER_STATEMENT = 50;

/**
 * New articles of one save, inserted together: a statement per chunk, where each was one of
 * its own. The owner flushes before anything reads or updates article rows, so the rows are
 * there whenever they are looked at, and numbered (seq) in the order they were queued.
 */
export class ArticleInserts {
  private pending: NewArticleRow[] = [];

  queue(row: NewArticleRow): void {
    this.pending.push(row);
  }

  async flush(db: Kysely<Database>): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    // MAX + 1 is race-free here: savePage holds the store's write lock (see dialect.ts).
    const { last } = await db
      .selectFrom('articles')
      .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), sql<number>`0`).as('last'))
      .executeTakeFirstOrThrow();
    let seq = Number(last);
    for (let at = 0; at < rows.length; at += ARTICLES_PER_STATEMENT) {
      const chunk = rows.slice(at, at + ARTICLES_PER_STATEMENT);
      await db
        .insertInto('articles')
        .values(chunk.map((row) => ({ ...row, seq: ++seq, revision: 1 })))
        .execute();
    }
  }
}

/**
 * Saves `item`, whose stored row is `existing` (undefined: not stored); a new article's row is
 * queued on `inserts`.
 */
export async function saveArticle(
  db: Kysely<Database>,
  item: ArticleToSave,
  ctx: ArticleContext,
  existing: StoredArticle | undefined,
  inserts: ArticleInserts,
): Promise<ArticleSaved> {
  if (existing === undefined) {
    inserts.queue({ id: item.id, first_seen: ctx.seenAt, ...currentText(item, ctx) });
    return { outcome: 'inserted', previous: null };
  }
  const previous = { familyId: existing.family_id, storyId: existing.story_id };
  if (existing.text_hash === item.fingerprint.textHash) {
    await db
      .updateTable('articles')
      .set({
        // Pages may be processed out of fetch order (a reprocess, a slow worker).
        last_seen: ctx.seenAt > existing.last_seen ? ctx.seenAt : existing.last_seen,
        family_id: item.grouping.familyId,
        story_id: item.grouping.storyId,
      })
      .where('id', '=', item.id)
      .execute();
    return { outcome: 'unchanged', previous };
  }
  await db
    .insertInto('article_revisions')
    .values({
      article_id: item.id,
      revision: existing.revision,
      page_id: existing.page_id,
      text: existing.text,
      title: existing.title,
      text_hash: existing.text_hash,
      seen_at: existing.changed_at,
    })
    .execute();
  await db
    .updateTable('articles')
    .set({ ...currentText(item, ctx), revision: existing.revision + 1 })
    .where('id', '=', item.id)
    .execute();
  return { outcome: 'revised', previous };
}

/** Every column a new revision replaces (all but id, revision and first_seen). */
function currentText(item: ArticleToSave, ctx: ArticleContext) {
  const { article, fingerprint, grouping } = item;
  return {
    page_id: ctx.pageId,
    position: item.position,
    url: article.url,
    outlet_id: ctx.outletId,
    title: article.title,
    byline: article.byline,
    published: article.published,
    updated: article.updated,
    dateline: article.dateline,
    credit: article.credit,
    language: article.language,
    text: article.text,
    paragraphs: encodeParagraphs(article.text, article.paragraphs),
    html: article.html,
    images: toJson(article.images),
    word_count: item.wordCount,
    signature: encodeSignature(fingerprint.signature),
    shingle_count: fingerprint.shingleCount,
    paragraph_hashes: toJson(fingerprint.paragraphHashes),
    text_hash: fingerprint.textHash,
    family_id: grouping.familyId,
    story_id: grouping.storyId,
    is_original: grouping.isOriginal ? 1 : 0,
    last_seen: ctx.seenAt,
    changed_at: ctx.seenAt,
  };
}

/**
 * Deletes the articles that `pageId` carried but a new extraction of the same bytes no longer
 * finds (a reprocess with a better extractor); returns their groups, which need recounting.
 */
export async function dropArticlesNotIn(
  db: Kysely<Database>,
  pageId: number,
  keep: readonly string[],
  beforeDelete: (id: string) => Promise<void>,
): Promise<{ id: string; familyId: string; storyId: string }[]> {
  let query = db
    .selectFrom('articles')
    .select(['id', 'family_id', 'story_id'])
    .where('page_id', '=', pageId);
  if (keep.length > 0) query = query.where('id', 'not in', keep);
  const stale = await query.execute();
  for (const { id } of stale) {
    await beforeDelete(id);
    await db.deleteFrom('article_topics').where('article_id', '=', id).execute();
    await db.deleteFrom('article_revisions').where('article_id', '=', id).execute();
    await db.deleteFrom('articles').where('id', '=', id).execute();
  }
  return stale.map((r) => ({ id: r.id, familyId: r.family_id, storyId: r.story_id }));
}

export interface RevisionRow {
  revision: number;
  pageId: number;
  title: string | null;
  text: string;
  textHash: string;
  seenAt: string;
}

/** Superseded texts of one article, oldest first (the current text is on the article row). */
export async function listRevisions(
  db: Kysely<Database>,
  articleId: string,
): Promise<RevisionRow[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    pageId: r.page_id,
    title: r.title,
    text: r.text,
    textHash: r.text_hash,
    seenAt: r.seen_at,
  }));
}
