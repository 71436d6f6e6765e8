// savePage: everything one processed page changes, in one transaction (savePages: several pages,
// in order, in one transaction, which shares the commit: see SAVE_BATCH_PAGES). The order matters:
// groups exist before articles point at them (foreign keys), merges run before articles are
// placed (so an article never lands in a family that is about to disappear), and counts are
// recomputed last, from the rows, so they can never drift from what is stored. What the batch
// reads ahead and holds back to its end is in save-batch.ts.
import type { Kysely } from 'kysely';
import { StorylineError, describeError } from '../errors.js';
import { dropArticlesNotIn, saveArticle } from './articles.js';
import { domainOf, isoTime } from './codec.js';
import type { StoreDialect } from './dialect.js';
import { ensureStory, mergeFamily, mergeStory, placeFamily } from './groups.js';
import { upsertOutlet } from './outlets.js';
import type { Database } from './schema.js';
import { SaveBatch, outletName } from './save-batch.js';
import type { ArticleToSave, PageToSave, SaveResult } from './index.js';

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
      const batch = await SaveBatch.open(trx, inputs, isoTime(now));
      for (const [i, input] of inputs.entries()) {
        current = input;
        results.push(await writePage(trx, dialect, input, batch.pages[i]!, batch));
      }
      // Counts are derived from the rows, so recounting once after the whole batch stores what
      // recounting after every page would, and a story that many pages touch is counted once.
      await batch.finish(trx, dialect);
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
  page: { id: number; existed: boolean },
  batch: SaveBatch,
): Promise<SaveResult> {
  const seenAt = isoTime(input.page.fetchedAt);
  await applyMerges(db, input, seenAt, batch);
  const result: SaveResult = {
    pageId: page.id,
    pageExisted: page.existed,
    inserted: 0,
    revised: 0,
    unchanged: 0,
  };
  for (const item of input.articles) {
    const outletId = await outletFor(db, item, input.page.url, batch);
    const { familyId, storyId } = item.grouping;
    if (!batch.storiesCreated) await ensureStory(db, storyId, seenAt);
    const current = await batch.familyStory(db, familyId);
    // Moving a family updates its articles' rows, the queued ones included.
    if (current !== null && current !== storyId) await batch.flushArticles(db);
    const leftStory = await placeFamily(db, familyId, storyId, seenAt, current);
    batch.placed(familyId, storyId, leftStory !== null);
    if (leftStory !== null) batch.stories.add(leftStory);
    const existing = await batch.storedArticle(db, item.id);
    const context = { pageId: page.id, outletId, seenAt };
    const saved = await saveArticle(db, item, context, existing, batch.articles);
    result[saved.outcome] += 1;
    batch.families.add(familyId);
    batch.stories.add(storyId);
    if (saved.previous !== null) {
      batch.families.add(saved.previous.familyId);
      batch.stories.add(saved.previous.storyId);
    }
    batch.topics.set(item.id, item.topics);
    if (saved.outcome !== 'unchanged')
      batch.search.index(
        item.id,
        item.article.title,
        item.article.text,
        saved.outcome === 'inserted',
      );
  }
  if (page.existed) await dropStale(db, dialect, page.id, input.articles, batch);
  for (const { familyId, originalId } of input.familyOriginals) {
    batch.originals.set(familyId, originalId);
    batch.families.add(familyId);
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
  batch: SaveBatch,
): Promise<void> {
  await batch.flushArticles(db);
  const dropped = await dropArticlesNotIn(
    db,
    pageId,
    articles.map((a) => a.id),
    (id) => {
      batch.dropped(id);
      return batch.search.drop(db, dialect, id);
    },
  );
  for (const { familyId, storyId } of dropped) {
    batch.families.add(familyId);
    batch.stories.add(storyId);
  }
}

/** Story merges first: a family merge then finds both families already in the surviving story. */
async function applyMerges(
  db: Kysely<Database>,
  input: PageToSave,
  seenAt: string,
  batch: SaveBatch,
): Promise<void> {
  // Merges move article rows, the queued ones included.
  if (input.mergedStories.length > 0 || input.mergedFamilies.length > 0)
    await batch.flushArticles(db);
  for (const { from, into } of input.mergedStories) {
    if (await mergeStory(db, from, into, seenAt)) batch.stories.add(into);
  }
  for (const { from, into } of input.mergedFamilies) {
    const stories = await mergeFamily(db, from, into, seenAt);
    if (stories === null) continue;
    // The row is gone: an original held back for it must not land on a later family so named.
    batch.originals.delete(from);
    batch.families.add(into);
    for (const id of stories) batch.stories.add(id);
  }
}

async function outletFor(
  db: Kysely<Database>,
  item: ArticleToSave,
  pageUrl: string,
  batch: SaveBatch,
): Promise<number | null> {
  const [name] = outletName(item.article.outlet);
  if (name === undefined) return null;
  // A related article on an aggregator page is not published on the aggregator's domain, so
  // only the main article may borrow the page's domain.
  const domain = domainOf(item.article.url) ?? (item.position === 0 ? domainOf(pageUrl) : null);
  const known = batch.knownOutlet(name, domain);
  if (known !== undefined) return known.id;
  const outlet = await upsertOutlet(db, name, domain);
  batch.rememberOutlet(name, outlet);
  return outlet.id;
}
