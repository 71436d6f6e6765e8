// The whole flow in one file; read this first.
//
//   page ─► extract ─► fingerprint ─► families ─► enrich (topics) ─► stories ─► store
//
// The stages are a pure core (values in, values out, the clock passed in); this file joins
// them and is the only place that does. The copy and story indexes live in memory, warmed
// from the store on start by replaying every stored article oldest first, and the store stays
// the source of truth: if a save fails, the indexes are rebuilt from it.
import { createHash } from 'node:crypto';
import { extract } from './extract/index.js';
import { fingerprint } from './fingerprint/index.js';
import { FamilyIndex } from './families/index.js';
import { StoryIndex } from './stories/index.js';
import { findTopics } from './enrich/index.js';
import { ARTICLE_RECORD_TYPE, articleFromRecord, type ArticleRecord } from './ingest/article-records.js';
import type { ArticleToSave, CorrectionEffect, CorrectionRequest, GroupingStateRow, PageToSave, Store } from './store/index.js';
import { StorylineError } from './errors.js';
import type { Article, Extraction, Fingerprint, Page, Topic } from './types.js';

/** What became of one page. Expected outcomes are values; only real failures throw. */
export type PageOutcome =
  | { status: 'duplicate' }
  | { status: 'not-article'; reason: string }
  | { status: 'unreadable'; code: 'INPUT_EMPTY' | 'INPUT_BINARY' | 'INPUT_CORRUPT'; reason: string }
  | { status: 'processed'; articles: number; inserted: number; revised: number; unchanged: number };

/** One article after grouping, ready to store or to print. */
export interface GroupedArticle extends ArticleToSave {
  mergedFamilies: { from: string; into: string }[];
  mergedStories: { from: string; into: string }[];
  familyOriginal: { familyId: string; originalId: string };
}

/**
 * One article extracted, fingerprinted and tagged but not yet grouped: the half of the work
 * that any number of workers may do in parallel (`src/worker/` hands it to the grouping lane).
 */
export interface PreparedArticle {
  id: string;
  position: number;
  article: Article;
  fingerprint: Fingerprint;
  topics: Topic[];
  wordCount: number;
}

/** A page after the parallel stages: what the serialised grouping step takes. */
export type PreparedPage =
  | { kind: 'unreadable'; code: 'INPUT_EMPTY' | 'INPUT_BINARY' | 'INPUT_CORRUPT'; reason: string }
  | { kind: 'not-article'; reason: string }
  | { kind: 'article'; articles: PreparedArticle[] };

/** Extracts, fingerprints and tags every article of a page. Pure: no store, no grouping state. */
export function preparePage(page: Page, now: Date): PreparedPage {
  const extraction = extractPage(page, now);
  if (extraction.kind !== 'article') return extraction;
  const articles = [extraction.article, ...extraction.related];
  return {
    kind: 'article',
    articles: articles.map((article, position) => prepareArticle(articleId(page, article, position), position, article)),
  };
}

export function prepareArticle(id: string, position: number, article: Article): PreparedArticle {
  return { id, position, article, fingerprint: fingerprint(article), topics: findTopics(article), wordCount: countWords(article.text) };
}

/** The in-memory grouping state: copy families and stories, fed one article at a time. */
export class Grouper {
  private families = new FamilyIndex();
  private stories = new StoryIndex();
  /** The last stored correction this grouper knows of (see Pipeline.followCorrections). */
  correctionsSeen = 0;
  /** Editors' corrections waiting for the articles they name (warm-up and reprocessing). */
  private pending: { request: CorrectionRequest; afterSeq: number }[] = [];

  /** Corrections to re-apply, oldest first, once their articles are placed (see applyReady). */
  expect(corrections: readonly { request: CorrectionRequest; afterSeq: number }[]): void {
    this.pending.push(...corrections);
  }

  /** Applies an editor's correction now; null when an article it names is not placed. */
  correct(request: CorrectionRequest): CorrectionEffect | null {
    return this.stories.correct(request);
  }

  /**
   * Applies, in order, the pending corrections whose articles are all placed and whose moment
   * (`afterSeq`, when replaying stored articles) has come; returns them with their effects.
   */
  applyReady(seq = Number.POSITIVE_INFINITY): { request: CorrectionRequest; effect: CorrectionEffect }[] {
    const applied: { request: CorrectionRequest; effect: CorrectionEffect }[] = [];
    this.pending = this.pending.filter(({ request, afterSeq }) => {
      if (afterSeq > seq) return true;
      const effect = this.stories.correct(request);
      if (effect) applied.push({ request, effect });
      return effect === null;
    });
    return applied;
  }

  /**
   * Fingerprints, tags and groups one article. Order matters: the copy family is decided
   * first, so the story stage can keep every copy of one text in one story.
   */
  group(id: string, position: number, article: Article, now: Date): GroupedArticle {
    return this.place(prepareArticle(id, position, article), now);
  }

  /** Groups an article prepared elsewhere (another worker extracted and fingerprinted it). */
  groupPrepared(prepared: PreparedArticle, now: Date): GroupedArticle {
    return this.place(prepared, now);
  }

  /** Replays one stored article (no re-extraction, no re-tagging) when warming up. */
  replay(row: GroupingStateRow): void {
    const article = { ...emptyArticle(), title: row.title, text: row.text, credit: row.credit, published: row.published };
    const at = new Date(row.published ?? row.firstSeen);
    this.place({ id: row.id, position: 0, article, fingerprint: row.fingerprint, topics: row.topics, wordCount: row.wordCount }, at);
    // The store already holds what these corrections did; memory catches up at the same point.
    if (this.pending.length > 0) this.applyReady(row.seq);
  }

  private place(input: PreparedArticle, now: Date): GroupedArticle {
    const { id, article } = input;
    const family = this.families.assign({
      id,
      fingerprint: input.fingerprint,
      credit: article.credit,
      published: article.published,
      wordCount: input.wordCount,
    });
    const story = this.stories.assign(
      {
        id,
        title: article.title,
        text: article.text,
        published: article.published,
        familyId: family.familyId,
        topics: input.topics,
        // Copies of one text share a story: families merged here bring their stories along.
        absorbedFamilies: family.mergedFamilies,
      },
      now,
    );
    return {
      ...input,
      grouping: { familyId: family.familyId, storyId: story.storyId, isOriginal: family.originalId === id },
      mergedFamilies: family.mergedFamilies.map((from) => ({ from, into: family.familyId })),
      mergedStories: story.mergedStories.map((from) => ({ from, into: story.storyId })),
      familyOriginal: { familyId: family.familyId, originalId: family.originalId },
    };
  }
}

/** Builds a Grouper holding everything already in the store. */
export async function warmGrouper(store: Store): Promise<Grouper> {
  const grouper = new Grouper();
  const corrections = await store.corrections();
  grouper.expect(corrections);
  grouper.correctionsSeen = corrections.at(-1)?.id ?? 0;
  for await (const row of store.groupingState()) grouper.replay(row);
  return grouper;
}

export class Pipeline {
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
    await this.followCorrections();
    const effect = this.grouper.correct(request);
    if (!effect) throw new StorylineError('NOT_FOUND', `stories: no such article to correct: ${missingOf(request)}`);
    try {
      this.grouper.correctionsSeen = await this.store.saveCorrection({ request, effect, note, record: true });
    } catch (error) {
      this.grouper = await warmGrouper(this.store);
      throw error;
    }
    return effect;
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

  /** After a reprocessed page: stored corrections whose articles are back apply again. */
  private async reapplyCorrections(): Promise<void> {
    for (const { request, effect } of this.grouper.applyReady()) {
      await this.store.saveCorrection({ request, effect, record: false });
    }
  }

  /**
   * Replays the articles stored after `afterSeq` by other processes, so this process's indexes
   * equal the store's before it groups again (the worker's grouping lane calls it after taking
   * the lane lock). Returns the last seq replayed (`afterSeq` when there was nothing new).
   */
  async catchUp(afterSeq: number): Promise<number> {
    let last = afterSeq;
    for await (const row of this.store.groupingState(afterSeq)) {
      this.grouper.replay(row);
      last = row.seq;
    }
    return last;
  }

  /**
   * Groups and stores a page whose articles were prepared elsewhere (`preparePage`), in one
   * transaction. The caller has checked the bytes are not stored yet.
   */
  async placePrepared(page: Page, sha256: string, sourceUri: string | null, prepared: PreparedPage, now: Date): Promise<PageOutcome> {
    if (prepared.kind === 'unreadable') return { status: 'unreadable', code: prepared.code, reason: prepared.reason };
    const base = { page, sha256, sourceUri, mergedFamilies: [], mergedStories: [], familyOriginals: [] };
    if (prepared.kind === 'not-article') {
      await this.store.savePage({ ...base, status: 'not-article', note: prepared.reason, articles: [] });
      return { status: 'not-article', reason: prepared.reason };
    }
    await this.followCorrections();
    const grouped = prepared.articles.map((a) => this.grouper.groupPrepared(a, now));
    try {
      const saved = await this.store.savePage({ ...base, ...toSave(grouped), status: 'processed', note: null });
      await this.reapplyCorrections();
      return { status: 'processed', articles: grouped.length, ...saved };
    } catch (error) {
      this.grouper = await warmGrouper(this.store);
      throw error;
    }
  }

  /** Extracts, groups and stores one page in one transaction. */
  async processPage(page: Page, sourceUri: string | null, now: Date): Promise<PageOutcome> {
    const sha256 = createHash('sha256').update(page.body).digest('hex');
    if (await this.store.hasPage(sha256)) return { status: 'duplicate' };
    const extraction = extractPage(page, now);
    if (extraction.kind === 'unreadable') {
      // Not stored: there is nothing a later extractor could make of binary junk.
      return { status: 'unreadable', code: extraction.code, reason: extraction.reason };
    }
    const base = { page, sha256, sourceUri, mergedFamilies: [], mergedStories: [], familyOriginals: [] };
    if (extraction.kind === 'not-article') {
      await this.store.savePage({ ...base, status: 'not-article', note: extraction.reason, articles: [] });
      return { status: 'not-article', reason: extraction.reason };
    }
    const articles = [extraction.article, ...extraction.related];
    await this.followCorrections();
    const grouped = articles.map((article, position) =>
      this.grouper.group(articleId(page, article, position), position, article, now),
    );
    try {
      const saved = await this.store.savePage({ ...base, ...toSave(grouped), status: 'processed', note: null });
      await this.reapplyCorrections();
      return { status: 'processed', articles: grouped.length, ...saved };
    } catch (error) {
      // The indexes already hold these articles; the store does not. Rebuild from the store
      // so memory never disagrees with what is committed.
      this.grouper = await warmGrouper(this.store);
      throw error;
    }
  }
}

function missingOf(request: CorrectionRequest): string {
  const other = request.kind === 'merge' ? request.withArticleId : request.toArticleId;
  return other === null ? request.articleId : `${request.articleId} or ${other}`;
}

/** Article records (JSON Lines input) skip extraction unless they only carry HTML. */
export function extractPage(page: Page, now: Date): Extraction {
  if (page.contentType !== ARTICLE_RECORD_TYPE) return extract(page, now);
  const record = JSON.parse(new TextDecoder().decode(page.body)) as ArticleRecord;
  if (record.text.trim() === '' && record.html) {
    const fromHtml = extract({ ...page, body: new TextEncoder().encode(record.html), contentType: 'text/html' }, now);
    if (fromHtml.kind !== 'article') return fromHtml;
    const a = fromHtml.article;
    return { ...fromHtml, article: { ...a, title: record.title ?? a.title, outlet: record.outlet ?? a.outlet, published: record.published ?? a.published, url: record.url ?? a.url } };
  }
  return { kind: 'article', article: articleFromRecord(record), related: [], encoding: 'utf-8' };
}

function toSave(grouped: GroupedArticle[]): Pick<PageToSave, 'articles' | 'mergedFamilies' | 'mergedStories' | 'familyOriginals'> {
  // Later articles of the page see the latest original of a family: keep the last word.
  const originals = new Map(grouped.map((g) => [g.familyOriginal.familyId, g.familyOriginal.originalId]));
  return {
    articles: grouped.map(({ id, position, article, fingerprint, grouping, topics, wordCount }) => ({
      id, position, article, fingerprint, grouping, topics, wordCount,
    })),
    mergedFamilies: grouped.flatMap((g) => g.mergedFamilies),
    mergedStories: grouped.flatMap((g) => g.mergedStories),
    familyOriginals: [...originals].map(([familyId, originalId]) => ({ familyId, originalId })),
  };
}

/**
 * Stable article id: the canonical URL for a page's main article (so the same article reached
 * through two URLs is one article, and a changed text at that URL is a revision), the page URL
 * plus position for the other articles a page carries.
 */
export function articleId(page: Page, article: Article, position: number): string {
  const key = position === 0 ? (article.url ?? page.url) : `${page.url}#${position}`;
  return 'a' + createHash('sha256').update(key).digest('hex').slice(0, 15);
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

function emptyArticle(): Article {
  return {
    url: null, title: null, outlet: null, byline: null, published: null, updated: null,
    dateline: null, credit: null, language: null, text: '', paragraphs: [], html: null, images: [],
  };
}
