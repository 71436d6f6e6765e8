// savePage: everything one processed page changes, in one transaction (savePages: several pages,
// in order, in one transaction, which shares the commit: see SAVE_BATCH_PAGES). The order matters:
// groups exist before articles point at them (foreign keys), merges run before articles are
// placed (so an article never lands in a family that is about to disappear), and counts are
// recomputed last, from the rows, so they can never drift from what is stored.
import type { Kysely } from 'kysely';
import { StorylineError, describeError } from '../errors.js';
import { dropArticlesNotIn, saveArticle } from './articles.js';
import { domainOf, isoTime } from './codec.js';
import type { StoreDialect } from './dialect.js';
import { ensureStory, mergeFamily, mergeStory, placeFamily, setFamilyOriginal } from './groups.js';
import { upsertOutlet } from './outlets.js';
import { putPage } from './pages.js';
import type { Database } from './schema.js';
import { guessKind, upsertSource } from './sources.js';
import { SearchWrites } from './search-writes.js';
import { recountFamilies, recountStories } from './recount.js';
import { setArticleTopics } from './topics.js';
import type { ArticleToSave, PageToSave, SaveResult } from './index.js';

/** Ids whose counts must be recomputed before the transaction commits (once per batch). */
interface Touched {
  families: Set<string>;
  stories: Set<string>;
  /** Search index writes, made last (see search-writes.ts). */
  search: SearchWrites;
}

export async function savePage(
  db: Kysely<Database>,
  dialect: StoreDialect,
  input: PageToSave,
  now: Date,
): Promise<SaveResult> {
  return (await savePages(db, dialect, [input], now))[0]!;
}

/**
 * Saves pages in order in one transaction: all or nothing. The commit (the WAL write and the
 * full-text index's new segment) was a quarter of a one-page save's CPU time on SQLite
 * (bench/scale lane, 2026-12-07), and it is paid once per call.
 */
export async function savePages(
  db: Kysely<Database>,
  dialect: StoreDialect,
  inputs: readonly PageToSave[],
  now: Date,
): Promise<SaveResult[]> {
  if (inputs.length === 0) return [];
  let current = inputs[0]!;
  try {
    return await dialect.writeTransaction(db, async (trx) => {
      const results: SaveResult[] = [];
      const touched: Touched = {
        families: new Set(),
        stories: new Set(),
        search: new SearchWrites(),
      };
      for (const input of inputs) {
        current = input;
        results.push(await writePage(trx, dialect, input, now, touched));
      }
      // Counts are derived from the rows, so recounting once after the whole batch stores what
      // recounting after every page would, and a story that many pages touch is counted once.
      await recount(trx, touched);
      await touched.search.flush(trx, dialect);
      return results;
    });
  } catch (error) {
    const others =
      inputs.length > 1 ? ` (and the ${inputs.length - 1} other pages of its batch)` : '';
    throw new StorylineError(
      'STORE_FAILED',
      `store: unable to save page ${current.page.url}${others}: ${describeError(error)}`,
      { cause: error },
    );
  }
}

async function writePage(
  db: Kysely<Database>,
  dialect: StoreDialect,
  input: PageToSave,
  now: Date,
  touched: Touched,
): Promise<SaveResult> {
  const seenAt = isoTime(input.page.fetchedAt);
  const sourceId =
    input.sourceUri === null
      ? null
      : await upsertSource(
          db,
          { kind: guessKind(input.sourceUri), uri: input.sourceUri },
          isoTime(now),
        );
  const page = await putPage(db, input, sourceId, isoTime(now));
  await applyMerges(db, input, seenAt, touched);
  const result: SaveResult = {
    pageId: page.id,
    pageExisted: page.existed,
    inserted: 0,
    revised: 0,
    unchanged: 0,
  };
  const outlets = new Map<string, number>();
  for (const item of input.articles) {
    const outletId = await outletFor(db, item, input.page.url, outlets);
    await ensureStory(db, item.grouping.storyId, seenAt);
    const leftStory = await placeFamily(db, item.grouping.familyId, item.grouping.storyId, seenAt);
    if (leftStory !== null) touched.stories.add(leftStory);
    const saved = await saveArticle(db, item, { pageId: page.id, outletId, seenAt });
    result[saved.outcome] += 1;
    touched.families.add(item.grouping.familyId);
    touched.stories.add(item.grouping.storyId);
    if (saved.previous !== null) {
      touched.families.add(saved.previous.familyId);
      touched.stories.add(saved.previous.storyId);
    }
    await setArticleTopics(db, item.id, item.topics);
    if (saved.outcome !== 'unchanged')
      touched.search.index(
        item.id,
        item.article.title,
        item.article.text,
        saved.outcome === 'inserted',
      );
  }
  if (page.existed) await dropStale(db, dialect, page.id, input.articles, touched);
  for (const { familyId, originalId } of input.familyOriginals) {
    await setFamilyOriginal(db, familyId, originalId);
    touched.families.add(familyId);
  }
  return result;
}

/**
 * Saving bytes already stored is a reprocess: the new extraction is the truth about that page,
 * so articles it no longer finds go (a different page from the same URL never removes any).
 */
async function dropStale(
  db: Kysely<Database>,
  dialect: StoreDialect,
  pageId: number,
  articles: readonly ArticleToSave[],
  touched: Touched,
): Promise<void> {
  const dropped = await dropArticlesNotIn(
    db,
    pageId,
    articles.map((a) => a.id),
    (id) => touched.search.drop(db, dialect, id),
  );
  for (const { familyId, storyId } of dropped) {
    touched.families.add(familyId);
    touched.stories.add(storyId);
  }
}

/** Story merges first: a family merge then finds both families already in the surviving story. */
async function applyMerges(
  db: Kysely<Database>,
  input: PageToSave,
  seenAt: string,
  touched: Touched,
): Promise<void> {
  for (const { from, into } of input.mergedStories) {
    if (await mergeStory(db, from, into, seenAt)) touched.stories.add(into);
  }
  for (const { from, into } of input.mergedFamilies) {
    const stories = await mergeFamily(db, from, into, seenAt);
    if (stories === null) continue;
    touched.families.add(into);
    for (const id of stories) touched.stories.add(id);
  }
}

async function outletFor(
  db: Kysely<Database>,
  item: ArticleToSave,
  pageUrl: string,
  cache: Map<string, number>,
): Promise<number | null> {
  const name = item.article.outlet?.trim();
  if (!name) return null;
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  // A related article on an aggregator page is not published on the aggregator's domain, so
  // only the main article may borrow the page's domain.
  const domain = domainOf(item.article.url) ?? (item.position === 0 ? domainOf(pageUrl) : null);
  const id = await upsertOutlet(db, name, domain);
  cache.set(name, id);
  return id;
}

/** Families before stories: an emptied family must be gone before its story is recounted. */
async function recount(db: Kysely<Database>, touched: Touched): Promise<void> {
  for (const id of await recountFamilies(db, touched.families)) touched.stories.add(id);
  await recountStories(db, touched.stories);
}
