// Online event clustering in the spirit of Miranda et al. (EMNLP 2018): each article is compared
// with the open stories that share its rarer terms (an inverted index, never all stories) and
// joins the most similar one, or founds a new story when none is similar enough.
import type { StoryAssignment, StoryDoc } from './index.js';
import { extractFeatures } from './features.js';
import { TermStats } from './term-stats.js';
import { sublinearIds, type ChannelSimilarity, type Vector } from './vectors.js';
import { WordIds } from './word-ids.js';
import { Query } from './query.js';
import { Story } from './story.js';
import { sharedReasons, type RelatedStory } from './related.js';
import { publicationMs, timeBonus } from './story-time.js';
import {
  STORY_IDLE_MS,
  QUERY_TERMS,
  MAX_POSTINGS,
  POSTINGS_WALK_BUDGET,
  MAX_CANDIDATES,
  RELATED_MIN_SIMILARITY,
  DEFAULT_STORY_OPTIONS,
  EVICT_EVERY,
  forgetEvery,
  type CorrectionOutcome,
  type StoryCorrection,
  type StoryIndexOptions,
} from './tuning.js';
export {
  STORY_JOIN_SIMILARITY,
  STORY_MERGE_SIMILARITY,
  MEMBER_LINK_WEIGHT,
  ENTITY_SHARE,
  STORY_IDLE_MS,
  TIME_CLOSE_BONUS,
  TIME_CLOSE_MS,
  QUERY_TERMS,
  MAX_POSTINGS,
  POSTINGS_WALK_BUDGET,
  MAX_CANDIDATES,
  RELATED_MIN_SIMILARITY,
  DEFAULT_STORY_OPTIONS,
} from './tuning.js';
export type { CorrectionOutcome, StoryCorrection, StoryIndexOptions } from './tuning.js';

export class StoryIndex {
  private readonly options: StoryIndexOptions;
  private readonly stats = new TermStats();
  private readonly query = new Query(this.stats);
  private readonly words = new WordIds(this.stats);
  private readonly stories = new Map<string, Story>();
  private readonly postings = new Map<number, Set<Story>>();
  private readonly storyOfFamily = new Map<string, Story>();
  private readonly storyOfDoc = new Map<string, Story>();
  private readonly familyOfDoc = new Map<string, string>();
  /** Families an editor moved apart: never put back in one story by the algorithm. */
  private readonly apart = new Map<string, Set<string>>();
  private latestMs = Number.NEGATIVE_INFINITY;
  private assigned = 0;
  private opened = 0;

  constructor(options: Partial<StoryIndexOptions> = {}) {
    this.options = { ...DEFAULT_STORY_OPTIONS, ...options };
  }

  /** Terms the index knows now (words forgotten after TERM_HORIZON_DOCS excluded). */
  get vocabularySize(): number {
    return this.stats.vocabularySize;
  }

  get storyCount(): number {
    return this.stories.size;
  }

  storyOf(docId: string): string | undefined {
    return this.storyOfDoc.get(docId)?.id;
  }

  assign(doc: StoryDoc, now: Date): StoryAssignment {
    const existing = this.storyOfDoc.get(doc.id);
    if (existing) return { storyId: existing.id, isNew: false, score: 1, mergedStories: [] };
    // Time counts only where it is known: the clock is no publication time (a page read from
    // disk months later says nothing about when its event happened).
    const timeMs = publicationMs(doc.published, now);
    const clockMs = timeMs ?? now.getTime();
    const vector = sublinearIds(extractFeatures(doc, this.options.weights, this.words));
    const family = this.storyOfFamily.get(doc.familyId);
    if (family) this.stats.addUnseen(vector.ids, family.centroid.vector.ids);
    else this.stats.add(vector.ids);
    this.query.load(vector);
    const ranked = family ? [] : this.rankStories(timeMs);
    const [story, score] = family
      ? [family, this.similarity(family)]
      : (ranked[0] ?? [undefined, 0]);
    const chosen = story && (family || score >= this.options.joinSimilarity) ? story : undefined;
    let target = chosen ?? this.open(`s${doc.id}`, clockMs);
    const merged: string[] = [];
    // Copies of one text share a story: families joined by this article bring their stories.
    for (const absorbed of doc.absorbedFamilies ?? []) {
      const other = this.storyOfFamily.get(absorbed);
      if (other && other !== target && !this.keptApart(target, other))
        [target] = this.mergeStories(target, other, merged);
    }
    // An article close to two stories that are close to each other bridges them (an
    // agglomerative step online): the earlier reports were one event seen from two sides.
    if (chosen && !family) {
      for (const [other, otherScore] of ranked.slice(1)) {
        if (otherScore < this.options.joinSimilarity || other === target) continue;
        // The article is open to both, so their spans are at most two idle windows apart.
        if (!target.isNearInTime(other, 2 * STORY_IDLE_MS)) continue;
        if (this.keptApart(target, other)) continue;
        if (this.storySimilarity(target, other) < this.options.mergeSimilarity) continue;
        [target] = this.mergeStories(target, other, merged);
      }
    }
    this.join(target, doc, vector, timeMs, clockMs);
    this.afterAssign(clockMs);
    return { storyId: target.id, isNew: !chosen, score: chosen ? score : 0, mergedStories: merged };
  }

  /** Joins two stories; the older survives. Records the absorbed id in `merged`. */
  private mergeStories(a: Story, b: Story, merged: string[]): [Story] {
    const [into, from] = a.seq <= b.seq ? [a, b] : [b, a];
    into.absorb(from, this.stats);
    for (const family of from.families) this.storyOfFamily.set(family, into);
    for (const docId of from.docIds) this.storyOfDoc.set(docId, into);
    for (const term of from.posted) this.unpost(term, from);
    from.posted = new Uint32Array(0);
    this.stories.delete(from.id);
    this.repost(into);
    // An id absorbed earlier in this assignment now lives on in `into`.
    for (let i = 0; i < merged.length; i++) if (merged[i] === into.id) merged.splice(i, 1);
    merged.push(from.id);
    return [into];
  }

  /** Blended similarity of two stories' centroids (0-1). */
  private storySimilarity(a: Story, b: Story): number {
    this.query.load(a.centroid.vector);
    const score = this.blend(this.query.cosine(b.centroid.vector, b.centroid.normsAt(this.stats)));
    return score;
  }

  /**
   * Applies an editor's correction on top of the algorithm's decisions; null when an article it
   * names is not (or no longer) in the index. A move takes the article's whole copy family (copies
   * of one text share a story) into the story of `toArticleId`, or into a story of its own, and
   * keeps the two apart from then on; a merge joins two stories and lifts any such separation.
   */
  correct(correction: StoryCorrection): CorrectionOutcome | null {
    const story = this.storyOfDoc.get(correction.articleId);
    const familyId = this.familyOfDoc.get(correction.articleId);
    if (!story || familyId === undefined) return null;
    if (correction.kind === 'merge') {
      const other = this.storyOfDoc.get(correction.withArticleId);
      if (!other) return null;
      if (other === story) return { mergedStories: [], moved: null };
      for (const a of story.families) for (const b of other.families) this.unsetApart(a, b);
      const merged: string[] = [];
      const [into] = this.mergeStories(story, other, merged);
      return { mergedStories: merged.map((from) => ({ from, into: into.id })), moved: null };
    }
    const target =
      correction.toArticleId === null ? null : this.storyOfDoc.get(correction.toArticleId);
    if (target === undefined || target === story) return null;
    const docIds = [...story.docIds].filter((id) => this.familyOfDoc.get(id) === familyId);
    const sampled = story.members
      .filter((m) => docIds.includes(m.id))
      .map((m) => ({ id: m.id, vector: m.vector }));
    for (const id of docIds) story.removeMember(id);
    story.families.delete(familyId);
    const into = target ?? this.open(this.freeStoryId(`s${correction.articleId}`), story.activeMs);
    for (const family of story.families) this.setApart(familyId, family);
    if (story.size === 0) this.drop(story);
    else this.repost(story);
    into.takeMembers(docIds, sampled, familyId, this.stats);
    for (const id of docIds) this.storyOfDoc.set(id, into);
    this.storyOfFamily.set(familyId, into);
    this.repost(into);
    return { mergedStories: [], moved: { familyId, from: story.id, to: into.id } };
  }

  private freeStoryId(base: string): string {
    if (!this.stories.has(base)) return base;
    let n = 2;
    while (this.stories.has(`${base}-${n}`)) n += 1;
    return `${base}-${n}`;
  }

  private setApart(a: string, b: string): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let set = this.apart.get(x);
      if (!set) this.apart.set(x, (set = new Set()));
      set.add(y);
    }
  }

  private unsetApart(a: string, b: string): void {
    this.apart.get(a)?.delete(b);
    this.apart.get(b)?.delete(a);
  }

  /** Whether an editor moved some family of one story away from a family of the other. */
  private keptApart(a: Story, b: Story): boolean {
    if (this.apart.size === 0) return false;
    for (const family of a.families) {
      const others = this.apart.get(family);
      if (!others) continue;
      for (const other of others) if (b.families.has(other)) return true;
    }
    return false;
  }

  /**
   * Up to `k` other open stories with strong ties to `storyId` (shared actors, places, thread),
   * each with its reasons, best first. Found through the inverted index like an article.
   */
  relatedStories(storyId: string, k: number): RelatedStory[] {
    const story = this.stories.get(storyId);
    if (!story || k <= 0) return [];
    this.query.load(story.centroid.vector);
    const scored: [Story, number][] = [];
    for (const other of this.candidates()) {
      if (other === story) continue;
      const score = this.blend(
        this.query.cosine(other.centroid.vector, other.centroid.normsAt(this.stats)),
      );
      if (score >= RELATED_MIN_SIMILARITY) scored.push([other, score]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1));
    return scored.slice(0, k).map(([other, score]) => ({
      storyId: other.id,
      score,
      reasons: sharedReasons(story.centroid.vector, other.centroid.vector, this.stats),
    }));
  }

  /** Takes an article out of its story; an emptied story disappears. */
  remove(docId: string): boolean {
    const story = this.storyOfDoc.get(docId);
    if (!story) return false;
    this.storyOfDoc.delete(docId);
    this.familyOfDoc.delete(docId);
    story.removeMember(docId);
    if (story.size === 0) this.drop(story);
    else this.repost(story);
    return true;
  }

  /** Open candidate stories by similarity to the loaded article, best first. */
  private rankStories(timeMs: number | null): [Story, number][] {
    const scored: [Story, number][] = [];
    for (const story of this.candidates()) {
      if (!story.isOpenAt(timeMs, STORY_IDLE_MS)) continue;
      scored.push([story, this.similarity(story) + timeBonus(story, timeMs)]);
    }
    return scored.sort((a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1));
  }

  private candidates(): Story[] {
    // Votes live on the stories themselves (no hash map per article): the walk over posting
    // lists is the hottest loop of an assignment.
    const touched: Story[] = [];
    let used = 0;
    let walked = 0;
    for (const term of this.query.rankedTerms()) {
      const weight = this.query.weightOf(term);
      if (used >= QUERY_TERMS || walked >= POSTINGS_WALK_BUDGET) break;
      const holders = this.postings.get(term);
      if (!holders || holders.size > MAX_POSTINGS) continue;
      used += 1;
      walked += holders.size;
      for (const story of holders) {
        if (story.vote === 0) touched.push(story);
        story.vote += weight;
      }
    }
    const byVote = (a: Story, b: Story) => b.vote - a.vote || (a.id < b.id ? -1 : 1);
    const chosen =
      touched.length <= MAX_CANDIDATES ? touched : topBy(touched, MAX_CANDIDATES, byVote);
    for (const story of touched) story.vote = 0;
    return chosen;
  }

  private similarity(story: Story): number {
    const central = this.blend(
      this.query.cosine(story.centroid.vector, story.centroid.normsAt(this.stats)),
    );
    let nearest = 0;
    // A one-article story's centroid is that article: its member adds nothing.
    if (story.members.length > 1) {
      for (const member of story.members) {
        nearest = Math.max(
          nearest,
          this.blend(this.query.cosine(member.vector, member.normsAt(this.stats))),
        );
      }
    }
    return Math.max(central, this.options.memberLinkWeight * nearest);
  }

  /** Words and entities blended; an article naming nobody is judged on its words alone. */
  private blend(sim: ChannelSimilarity): number {
    if (this.query.norms.entities === 0) return sim.words;
    const share = this.options.entityShare;
    return (1 - share) * sim.words + share * sim.entities;
  }

  private open(id: string, clockMs: number): Story {
    const story = new Story(id, clockMs, this.opened++);
    this.stories.set(id, story);
    return story;
  }

  private join(
    story: Story,
    doc: StoryDoc,
    vector: Vector,
    timeMs: number | null,
    clockMs: number,
  ): void {
    story.addMember(doc.id, vector, timeMs, clockMs, this.stats);
    this.repost(story);
    story.families.add(doc.familyId);
    this.storyOfFamily.set(doc.familyId, story);
    this.storyOfDoc.set(doc.id, story);
    this.familyOfDoc.set(doc.id, doc.familyId);
  }

  /** Re-posts a story under its current strongest terms. */
  private repost(story: Story): void {
    const next = story.postingTerms(this.stats);
    if (story.posted.length > 0) {
      const keep = new Set(next);
      for (const term of story.posted) if (!keep.has(term)) this.unpost(term, story);
    }
    for (const term of next) {
      let holders = this.postings.get(term);
      if (!holders) this.postings.set(term, (holders = new Set()));
      holders.add(story);
    }
    story.posted = next;
  }

  private afterAssign(clockMs: number): void {
    this.latestMs = Math.max(this.latestMs, clockMs);
    this.assigned += 1;
    if (this.assigned % EVICT_EVERY !== 0) return;
    for (const story of this.stories.values()) {
      // Twice the idle window, so a late article about a just-closed story still finds its family.
      if (story.activeMs < this.latestMs - 2 * STORY_IDLE_MS) this.drop(story);
    }
    if (this.assigned % forgetEvery(this.options.termHorizonDocs) === 0) this.forgetTerms();
  }

  /**
   * Forgets the terms no recent document used and no open story holds. It depends only on
   * the order of assignments, so a replay or another lane forgets the same terms at the same
   * point and decides the same way.
   */
  private forgetTerms(): void {
    const inUse = new Uint8Array(this.stats.capacity);
    for (const story of this.stories.values()) story.markTerms(inUse);
    const freed = this.stats.forget(this.options.termHorizonDocs, inUse);
    if (freed.length > 0) this.words.forget(freed);
  }

  private drop(story: Story): void {
    this.stories.delete(story.id);
    for (const term of story.posted) this.unpost(term, story);
    for (const family of story.families)
      if (this.storyOfFamily.get(family) === story) this.storyOfFamily.delete(family);
    for (const docId of story.docIds)
      if (this.storyOfDoc.get(docId) === story) {
        this.storyOfDoc.delete(docId);
        this.familyOfDoc.delete(docId);
      }
  }

  private unpost(term: number, story: Story): void {
    const holders = this.postings.get(term);
    if (!holders) return;
    holders.delete(story);
    if (holders.size === 0) this.postings.delete(term);
  }
}

/** The `k` smallest items under `compare`, sorted; a bounded insertion keeps it O(n k). */
function topBy<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1]!) < 0) at -= 1;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}
