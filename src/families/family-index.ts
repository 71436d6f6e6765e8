// In-memory copy index: LSH candidates, verified matches, union of families.
// Flow of one assignment: signature -> band keys -> candidates from the band buckets ->
// verification (Jaccard estimate and containment, see copy-match.ts) -> union of the matched
// families (the oldest survives) -> the family's likely original. Families never split: a
// revision or a removal keeps the family it was part of (copy evidence once seen stays true of
// the other members, and splitting would need all pairs again). A family whose newest member is
// older than the copy window leaves whole (copy-window.ts), and the slots it held are reclaimed
// by compaction, so memory follows the articles of the last days, not all articles ever seen.
import { StorylineError } from '../errors.js';
import type { Fingerprint } from '../types.js';
import { BandTable } from './band-table.js';
import { sharedCount } from '../fingerprint/index.js';
import { estimateDecides, judgeCopy, judgeExact } from './copy-match.js';
import { clockOf, CopyWindow, DEFAULT_WINDOW_OPTIONS } from './copy-window.js';
import type { CopyWindowOptions } from './copy-window.js';
import { ExactCache } from './exact-cache.js';
import { sweepIndex } from './index-sweep.js';
import type { IndexTables } from './index-sweep.js';
import { anchorKeys, bandKeys, BANDS, chooseAnchors, PARAGRAPH_ANCHORS } from './index-keys.js';
import { MemberIds } from './member-ids.js';
import { MemberTable } from './member-table.js';
import { compareRanks, rankOf } from './original.js';

export interface FamilyMember {
  id: string;
  fingerprint: Fingerprint;
  credit: string | null;
  published: string | null;
  wordCount: number;
  /**
   * When grouping saw the article (the `now` it was grouped with): with `published`, the clock
   * the copy window runs on (copy-window.ts). A member without it is never evicted.
   */
  seenAt?: Date;
}

export interface CopyMatch {
  id: string;
  jaccard: number;
  containment: number;
}

export interface FamilyAssignment {
  familyId: string;
  /** Families that this article joined together; they are now part of `familyId`. */
  mergedFamilies: string[];
  /** The verified copies this article matched. Empty for a new family. */
  matches: CopyMatch[];
  /** The family's likely original after this assignment. */
  originalId: string;
}

/** Signature length the index expects: equals SIGNATURE_BINS of src/fingerprint (coupled). */
export const INDEX_BINS = 512;
/** Bits kept of each bin (b-bit MinHash), packed eight bins to a 32-bit word. */
const KEPT_BITS = 4;
const BINS_PER_WORD = 32 / KEPT_BITS;
/** Chance that two unrelated 4-bit bins agree (b-bit MinHash collision rate). */
const CHANCE_AGREEMENT = 1 / 2 ** KEPT_BITS;
/**
 * Members examined per band bucket, newest first. A bucket grows long only for a very common
 * text (a wire story with hundreds of copies), whose recent members are all in one family.
 */
export const MAX_BUCKET_SCAN = 64;
/** Paragraphs of a new article looked up as anchors (bounds the cost of very long texts). */
export const MAX_ANCHOR_LOOKUPS = 64;
/** An anchor held by more members than this is page furniture or a stock line: ignored. */
export const MAX_ANCHOR_HOLDERS = 32;

export interface FamilyIndexOptions extends CopyWindowOptions {
  /** Bytes of exact shingle sets kept for recent members (exact-cache.ts). */
  exactCacheBytes: number | undefined;
}

export const DEFAULT_FAMILY_OPTIONS: FamilyIndexOptions = {
  ...DEFAULT_WINDOW_OPTIONS,
  exactCacheBytes: undefined,
};

export class FamilyIndex {
  private readonly bins = INDEX_BINS;
  private readonly words = INDEX_BINS / BINS_PER_WORD;
  private readonly members: MemberTable;
  private readonly bands: BandTable;
  private readonly anchors = new BandTable(PARAGRAPH_ANCHORS);
  private readonly exact: ExactCache;
  private readonly window: CopyWindow;
  private readonly directory = new MemberIds();
  private readonly tables: IndexTables;
  private query = 0;
  private querySlot = 0;
  private queryMatches: CopyMatch[] = [];

  constructor(options: Partial<FamilyIndexOptions> = {}) {
    const chosen = { ...DEFAULT_FAMILY_OPTIONS, ...options };
    this.window = new CopyWindow(chosen);
    this.exact = new ExactCache(chosen.exactCacheBytes);
    this.members = new MemberTable(this.words);
    this.bands = new BandTable(BANDS);
    const { members, bands, anchors, exact, directory } = this;
    this.tables = { members, bands, anchors, exact, directory };
  }

  /** Number of live members. */
  get size(): number {
    return this.directory.size;
  }

  /** Bytes allocated for the exact shingle sets of recent members (bounded, see exact-cache.ts). */
  get exactCacheBytes(): number {
    return this.exact.allocatedBytes;
  }

  /** Bytes held in typed arrays (ids and the id map are extra). */
  get typedBytes(): number {
    return (
      this.members.byteLength +
      this.bands.byteLength +
      this.anchors.byteLength +
      this.exact.allocatedBytes +
      this.exact.directoryBytes
    );
  }

  /** Slots in use: live members, removed ones still naming a family, dead ones not reclaimed. */
  get slotCount(): number {
    return this.members.count;
  }

  /** Adds (or, for a known id, replaces) a member and returns where it landed. */
  assign(member: FamilyMember): FamilyAssignment {
    // Checked before anything is stored, so a refused member leaves no trace.
    const signature = member.fingerprint.signature;
    if (signature.length !== this.bins) {
      throw new StorylineError(
        'INPUT_INVALID',
        `families: signature of ${member.id} has ${signature.length} bins, expected ${this.bins}`,
      );
    }
    const known = this.directory.slotOf(member.id);
    const slot = known ?? this.admit(member.id);
    if (known !== undefined && this.members.shingles[slot] !== 0) this.unindex(slot);
    const keys = this.store(slot, member);
    // Pairs of members that both have their exact set kept are verified on true counts.
    const exact = member.fingerprint.shingles;
    if (exact === undefined) this.exact.delete(slot);
    else this.exact.put(slot, exact);
    const anchors = anchorKeys(member.fingerprint.paragraphHashes);
    const matches = this.members.shingles[slot] === 0 ? [] : this.findCopies(slot, keys, anchors);
    if (this.members.shingles[slot] !== 0) {
      this.bands.insert(slot, keys);
      this.anchors.insert(slot, chooseAnchors(anchors));
    }
    const ownRoot = this.find(slot);
    const roots = new Set(matches.map((m) => this.find(this.directory.slotOf(m.id)!)));
    if (known !== undefined) {
      roots.add(ownRoot);
      this.refreshOriginal(ownRoot);
    } else if (roots.size > 0) {
      this.union(ownRoot, Math.min(...roots));
    }
    const survivor = Math.min(ownRoot, ...roots);
    for (const r of roots) if (r !== survivor) this.union(survivor, r);
    roots.delete(survivor);
    const clock = clockOf(this.members.publishedMs[slot]!, member.seenAt);
    const newest = this.members.familyNewestMs;
    newest[survivor] = Math.max(newest[survivor]!, clock);
    const assignment = {
      familyId: this.familyIdOf(survivor),
      mergedFamilies: [...roots].map((r) => this.familyIdOf(r)),
      matches,
      originalId: this.directory.ids[this.members.familyOriginal[survivor]!]!,
    };
    // Last: a sweep may renumber slots, and the assignment names members by id only.
    this.afterAssign(clock);
    return assignment;
  }

  /** The family id of a live member, or undefined for an unknown id. */
  familyOf(id: string): string | undefined {
    const slot = this.directory.slotOf(id);
    return slot === undefined ? undefined : this.familyIdOf(this.find(slot));
  }

  /** Forgets a member; its family keeps its id and other members. False for an unknown id. */
  remove(id: string): boolean {
    const slot = this.directory.slotOf(id);
    if (slot === undefined) return false;
    const m = this.members;
    if (m.shingles[slot] !== 0) this.unindex(slot);
    m.alive[slot] = 0;
    this.exact.delete(slot);
    const root = this.find(slot);
    this.directory.forget(slot, root === slot);
    this.unlinkFromFamily(slot, root);
    m.familySize[root] = m.familySize[root]! - 1;
    return true;
  }

  /** Sweeps for families past the copy window now and then (copy-window.ts). */
  private afterAssign(clockMs: number): void {
    if (this.window.observe(clockMs, this.directory.size)) sweepIndex(this.tables, this.window);
  }

  private unindex(slot: number): void {
    this.bands.remove(slot);
    this.anchors.remove(slot);
  }

  private admit(id: string): number {
    const slot = this.members.allocate();
    this.directory.admit(id, slot);
    return slot;
  }

  /** Copies the member's columns in and returns its band keys. */
  private store(slot: number, member: FamilyMember): Uint32Array {
    const m = this.members;
    const signature = member.fingerprint.signature;
    const base = slot * this.words;
    for (let w = 0; w < this.words; w++) {
      let packed = 0;
      for (let k = 0; k < BINS_PER_WORD; k++)
        packed |= (signature[w * BINS_PER_WORD + k]! & 0xf) << (k * KEPT_BITS);
      m.signatures[base + w] = packed;
    }
    m.shingles[slot] = member.fingerprint.shingleCount;
    const rank = rankOf(member);
    m.credited[slot] = rank.credited ? 1 : 0;
    m.publishedMs[slot] = rank.publishedMs;
    m.words[slot] = rank.wordCount;
    return bandKeys(signature);
  }

  private findCopies(slot: number, keys: Uint32Array, anchors: Uint32Array): CopyMatch[] {
    this.members.stamp[slot] = ++this.query;
    this.querySlot = slot;
    this.queryMatches = [];
    this.bands.forCandidates(keys, MAX_BUCKET_SCAN, this.verify);
    const lookups = Math.min(anchors.length, MAX_ANCHOR_LOOKUPS);
    for (let i = 0; i < lookups; i++)
      this.anchors.forKey(anchors[i]!, MAX_ANCHOR_HOLDERS, this.verify);
    return this.queryMatches;
  }

  /**
   * Verifies one candidate of the current query (querySlot) once. Created once per index, not
   * per query: the lookup runs for every article (profiled: a fresh closure per query showed).
   */
  private readonly verify = (other: number): void => {
    const m = this.members;
    if (m.stamp[other] === this.query || m.alive[other] === 0) return;
    m.stamp[other] = this.query;
    const slot = this.querySlot;
    const evidence = this.judge(slot, other);
    if (!evidence.isCopy) return;
    this.queryMatches.push({
      id: this.directory.ids[other]!,
      jaccard: evidence.jaccard,
      containment: evidence.containment,
    });
  };

  /** The MinHash estimate, or exact counts when it is too near the line and both sets are kept. */
  private judge(slot: number, other: number) {
    const m = this.members;
    const a = m.shingles[slot]!;
    const b = m.shingles[other]!;
    const jaccard = this.jaccard(slot, other);
    if (!estimateDecides(jaccard, a, b, this.bins, CHANCE_AGREEMENT)) {
      const mine = this.exact.get(slot);
      const theirs = mine && this.exact.get(other);
      if (mine && theirs) return judgeExact(sharedCount(mine, theirs), a, b);
    }
    return judgeCopy(jaccard, a, b);
  }

  private jaccard(a: number, b: number): number {
    const sig = this.members.signatures;
    const baseA = a * this.words;
    const baseB = b * this.words;
    let differ = 0;
    for (let w = 0; w < this.words; w++) {
      // One bit per differing nibble, then a population count (Hacker's Delight 5-1).
      let x = sig[baseA + w]! ^ sig[baseB + w]!;
      x |= x >>> 1;
      x |= x >>> 2;
      x &= 0x11111111;
      x = (x + (x >>> 4)) & 0x0f0f0f0f;
      differ += Math.imul(x, 0x01010101) >>> 24;
    }
    const equal = 1 - differ / this.bins;
    return Math.max(0, (equal - CHANCE_AGREEMENT) / (1 - CHANCE_AGREEMENT));
  }

  private find(slot: number): number {
    const parent = this.members.parent;
    let root = slot;
    while (parent[root] !== root) root = parent[root]!;
    for (let s = slot; parent[s] !== root;) {
      const up = parent[s]!;
      parent[s] = root;
      s = up;
    }
    return root;
  }

  /** Joins family `b` into family `a` (both roots). */
  private union(a: number, b: number): void {
    if (a === b) return;
    const m = this.members;
    const [keep, gone] = a < b ? [a, b] : [b, a];
    m.parent[gone] = keep;
    const anchorKeep = m.familyOriginal[keep]!;
    const anchorGone = m.familyOriginal[gone]!;
    m.familySize[keep] = m.familySize[keep]! + m.familySize[gone]!;
    m.familyNewestMs[keep] = Math.max(m.familyNewestMs[keep]!, m.familyNewestMs[gone]!);
    if (anchorGone < 0) return;
    if (anchorKeep < 0) {
      m.familyOriginal[keep] = anchorGone;
      return;
    }
    // Splice the two circular member lists.
    const after = m.nextInFamily[anchorKeep]!;
    m.nextInFamily[anchorKeep] = m.nextInFamily[anchorGone]!;
    m.nextInFamily[anchorGone] = after;
    if (this.compare(anchorGone, anchorKeep) < 0) m.familyOriginal[keep] = anchorGone;
  }

  private unlinkFromFamily(slot: number, root: number): void {
    const next = this.members.nextInFamily;
    let before = slot;
    while (next[before] !== slot) before = next[before]!;
    next[before] = next[slot]!;
    next[slot] = slot;
    if (this.members.familyOriginal[root] !== slot) return;
    this.members.familyOriginal[root] = before === slot ? -1 : before;
    this.refreshOriginal(root);
  }

  /** Recomputes a family's original by walking its members. */
  private refreshOriginal(root: number): void {
    const m = this.members;
    const start = m.familyOriginal[root]!;
    if (start < 0) return;
    let best = start;
    for (let s = m.nextInFamily[start]!; s !== start; s = m.nextInFamily[s]!) {
      if (this.compare(s, best) < 0) best = s;
    }
    m.familyOriginal[root] = best;
  }

  private compare(a: number, b: number): number {
    const m = this.members;
    const rank = (s: number) => ({
      credited: m.credited[s] === 1,
      publishedMs: m.publishedMs[s]!,
      wordCount: m.words[s]!,
    });
    const ids = this.directory.ids;
    return compareRanks(rank(a), rank(b)) || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  }

  private familyIdOf(root: number): string {
    return `f${this.directory.ids[root]}`;
  }
}
