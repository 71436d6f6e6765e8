import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint, SIGNATURE_BINS } from '../fingerprint/index.js';
import { FamilyIndex, INDEX_BINS } from './family-index.js';
import type { FamilyMember } from './family-index.js';
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
    const index = new FamilyIndex(0);
    index.assign(member('a1', WIRE_STORY));
    const copy = index.assign(member('b2', [LEAD, ...houseStyleCopy(WIRE_STORY).slice(0, 5)]));
    assert.equal(copy.familyId, 'fa1');
    assert.equal(index.exactCacheBytes, 0);
  });
});
