// The grouping half of the pipeline: an article prepared (fingerprinted and tagged) by any
// worker goes through the copy index, then the story index, one at a time. Kept apart from
// pipeline.ts because this is the state every process must agree on (see src/worker/).
import { exactShingles, fingerprint } from './fingerprint/index.js';
import { FamilyIndex } from './families/index.js';
import { StoryIndex } from './stories/index.js';
import { findTopics } from './enrich/index.js';
import type {
  ArticleToSave,
  CorrectionEffect,
  CorrectionRequest,
  GroupingStateRow,
  Store,
} from './store/index.js';
import type { Article, Fingerprint, Topic } from './types.js';

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

export function prepareArticle(id: string, position: number, article: Article): PreparedArticle {
  return {
    id,
    position,
    article,
    fingerprint: fingerprint(article),
    topics: findTopics(article),
    wordCount: countWords(article.text),
  };
}

/**
 * The fingerprint with its shingle hashes, recomputed from the text when it was read back from
 * the store or the worker queue (which keep only the count): the text is the paragraphs joined
 * by blank lines, so the words, and hence the hashes, are the ones fingerprint() saw.
 */
function withShingles(print: Fingerprint, article: Article): Fingerprint {
  if (print.shingles !== undefined) return print;
  return { ...print, shingles: exactShingles(article.title, [article.text]) };
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
  applyReady(
    seq = Number.POSITIVE_INFINITY,
  ): { request: CorrectionRequest; effect: CorrectionEffect }[] {
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
    const article = {
      ...emptyArticle(),
      title: row.title,
      text: row.text,
      credit: row.credit,
      published: row.published,
    };
    // The clock it was grouped with (the pipeline passes the fetch time, stored as firstSeen),
    // so the copy index doubts a far-future publication time as it did live.
    const at = new Date(row.firstSeen);
    this.place(
      {
        id: row.id,
        position: 0,
        article,
        fingerprint: row.fingerprint,
        topics: row.topics,
        wordCount: row.wordCount,
      },
      at,
    );
    // The store already holds what these corrections did; memory catches up at the same point.
    if (this.pending.length > 0) this.applyReady(row.seq);
  }

  private place(input: PreparedArticle, now: Date): GroupedArticle {
    const { id, article } = input;
    const family = this.families.assign({
      id,
      fingerprint: withShingles(input.fingerprint, article),
      credit: article.credit,
      published: article.published,
      wordCount: input.wordCount,
      seenAt: now,
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
      grouping: {
        familyId: family.familyId,
        storyId: story.storyId,
        isOriginal: family.originalId === id,
      },
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

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

function emptyArticle(): Article {
  return {
    url: null,
    title: null,
    outlet: null,
    byline: null,
    published: null,
    updated: null,
    dateline: null,
    credit: null,
    language: null,
    text: '',
    paragraphs: [],
    html: null,
    images: [],
  };
}
