import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint, SIGNATURE_BINS } from '../fingerprint/index.js';
import { FamilyIndex, INDEX_BINS } from './family-index.js';
import type { FamilyAssignment, FamilyIndexOptions, FamilyMember } from './family-index.js';
import { COPY_WINDOW_MS } from './copy-window.js';
import type { Fingerprint } from '../types.js';
import {
  OTHER_REPORT,
  WIRE_STORY,
  WIRE_TITLE,
  houseStyleCopy,
} from '../../test/fixtures/families/texts.js';

function member(
  id: string,
  paragraphs: readonly string[],
  extra: Partial<FamilyMember> = {},
): FamilyMember {
  const words = paragraphs.join(' ').split(/\s+/).length;
  return {
    id,
    fingerprint: fingerprint({ title: WIRE_TITLE, paragraphs }),
    credit: null,
    published: null,
    wordCount: words,
    ...extra,
  };
}

const LEAD =
  'Shoppers in Velmora found empty shelves on Tuesday as the port strike began to bite, with imported goods running short in several supermarkets across the city.';

describe('FamilyIndex', () => {
  it('expects the signature length the fingerprint stage produces', () => {
    assert.equal(INDEX_BINS, SIGNATURE_BINS);
    const index = new FamilyIndex();
    const short = {
      ...member('x', WIRE_STORY),
      fingerprint: {
        ...fingerprint({ title: null, paragraphs: WIRE_STORY }),
        signature: new Uint32Array(64),
      },
    };
    assert.throws(() => index.assign(short), { code: 'INPUT_INVALID' });
    assert.equal(index.size, 0);
  });

  it('founds a family named after the first member', () => {
    const index = new FamilyIndex();
    const a = index.assign(member('a1', WIRE_STORY));
    assert.deepEqual(a, { familyId: 'fa1', mergedFamilies: [], matches: [], originalId: 'a1' });
    assert.equal(index.size, 1);
  });

  it('puts an edited copy with an added lead and a cut tail in the same family', () => {
    const index = new FamilyIndex();
    index.assign(member('a1', WIRE_STORY));
    const copy = index.assign(member('b2', [LEAD, ...houseStyleCopy(WIRE_STORY).slice(0, 5)]));
    assert.equal(copy.familyId, 'fa1');
    assert.equal(copy.matches.length, 1);
    assert.ok(copy.matches[0]!.containment >= 0.5, `containment ${copy.matches[0]!.containment}`);
  });

  it('keeps an independent report of the same event apart', () => {
    const index = new FamilyIndex();
    index.assign(member('a1', WIRE_STORY));
    assert.equal(index.assign(member('c3', OTHER_REPORT)).familyId, 'fc3');
  });

  it('never glues by containment a one-sentence brief that a long report contains', () => {
    const index = new FamilyIndex();
    index.assign(member('a1', WIRE_STORY));
    assert.equal(index.assign(member('brief', [WIRE_STORY[7]!])).familyId, 'fbrief');
  });

  it('always joins identical text, even a short one', () => {
    const index = new FamilyIndex();
    index.assign(member('s1', [WIRE_STORY[7]!]));
    assert.equal(index.assign(member('s2', [WIRE_STORY[7]!])).familyId, 'fs1');
  });

  it('merges two families that one article bridges, keeping the older id', () => {
    const index = new FamilyIndex();
    index.assign(member('head', WIRE_STORY.slice(0, 4)));
    index.assign(member('tail', WIRE_STORY.slice(4)));
    const full = index.assign(member('full', WIRE_STORY));
    assert.equal(full.familyId, 'fhead');
    assert.deepEqual(full.mergedFamilies, ['ftail']);
    assert.equal(index.familyOf('tail'), 'fhead');
  });

  it('chooses the wire-credited member as original, then the earliest', () => {
    const index = new FamilyIndex();
    index.assign(member('late', WIRE_STORY, { published: '2026-03-04T12:00:00Z' }));
    const early = index.assign(member('early', WIRE_STORY, { published: '2026-03-04T09:00:00Z' }));
    assert.equal(early.originalId, 'early');
    const wire = index.assign(
      member('wire', WIRE_STORY, { credit: 'Northwire', published: '2026-03-04T10:00:00Z' }),
    );
    assert.equal(wire.originalId, 'wire');
    assert.equal(wire.familyId, 'flate');
  });

  it('replaces a member assigned again under the same id (a revision)', () => {
    const index = new FamilyIndex();
    index.assign(member('a1', WIRE_STORY));
    index.assign(member('c3', OTHER_REPORT));
    const revised = index.assign(member('c3', WIRE_STORY.slice(0, 6)));
    assert.equal(revised.familyId, 'fa1');
    assert.deepEqual(revised.mergedFamilies, ['fc3']);
    assert.equal(index.size, 2);
  });

  it('forgets a removed member and re-elects the original', () => {
    const index = new FamilyIndex();
    index.assign(member('a1', WIRE_STORY, { credit: 'Northwire' }));
    index.assign(member('b2', WIRE_STORY));
    assert.equal(index.remove('a1'), true);
    assert.equal(index.remove('a1'), false);
    assert.equal(index.size, 1);
    const c = index.assign(member('c3', WIRE_STORY));
    assert.equal(c.familyId, 'fa1');
    assert.equal(c.originalId, 'b2');
    assert.deepEqual(
      c.matches.map((m) => m.id),
      ['b2'],
    );
  });

  it('finds a two-paragraph copy of a long report through a shared paragraph', () => {
    // ~1,400 words: the short copy's shingles are ~5% of the long text's, too few for LSH bands.
    const filler = Array.from(
      { length: 70 },
      (_, i) =>
        `Section ${i} of the inquiry lists vessel ${i * 37} and berth ${i * 11 + 3} among those inspected in week ${i % 9}.`,
    );
    const long = [...WIRE_STORY.slice(0, 2), ...filler];
    const index = new FamilyIndex();
    index.assign(member('short', WIRE_STORY.slice(0, 2)));
    const found = index.assign(member('long', long));
    assert.equal(found.familyId, 'fshort');
    assert.ok(found.matches[0]!.jaccard < 0.15, `jaccard ${found.matches[0]!.jaccard}`);
  });

  it('keeps unrelated members apart when they share a furniture paragraph', () => {
    const index = new FamilyIndex();
    for (let i = 0; i < 40; i++) {
      index.assign(
        member(`n${i}`, [
          'Advertisement',
          `Report ${i} on the ${i * 13}th meeting of the council of district ${i}, where members discussed budget line ${i * 7} at length.`,
        ]),
      );
    }
    assert.equal(index.familyOf('n39'), 'fn39');
    assert.equal(index.size, 40);
  });

  it('decides a brief inside a long report on exact counts, at the copy line itself', () => {
    // Words that occur once each, so the shared shingles are exactly the copied run: the brief
    // copies two consecutive 20-word paragraphs (36 shingles inside the run) and adds its own.
    const word = (i: number) => `w${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d]!)}`;
    const paragraph = (from: number) =>
      Array.from({ length: 20 }, (_, k) => word(from + k)).join(' ');
    const report = Array.from({ length: 30 }, (_, p) => paragraph(p * 20));
    const brief = (ownWords: number) => [
      report[5]!,
      report[6]!,
      Array.from({ length: ownWords }, (_, k) => word(100_000 + ownWords * 1000 + k)).join(' '),
    ];
    for (const [own, expected] of [
      [30, 36 / 66],
      [44, 36 / 80],
    ] as const) {
      const index = new FamilyIndex();
      index.assign(member('brief', brief(own)));
      const found = index.assign(member('report', report));
      if (expected >= 0.5) {
        assert.equal(found.familyId, 'fbrief');
        assert.equal(found.matches[0]!.containment, expected);
      } else {
        assert.equal(found.familyId, 'freport', `containment ${expected} is below the line`);
      }
    }
  });

  it('falls back to the estimate for a member whose exact shingles are not kept', () => {
    const index = new FamilyIndex({ exactCacheBytes: 0 });
    index.assign(member('a1', WIRE_STORY));
    const copy = index.assign(member('b2', [LEAD, ...houseStyleCopy(WIRE_STORY).slice(0, 5)]));
    assert.equal(copy.familyId, 'fa1');
    assert.equal(index.exactCacheBytes, 0);
  });
});

const DAY_MS = 24 * 3600 * 1000;
const START_MS = Date.parse('2026-03-01T00:00:00Z');
const day = (d: number) => new Date(START_MS + d * DAY_MS);

/** A signature of pseudo-random bins: matches nothing but an identical one. */
function noise(n: number): Fingerprint {
  const signature = new Uint32Array(INDEX_BINS);
  let x = Math.imul(n + 1, 0x9e3779b1);
  for (let i = 0; i < signature.length; i++) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + i) | 0;
    signature[i] = x >>> 0;
  }
  const paragraphHashes = [(n >>> 0).toString(16).padStart(8, '0')];
  return { signature, shingleCount: 200, paragraphHashes, textHash: '' };
}

let noiseCount = 0;
/** Assigns `count` unrelated members seen at `seenAt`: they move the clock and the sweeps on. */
function fill(index: FamilyIndex, count: number, seenAt?: Date): void {
  for (let i = 0; i < count; i++) {
    const n = noiseCount++;
    const fingerprint = noise(n);
    index.assign({ id: `n${n}`, fingerprint, credit: null, published: null, wordCount: 1, seenAt });
  }
}

/** Sweeps every 10 assignments, so a few dozen fillers are enough to pass the window. */
const QUICK: Partial<FamilyIndexOptions> = { sweepEvery: 10 };
const COPY = [LEAD, ...houseStyleCopy(WIRE_STORY).slice(0, 5)];

describe('FamilyIndex copy window', () => {
  it('evicts a family idle past the window; a later copy founds a new family', () => {
    const index = new FamilyIndex(QUICK);
    index.assign(member('a1', WIRE_STORY, { seenAt: day(0) }));
    fill(index, 40, day(5.9));
    assert.equal(index.familyOf('a1'), 'fa1', 'still within the window');
    fill(index, 40, day(6.1));
    assert.equal(index.familyOf('a1'), undefined);
    const late = index.assign(member('b2', COPY, { seenAt: day(6.1) }));
    assert.deepEqual([late.familyId, late.matches], ['fb2', []]);
    // The evicted id is forgotten: assigned again, it is a new member (here, a copy of b2).
    assert.equal(index.assign(member('a1', WIRE_STORY, { seenAt: day(6.2) })).familyId, 'fb2');
  });

  it('runs on the publication time when there is one', () => {
    const index = new FamilyIndex(QUICK);
    const published = day(0).toISOString();
    index.assign(member('a1', WIRE_STORY, { published, seenAt: day(5) }));
    fill(index, 40, day(6.5));
    assert.equal(index.familyOf('a1'), undefined);
  });

  it('keeps an active family whole, however old its first member', () => {
    const index = new FamilyIndex(QUICK);
    index.assign(member('a1', WIRE_STORY, { seenAt: day(0) }));
    index.assign(member('b2', COPY, { seenAt: day(5) }));
    fill(index, 40, day(9));
    assert.equal(index.familyOf('a1'), 'fa1');
    const copy = index.assign(member('c3', WIRE_STORY, { seenAt: day(9) }));
    assert.equal(copy.familyId, 'fa1');
    assert.deepEqual(copy.matches.map((m) => m.id).sort(), ['a1', 'b2']);
    fill(index, 40, day(15.5));
    assert.equal(index.familyOf('b2'), undefined, 'c3, the newest, was seen at day 9');
  });

  it('keeps a merged family as long as the newest member of either side', () => {
    const index = new FamilyIndex(QUICK);
    index.assign(member('head', WIRE_STORY.slice(0, 4), { seenAt: day(0) }));
    index.assign(member('tail', WIRE_STORY.slice(4), { seenAt: day(5) }));
    const published = day(1).toISOString();
    const full = index.assign(member('full', WIRE_STORY, { published, seenAt: day(5) }));
    assert.deepEqual(full.mergedFamilies, ['ftail']);
    fill(index, 40, day(9));
    assert.equal(index.familyOf('head'), 'fhead', 'tail, seen at day 5, is within the window');
  });

  it('keeps the id of a live family across a compaction, its founder removed', () => {
    const index = new FamilyIndex({ sweepEvery: 10, compactDeadShare: 0.01 });
    fill(index, 60, day(0));
    index.assign(member('a1', WIRE_STORY, { seenAt: day(6.5) }));
    index.assign(member('b2', COPY, { seenAt: day(6.5) }));
    index.assign(member('c3', OTHER_REPORT, { seenAt: day(6.5) }));
    index.remove('a1');
    const slotsBefore = index.slotCount;
    fill(index, 20, day(6.5));
    assert.ok(index.slotCount < slotsBefore, `compacted: ${index.slotCount} slots`);
    assert.deepEqual([index.familyOf('b2'), index.familyOf('c3')], ['fa1', 'fc3']);
    const copy = index.assign(member('d4', WIRE_STORY, { seenAt: day(6.6) }));
    assert.equal(copy.familyId, 'fa1');
    assert.deepEqual(
      copy.matches.map((m) => m.id),
      ['b2'],
    );
  });

  it('decides every assignment as an index that never compacts', () => {
    const texts = [WIRE_STORY, OTHER_REPORT, COPY, WIRE_STORY.slice(0, 4), WIRE_STORY.slice(4)];
    const run = (compactDeadShare: number) => {
      const index = new FamilyIndex({ sweepEvery: 5, compactDeadShare });
      const results: FamilyAssignment[] = [];
      for (let i = 0; i < 120; i++) {
        const paragraphs = [...texts[i % texts.length]!, `Update ${i % 7}.`];
        // Dated, so unrelated fillers and a text that stops recurring are evicted on the way.
        const seenAt = day(i / 10);
        const text = i < 60 ? paragraphs : [`Late story ${i}.`, ...paragraphs.slice(-1)];
        results.push(index.assign(member(`m${i}`, text, { seenAt })));
        fill(index, 2, seenAt);
        // Removals, founders among them, leave dead slots and removed roots behind.
        if (i % 3 === 2) index.remove(`m${i - 2}`);
      }
      const families = ['m0', 'm1', 'm118', 'm119'].map((id) => index.familyOf(id));
      return { results, families, slots: index.slotCount, size: index.size };
    };
    const never = run(2);
    const always = run(0);
    assert.ok(always.slots < never.slots, `${always.slots} against ${never.slots} slots`);
    assert.equal(always.size, never.size);
    assert.deepEqual(always.results, never.results);
    assert.deepEqual(always.families, never.families);
    assert.equal(always.families[0], undefined, 'the early texts left the window');
  });

  it('after evictions, finds what a fresh index of the members it kept finds', () => {
    // Five paragraphs of 20 words that no other series uses.
    const word = (i: number) => `w${i.toString(26).replace(/\d/g, (c) => 'qrstuvwxyz'[+c]!)}`;
    const story = (k: number) =>
      Array.from({ length: 5 }, (_, p) =>
        Array.from({ length: 20 }, (_, j) => word(k * 1000 + p * 20 + j)).join(' '),
      );
    const index = new FamilyIndex(QUICK);
    const fed: FamilyMember[] = [];
    for (let d = 0; d < 14; d++) {
      for (const k of [d, d + 1]) fed.push(member(`s${k}d${d}`, story(k), { seenAt: day(d) }));
      for (const m of fed.slice(-2)) index.assign(m);
      fill(index, 12, day(d));
    }
    const fresh = new FamilyIndex();
    const kept = fed.filter((m) => index.familyOf(m.id) !== undefined);
    assert.ok(kept.length > 0 && kept.length < fed.length, `${kept.length} kept`);
    for (const m of kept) fresh.assign(m);
    for (let k = 0; k < 15; k++) {
      const query = member(`q${k}`, story(k).slice(1), { seenAt: day(13) });
      assert.deepEqual(index.assign(query), fresh.assign(query), `series ${k}`);
    }
  });

  it('stops growing in memory when a dated stream runs far past the window', () => {
    const index = new FamilyIndex({ copyWindowMs: 2 * DAY_MS, exactCacheBytes: 0 });
    const bytes: number[] = [];
    for (let d = 0; d < 30; d++) {
      fill(index, 800, day(d));
      if (d % 10 === 9) bytes.push(index.typedBytes);
    }
    assert.ok(bytes[2]! <= bytes[0]! * 1.05, `typed bytes at days 10, 20, 30: ${bytes}`);
    assert.ok(index.size <= 3 * 800, `${index.size} live members`);
  });

  it('does not let a far-future publication date evict the index', () => {
    const index = new FamilyIndex(QUICK);
    index.assign(member('a1', WIRE_STORY, { seenAt: day(0) }));
    const bogus = member('x9', OTHER_REPORT, { published: '2099-01-01T00:00:00Z', seenAt: day(1) });
    index.assign(bogus);
    fill(index, 40, day(1));
    assert.equal(index.familyOf('a1'), 'fa1');
    // Its clock is the seen time, so it leaves with its days rather than staying forever.
    fill(index, 40, day(1 + COPY_WINDOW_MS / DAY_MS + 0.5));
    assert.equal(index.familyOf('x9'), undefined);
  });

  it('never evicts a member given without a seen time, nor the family it is in', () => {
    const index = new FamilyIndex(QUICK);
    index.assign(member('a1', WIRE_STORY));
    index.assign(member('b2', COPY, { seenAt: day(0) }));
    index.assign(member('c3', OTHER_REPORT, { seenAt: day(0) }));
    for (let d = 1; d <= 30; d += 3) fill(index, 20, day(d));
    assert.deepEqual(
      ['a1', 'b2', 'c3'].map((id) => index.familyOf(id)),
      ['fa1', 'fa1', undefined],
    );
  });
});
