import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint } from '../fingerprint/index.js';
import { FamilyIndex } from './family-index.js';
import type { FamilyMember } from './family-index.js';
import { OTHER_REPORT, WIRE_STORY, WIRE_TITLE, houseStyleCopy } from '../../test/fixtures/families/texts.js';

function member(id: string, paragraphs: readonly string[], extra: Partial<FamilyMember> = {}): FamilyMember {
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

const LEAD = 'Shoppers in Velmora found empty shelves on Tuesday as the port strike began to bite, with imported goods running short in several supermarkets across the city.';

describe('FamilyIndex', () => {
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
    const wire = index.assign(member('wire', WIRE_STORY, { credit: 'Northwire', published: '2026-03-04T10:00:00Z' }));
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
    assert.deepEqual(c.matches.map((m) => m.id), ['b2']);
  });
});
