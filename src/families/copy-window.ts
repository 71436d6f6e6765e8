// The copy index's time window. Syndicated copies of a wire story arrive within days of each
// other, so a family whose newest member is old takes no more copies worth finding: the index
// drops it whole (family-index.ts) and its memory stays flat as the store grows. A member's
// clock is its publication time, else the moment grouping saw it, as in the story index. Only
// the sequence of assignments decides what is dropped (no wall clock): a process replaying the
// same articles in the same order keeps and drops the same families.

const DAY_MS = 24 * 3600 * 1000;

/**
 * A family whose newest member's clock is more than this (ms) behind the newest clock seen is
 * evicted: 6 days, the reach of the story index (2 * STORY_IDLE_MS in src/stories/tuning.ts,
 * which also drops stories idle that long; coupled, keep them equal: a copy the story stage
 * could still file with its story then still finds its family here). A copy arriving later
 * founds a new family. Not calibrated on data: bench/families has no arrival times.
 */
export const COPY_WINDOW_MS = 6 * DAY_MS;

/**
 * A publication time more than this (ms) after the moment the article was seen is not
 * believed, and the seen time is the clock instead: otherwise one bogus date (a CMS default
 * of 2099) would move the window to 2099 and evict every family. 1 day passes a local time
 * labelled as UTC (at most 14 h ahead) and an embargo lifting later the same day; the most a
 * believed date can do is cut the window short by a day.
 */
export const MAX_CLOCK_LEAD_MS = DAY_MS;

/**
 * The member's clock (ms since the epoch): its publication time (`publishedMs`, NaN when
 * unknown or unparseable; the index parses it once for the original's rank) when not too far
 * ahead of `seenAt`, else `seenAt`. +Infinity without a valid `seenAt`: such a member is never
 * evicted (the families benchmarks assign members with no time at all).
 */
export function clockOf(publishedMs: number, seenAt: Date | undefined): number {
  const seenMs = seenAt === undefined ? Number.NaN : seenAt.getTime();
  if (!Number.isFinite(seenMs)) return Number.POSITIVE_INFINITY;
  if (!Number.isFinite(publishedMs) || publishedMs > seenMs + MAX_CLOCK_LEAD_MS) return seenMs;
  return publishedMs;
}

/**
 * Assignments between two sweeps for families past the copy window, at least (the story index
 * sweeps every 1000 too). A family outlives the window by at most one sweep interval.
 */
const SWEEP_EVERY = 1000;
/**
 * Sweeps are also at least live-members / SWEEP_SCAN_RATIO assignments apart: a sweep reads
 * every slot, at most ~2.4 a live member (a removed root per family, 15% dead), so this bounds
 * its cost to ~75 slot reads an assignment at any window population (amortised O(1)), for an
 * overshoot of the window's population of at most 1/32. Counted in live members, not slots, so
 * that when to sweep, hence what is evicted, does not depend on when compaction ran.
 */
const SWEEP_SCAN_RATIO = 32;
/**
 * A sweep compacts the index when at least this share of its slots are dead. Tuned with
 * MemberTable's GROWTH (1.25, coupled): a compacted table has room for a quarter more members,
 * and its slots are 15% dead after 18% more, so in a steady stream compaction comes before the
 * table would grow. Scratch run, 300k members dated over 30 days (~60k in the window): typed
 * arrays 99.0 MB at every assignment after day 10 at 0.15; at 0.2 they grew to 109.7 MB now
 * and then, at 0.3 they stayed there. A compaction moves ~600 bytes a kept slot.
 */
const COMPACT_DEAD_SHARE = 0.15;

export interface CopyWindowOptions {
  copyWindowMs: number;
  sweepEvery: number;
  compactDeadShare: number;
}

export const DEFAULT_WINDOW_OPTIONS: CopyWindowOptions = {
  copyWindowMs: COPY_WINDOW_MS,
  sweepEvery: SWEEP_EVERY,
  compactDeadShare: COMPACT_DEAD_SHARE,
};

/** When to sweep and compact, on the clocks of the members assigned so far. */
export class CopyWindow {
  private readonly options: CopyWindowOptions;
  /** The newest member clock seen (ms): the window ends here. */
  private latestMs = Number.NEGATIVE_INFINITY;
  private sinceSweep = 0;

  constructor(options: CopyWindowOptions) {
    this.options = options;
  }

  /** Families whose newest member's clock is before this are evicted. */
  get cutoffMs(): number {
    return this.latestMs - this.options.copyWindowMs;
  }

  /** Counts one assignment; true when a sweep is due (the index has `liveMembers`). */
  observe(clockMs: number, liveMembers: number): boolean {
    if (Number.isFinite(clockMs) && clockMs > this.latestMs) this.latestMs = clockMs;
    this.sinceSweep++;
    if (this.sinceSweep < this.options.sweepEvery) return false;
    if (this.sinceSweep * SWEEP_SCAN_RATIO < liveMembers) return false;
    this.sinceSweep = 0;
    return true;
  }

  compactionDue(deadSlots: number, slotsInUse: number): boolean {
    return deadSlots > 0 && deadSlots >= slotsInUse * this.options.compactDeadShare;
  }
}
