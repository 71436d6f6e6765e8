// What one savePages call keeps across its pages: rows it read once for the whole batch, and
// writes held back to the end. On PostgreSQL each statement is a network round trip and a
// parse on the server; read and written page by page, a saved article cost about seventeen
// (bench/scale lane, 2026-12-07). Every shortcut here gives exactly what the page-by-page
// statements would: a read ahead is used only while nothing in the batch can have changed the
// row, and a held-back write is one nothing reads before the end.
import type { Kysely } from 'kysely';
import { ArticleInserts, storedArticles, type StoredArticle } from './articles.js';
import type { StoreDialect } from './dialect.js';
import {
  ensureStories,
  insertFamilies,
  setFamilyOriginals,
  storiesOfFamilies,
  storyOfFamily,
} from './groups.js';
import { putPages } from './pages.js';
import { guessKind, upsertSource } from './sources.js';
import { outletsNamed, type StoredOutlet } from './outlets.js';
import { recountFamilies, recountStories } from './recount.js';
import type { Database } from './schema.js';
import { SearchWrites } from './search-writes.js';
import { TopicWrites } from './topics.js';
import type { PageToSave } from './index.js';
import { isoTime } from './codec.js';

export class SaveBatch {
  /** Families and stories whose counts must be recomputed before the commit. */
  readonly families = new Set<string>();
  readonly stories = new Set<string>();
  /** Search index writes, made last (see search-writes.ts). */
  readonly search = new SearchWrites();
  readonly topics = new TopicWrites();
  /** New article rows: flushed before anything reads or updates articles (flushArticles). */
  readonly articles = new ArticleInserts();
  /** Each family's recorded original, the last one given: nothing reads it before recounting. */
  readonly originals = new Map<string, string>();

  /** The batch created every story it places articles in up front: no ensureStory needed. */
  readonly storiesCreated: boolean;

  private constructor(
    /** Each page's row (in input order) and whether those bytes were stored before. */
    readonly pages: readonly { id: number; existed: boolean }[],
    /** Outlets by name; outlets are never deleted or renamed by a save, so this stays true. */
    private readonly outlets: Map<string, StoredOutlet>,
    /** Family -> story of every family the batch places, kept true; null: read each. */
    private readonly familyStories: Map<string, string> | null,
    /** Rows read ahead, each handed out once (null: read each). */
    private stored: Map<string, StoredArticle | undefined> | null,
  ) {
    this.storiesCreated = familyStories !== null;
  }

  /**
   * Reads ahead what the batch's pages will ask for. A batch with merges reads row by row:
   * a merge moves articles and families, and mergers are rare enough not to matter.
   */
  static async open(
    db: Kysely<Database>,
    inputs: readonly PageToSave[],
    processedAt: string,
  ): Promise<SaveBatch> {
    // Sources and pages first, in page order (as page-by-page saving numbers them): nothing
    // else in a save reads or changes them.
    const sourceIds = new Map<string, number>();
    for (const { sourceUri: uri } of inputs)
      if (uri !== null && !sourceIds.has(uri))
        sourceIds.set(uri, await upsertSource(db, { kind: guessKind(uri), uri }, processedAt));
    const pages = await putPages(
      db,
      inputs,
      inputs.map((i) => (i.sourceUri === null ? null : sourceIds.get(i.sourceUri)!)),
      processedAt,
    );
    const items = inputs.flatMap((input) => input.articles);
    const outlets = await outletsNamed(
      db,
      items.flatMap((i) => outletName(i.article.outlet)),
    );
    if (inputs.some((i) => i.mergedFamilies.length > 0 || i.mergedStories.length > 0))
      return new SaveBatch(pages, outlets, null, null);
    // Every story the batch places an article in, created up front as ensureStory would (the
    // first page to name a story gives its times, which recounting replaces anyway).
    const stories = new Map<string, string>();
    for (const input of inputs)
      for (const item of input.articles)
        if (!stories.has(item.grouping.storyId))
          stories.set(item.grouping.storyId, isoTime(input.page.fetchedAt));
    await ensureStories(
      db,
      [...stories].map(([id, seenAt]) => ({ id, seenAt })),
    );
    // Families new to the store likewise, in the story and with the time of the first article
    // placed in them, as placeFamily would create them.
    const familyStories = await storiesOfFamilies(
      db,
      items.map((i) => i.grouping.familyId),
    );
    const newFamilies = new Map<string, { id: string; storyId: string; seenAt: string }>();
    for (const input of inputs)
      for (const { grouping } of input.articles)
        if (!familyStories.has(grouping.familyId) && !newFamilies.has(grouping.familyId))
          newFamilies.set(grouping.familyId, {
            id: grouping.familyId,
            storyId: grouping.storyId,
            seenAt: isoTime(input.page.fetchedAt),
          });
    await insertFamilies(db, [...newFamilies.values()]);
    for (const family of newFamilies.values()) familyStories.set(family.id, family.storyId);
    const rows = await storedArticles(
      db,
      items.map((i) => i.id),
    );
    const stored = new Map<string, StoredArticle | undefined>();
    for (const { id } of items) stored.set(id, rows.get(id));
    return new SaveBatch(pages, outlets, familyStories, stored);
  }

  /** The story family `id` is in now (null: not stored). */
  async familyStory(db: Kysely<Database>, id: string): Promise<string | null> {
    const known = this.familyStories?.get(id);
    return known !== undefined ? known : storyOfFamily(db, id);
  }

  /** Records where a family now is; a family that moved also moved its articles' rows. */
  placed(familyId: string, storyId: string, moved: boolean): void {
    this.familyStories?.set(familyId, storyId);
    if (moved) this.stored = null;
  }

  /** The stored row of article `id` as it is now (undefined: not stored). */
  async storedArticle(db: Kysely<Database>, id: string): Promise<StoredArticle | undefined> {
    if (this.stored?.has(id)) {
      const row = this.stored.get(id);
      // Saving the article changes its row: a second save in the batch reads it afresh.
      this.stored.delete(id);
      return row;
    }
    await this.flushArticles(db);
    return (await storedArticles(db, [id])).get(id);
  }

  /** Writes the queued article rows: call it before a statement that reads or updates them. */
  flushArticles(db: Kysely<Database>): Promise<void> {
    return this.articles.flush(db);
  }

  /** Forgets what the batch holds for an article whose row is being deleted. */
  dropped(id: string): void {
    this.stored?.delete(id);
    this.topics.drop(id);
  }

  /** The outlet when nothing would change in its row, else undefined (upsert it). */
  knownOutlet(name: string, domain: string | null): StoredOutlet | undefined {
    const known = this.outlets.get(name);
    return known !== undefined && (known.domain !== null || domain === null) ? known : undefined;
  }

  rememberOutlet(name: string, outlet: StoredOutlet): void {
    this.outlets.set(name, outlet);
  }

  /**
   * The held-back writes, then the counts. Families before stories: an emptied family must be
   * gone before its story is recounted. Search entries go last (see search-writes.ts).
   */
  async finish(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
    await this.flushArticles(db);
    await setFamilyOriginals(db, this.originals);
    await this.topics.flush(db);
    for (const id of await recountFamilies(db, this.families)) this.stories.add(id);
    await recountStories(db, this.stories);
    await this.search.flush(db, dialect);
  }
}

/** The outlet name an article is filed under, if any. */
export function outletName(outlet: string | null | undefined): string[] {
  const name = outlet?.trim();
  return name ? [name] : [];
}
