// The whole flow; read this first.
//
//   page ─► extract ─► fingerprint ─► families ─► enrich (topics) ─► stories ─► store
//
// The stages are a pure core (values in, values out, the clock passed in); this file joins
// them and is the only place that does (a page's parallel stages: prepare-page.ts). The copy and story indexes live in memory, warmed
// from the store on start by replaying every stored article oldest first, and the store stays
// the source of truth: if a save fails, the indexes are rebuilt from it.
import { createHash } from 'node:crypto';
import { warmGrouper, type GroupedArticle, type Grouper } from './grouper.js';
import { preparePage, type PreparedPage } from './prepare-page.js';
import type {
  CorrectionEffect,
  CorrectionRequest,
  PageToSave,
  SaveResult,
  Store,
} from './store/index.js';
import { StorylineError } from './errors.js';
import type { Page } from './types.js';

export {
  Grouper,
  countWords,
  prepareArticle,
  warmGrouper,
  type GroupedArticle,
  type PreparedArticle,
} from './grouper.js';
export { articleId, extractPage, preparePage, type PreparedPage } from './prepare-page.js';

/** What became of one page. Expected outcomes are values; only real failures throw. */
export type PageOutcome =
  | { status: 'duplicate' }
  | { status: 'not-article'; reason: string }
  | { status: 'unreadable'; code: 'INPUT_EMPTY' | 'INPUT_BINARY' | 'INPUT_CORRUPT'; reason: string }
  | { status: 'processed'; articles: number; inserted: number; revised: number; unchanged: number };

export class Pipeline {
  /**
   * Grouping runs one batch at a time, in the order placeBatch was called: every section that
   * reads or changes the indexes holds this lane (see `exclusive`).
   */
  private lane: Promise<unknown> = Promise.resolve();
  /**
   * The last save asked for. Each save is posted only once the one before it has succeeded, so
   * a batch grouped on top of a failed one is never written (it is grouped again instead),
   * while the grouping of the next batch still runs during the save (a store with a save
   * thread writes on the other core).
   */
  private lastSave: Promise<unknown> = Promise.resolve();
  /**
   * Set when a save or a section failed, so the indexes may hold what the store does not: the
   * next section on the lane rebuilds them from the store first.
   */
  private stale = false;
  /** Digests of pages taken by a batch and not yet saved (or given up). */
  private readonly claimed = new Set<string>();

  private constructor(
    private readonly store: Store,
    private grouper: Grouper,
  ) {}

  static async open(store: Store): Promise<Pipeline> {
    return new Pipeline(store, await warmGrouper(store));
  }

  /**
   * Applies an editor's correction (CLI, API): decided by the story index, recorded and written
   * by the store in one transaction, then kept when the store is replayed or reprocessed.
   */
  async correct(request: CorrectionRequest, note: string | null = null): Promise<CorrectionEffect> {
    // Saves in flight land first (a failed one queues its recovery ahead of this section).
    await this.lastSave.catch(() => undefined);
    return this.exclusive(async () => {
      await this.followCorrections();
      const effect = this.grouper.correct(request);
      if (!effect)
        throw new StorylineError(
          'NOT_FOUND',
          `stories: no such article to correct: ${missingOf(request)}`,
        );
      try {
        this.grouper.correctionsSeen = await this.store.saveCorrection({
          request,
          effect,
          note,
          record: true,
        });
      } catch (error) {
        this.stale = true;
        throw error;
      }
      return effect;
    });
  }

  /**
   * Corrections another process stored since (the API's, while this one polls) are applied to
   * memory before the next page, so a running ingest never undoes an editor's decision. Their
   * effect is already in the store.
   */
  private async followCorrections(): Promise<void> {
    for (const c of await this.store.corrections()) {
      if (c.id <= this.grouper.correctionsSeen) continue;
      this.grouper.correct(c.request);
      this.grouper.correctionsSeen = c.id;
    }
  }

  /**
   * Replays the articles stored after `afterSeq` by other processes, so this process's indexes
   * equal the store's before it groups again (the worker's grouping lane calls it after taking
   * the lane lock). Returns the last seq replayed (`afterSeq` when there was nothing new).
   */
  catchUp(afterSeq: number): Promise<number> {
    return this.exclusive(async () => {
      let last = afterSeq;
      for await (const row of this.store.groupingState(afterSeq)) {
        this.grouper.replay(row);
        last = row.seq;
      }
      return last;
    });
  }

  /**
   * Groups and stores a page whose articles were prepared elsewhere (`preparePage`), in one
   * transaction. The caller has checked the bytes are not stored yet. Throws what its save threw.
   */
  async placePrepared(
    page: Page,
    sha256: string,
    sourceUri: string | null,
    prepared: PreparedPage,
    now: Date,
  ): Promise<PageOutcome> {
    const [result] = await this.placeBatch([{ page, sha256, sourceUri, prepared, now }]);
    if ('error' in result!) throw result.error;
    return result!.outcome;
  }

  /**
   * Groups prepared pages in order and stores them in one transaction; the grouping is the same
   * as placing them one by one, and batches are grouped in the order of the calls. A caller may
   * call again before a batch's promise settles: the next batch is grouped while this one is
   * saved. If the save fails, the indexes are rebuilt from the store and the pages placed one
   * at a time, so a bad page costs only itself: each result is an outcome or that page's error.
   * The caller has checked that no page's bytes are stored yet, nor repeated in the batch.
   */
  async placeBatch(batch: readonly PlacedPage[]): Promise<PageResult[]> {
    try {
      for (;;) {
        try {
          return (await this.groupAndSave(batch)).map((outcome) => ({ outcome }));
        } catch (error) {
          // The batch before this one failed: group this one again once that one is placed
          // (its recovery was queued on the lane before this catch ran).
          if (isSuperseded(error)) continue;
          this.stale = true;
          return await this.exclusive(() => this.placeOneByOne(batch, error));
        }
      }
    } finally {
      for (const placed of batch) this.claimed.delete(placed.sha256);
    }
  }

  /** Groups the batch holding the lane, then waits for its save outside it. */
  private async groupAndSave(batch: readonly PlacedPage[]): Promise<PageOutcome[]> {
    const outcomes: PageOutcome[] = [];
    // Wrapped, so that the lane is let go when grouping ends (a promise returned by an async
    // function would be waited for).
    const { saving } = await this.exclusive(() => this.groupBatch(batch, outcomes));
    await saving;
    return outcomes;
  }

  /**
   * Groups every page of the batch and posts its save (chained after the last one); returns
   * the save's promise. A stored correction that falls due mid-batch is written in between.
   */
  private async groupBatch(
    batch: readonly PlacedPage[],
    outcomes: PageOutcome[],
  ): Promise<{ saving: Promise<void> }> {
    let pending: { at: number; save: PageToSave; articles: number }[] = [];
    const flush = () => {
      const taken = pending;
      pending = [];
      if (taken.length === 0) return Promise.resolve();
      return this.chainSave(taken.map((p) => p.save)).then((saved) =>
        taken.forEach((p, i) => {
          if (p.save.status === 'processed')
            outcomes[p.at] = { status: 'processed', articles: p.articles, ...saved[i]! };
        }),
      );
    };
    await this.followCorrections();
    for (const [at, input] of batch.entries()) {
      const { outcome, save, articles } = this.groupPage(input);
      if (outcome !== null) outcomes[at] = outcome;
      if (save === null) continue;
      pending.push({ at, save, articles });
      // A stored correction whose articles are now all placed applies right here, before the
      // next page is grouped, as it would one page at a time; its write follows the pages'.
      const ready = this.grouper.applyReady();
      if (ready.length === 0) continue;
      await flush();
      for (const { request, effect } of ready)
        await this.store.saveCorrection({ request, effect, record: false });
    }
    const saving = flush();
    saving.catch(() => undefined); // awaited by groupAndSave, outside the lane
    return { saving };
  }

  /** Posts a save once the one before it has succeeded; refused (superseded) if it failed. */
  private chainSave(saves: PageToSave[]): Promise<SaveResult[]> {
    const saving = this.lastSave.then(
      () => this.store.savePages(saves),
      () => {
        throw new StorylineError('STORE_SUPERSEDED', 'pipeline: an earlier batch failed to save');
      },
    );
    this.lastSave = saving;
    // Before any other reaction to the failure: whatever runs next on the lane rebuilds.
    saving.catch(() => (this.stale = true));
    return saving;
  }

  /** After a failed save (the lane has rebuilt the indexes): each page on its own. */
  private async placeOneByOne(batch: readonly PlacedPage[], error: unknown): Promise<PageResult[]> {
    if (batch.length === 1) return [{ error }];
    const results: PageResult[] = [];
    for (const placed of batch) {
      if (this.stale) await this.rebuild();
      try {
        const outcomes: PageOutcome[] = [];
        await (
          await this.groupBatch([placed], outcomes)
        ).saving;
        results.push({ outcome: outcomes[0]! });
      } catch (pageError) {
        this.stale = true;
        results.push({ error: pageError });
      }
    }
    return results;
  }

  /** The indexes again from the store, which is the truth: nothing is in flight any more. */
  private async rebuild(): Promise<void> {
    await this.lastSave.catch(() => undefined);
    this.grouper = await warmGrouper(this.store);
    this.lastSave = Promise.resolve();
    this.stale = false;
  }

  /**
   * Runs `work` holding the lane, after every section asked for before it, on indexes that
   * agree with the store.
   */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lane.then(async () => {
      if (this.stale) await this.rebuild();
      return work();
    });
    this.lane = run.catch(() => undefined);
    return run;
  }

  /**
   * Groups one prepared page into what its save writes. The outcome is known before the save
   * for every page but a processed one (its counts come from the store).
   */
  private groupPage(input: PlacedPage): {
    outcome: PageOutcome | null;
    save: PageToSave | null;
    articles: number;
  } {
    const { page, sha256, sourceUri, prepared, now } = input;
    // Not stored: there is nothing a later extractor could make of binary junk.
    if (prepared.kind === 'unreadable') {
      const outcome = {
        status: 'unreadable',
        code: prepared.code,
        reason: prepared.reason,
      } as const;
      return { outcome, save: null, articles: 0 };
    }
    const base = { page, sha256, sourceUri, mergedFamilies: [], mergedStories: [] };
    if (prepared.kind === 'not-article') {
      const note = prepared.reason;
      const save: PageToSave = {
        ...base,
        familyOriginals: [],
        status: 'not-article',
        note,
        articles: [],
      };
      return { outcome: { status: 'not-article', reason: note }, save, articles: 0 };
    }
    const grouped = prepared.articles.map((a) => this.grouper.groupPrepared(a, now));
    const save: PageToSave = { ...base, ...toSave(grouped), status: 'processed', note: null };
    return { outcome: null, save, articles: grouped.length };
  }

  /** Extracts, groups and stores one page in one transaction. */
  async processPage(page: Page, sourceUri: string | null, now: Date): Promise<PageOutcome> {
    const sha256 = createHash('sha256').update(page.body).digest('hex');
    if (!(await this.isNewPage(sha256, new Set()))) return { status: 'duplicate' };
    try {
      return await this.placePrepared(page, sha256, sourceUri, preparePage(page, now), now);
    } finally {
      this.claimed.delete(sha256);
    }
  }

  /**
   * True for bytes neither stored nor taken by a batch not yet saved, nor already in the batch
   * being built (`inBatch`, which they then join): the same bytes twice are a duplicate the
   * second time, as later. A page taken here is released when its batch is placed.
   */
  async isNewPage(sha256: string, inBatch: Set<string>): Promise<boolean> {
    if (inBatch.has(sha256) || this.claimed.has(sha256)) return false;
    if (await this.store.hasPage(sha256)) return false;
    if (inBatch.has(sha256) || this.claimed.has(sha256)) return false;
    inBatch.add(sha256);
    this.claimed.add(sha256);
    return true;
  }

  /**
   * Extracts, groups and stores pages in input order, SAVE_BATCH_PAGES to a transaction; the
   * grouping is the one processPage would make page by page. While a batch is saved the next
   * is read and grouped. A batch whose save fails is placed again one page at a time, so a bad
   * page costs only itself and its error names it. Results are in input order.
   */
  async processPages(items: readonly PageToProcess[]): Promise<PageResult[]> {
    const results: PageResult[] = [];
    let finishing: (() => Promise<PageResult[]>) | null = null;
    for (let at = 0; at < items.length; at += SAVE_BATCH_PAGES) {
      const next = await this.startBatch(items.slice(at, at + SAVE_BATCH_PAGES));
      if (finishing !== null) results.push(...(await finishing()));
      finishing = next;
    }
    if (finishing !== null) results.push(...(await finishing()));
    return results;
  }

  /**
   * Reads and prepares a batch, then starts placing it: the promise returned is the placing,
   * already on the lane, so a caller may prepare the next batch before awaiting it.
   */
  async startBatch(items: readonly PageToProcess[]): Promise<() => Promise<PageResult[]>> {
    const results: PageResult[] = [];
    const batch: PlacedPage[] = [];
    const positions: number[] = [];
    const inBatch = new Set<string>();
    for (const [at, { page, sourceUri, now }] of items.entries()) {
      const sha256 = createHash('sha256').update(page.body).digest('hex');
      let taken = false;
      try {
        taken = await this.isNewPage(sha256, inBatch);
        if (!taken) {
          results[at] = { outcome: { status: 'duplicate' } };
          continue;
        }
        batch.push({ page, sha256, sourceUri, prepared: preparePage(page, now), now });
        positions.push(at);
      } catch (error) {
        if (taken) this.claimed.delete(sha256);
        results[at] = { error };
      }
    }
    const placing = this.placeBatch(batch);
    placing.catch(() => undefined); // awaited by the caller, maybe after its next batch
    return async () => {
      (await placing).forEach((result, i) => (results[positions[i]!] = result));
      return results;
    };
  }
}

function isSuperseded(error: unknown): boolean {
  return error instanceof StorylineError && error.code === 'STORE_SUPERSEDED';
}

/** One page for Pipeline.processPages: where it came from and the clock to extract it with. */
export interface PageToProcess {
  page: Page;
  sourceUri: string | null;
  now: Date;
}

/** What became of one page of processPages: its outcome, or the failure that stopped it. */
export type PageResult = { outcome: PageOutcome } | { error: unknown };

/**
 * Pages a batch writer (`storyline ingest`, the workers' grouping lane) saves per transaction.
 * The commit's cost is shared by the batch (bench/scale lane); a killed run loses at most the
 * batch in flight, whose pages are still in their files or queue and are simply placed again.
 */
export const SAVE_BATCH_PAGES = 64;

/** One page for Pipeline.placeBatch: its bytes' digest, where it came from, its preparation. */
export interface PlacedPage {
  page: Page;
  sha256: string;
  sourceUri: string | null;
  prepared: PreparedPage;
  now: Date;
}

function missingOf(request: CorrectionRequest): string {
  const other = request.kind === 'merge' ? request.withArticleId : request.toArticleId;
  return other === null ? request.articleId : `${request.articleId} or ${other}`;
}

function toSave(
  grouped: GroupedArticle[],
): Pick<PageToSave, 'articles' | 'mergedFamilies' | 'mergedStories' | 'familyOriginals'> {
  // Later articles of the page see the latest original of a family: keep the last word.
  const originals = new Map(
    grouped.map((g) => [g.familyOriginal.familyId, g.familyOriginal.originalId]),
  );
  return {
    articles: grouped.map(
      ({ id, position, article, fingerprint, grouping, topics, wordCount }) => ({
        id,
        position,
        article,
        fingerprint,
        grouping,
        topics,
        wordCount,
      }),
    ),
    mergedFamilies: grouped.flatMap((g) => g.mergedFamilies),
    mergedStories: grouped.flatMap((g) => g.mergedStories),
    familyOriginals: [...originals].map(([familyId, originalId]) => ({ familyId, originalId })),
  };
}
