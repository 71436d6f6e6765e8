import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex } from './story-index.js';
import type { StoryDoc } from './index.js';

// Fictional events written for these tests: two lookalike floods and one unrelated trade deal.
const NOW = new Date('2030-05-01T12:00:00Z');

function doc(id: string, title: string, text: string, extra: Partial<StoryDoc> = {}): StoryDoc {
  return { id, title, text, published: null, familyId: `f${id}`, topics: [], ...extra };
}

const FLOOD_A1 = doc(
  'a1',
  'Floods hit Marrow Valley after river Tolle bursts',
  'The river Tolle burst its banks near Marrow Valley on Sunday, forcing 3,400 residents of Kessing to leave their homes, mayor Ilse Varga said.',
);
const FLOOD_A2 = doc(
  'a2',
  'Kessing evacuates 3,400 as Tolle floods Marrow Valley',
  'Mayor Ilse Varga said the Tolle had flooded Kessing and the Marrow Valley, and 3,400 residents were evacuated overnight.',
);
const FLOOD_B1 = doc(
  'b1',
  'Floods hit Pellin coast after storm Ardo',
  'Storm Ardo flooded the Pellin coast, and governor Tomas Brecht ordered 900 people in Sarno to leave their homes.',
);
const TRADE = doc(
  't1',
  'Ostria and Lumen sign grain trade deal',
  'Ostria and Lumen signed a grain export agreement worth 2 billion crowns, trade minister Oda Fenn said in Lumen.',
);

describe('StoryIndex', () => {
  it('puts two reports of one event in one story and founds it as s + first id', () => {
    const index = new StoryIndex();
    const first = index.assign(FLOOD_A1, NOW);
    const second = index.assign(FLOOD_A2, NOW);
    assert.deepEqual([first.storyId, first.isNew, first.score], ['sa1', true, 0]);
    assert.equal(second.storyId, 'sa1');
    assert.equal(second.isNew, false);
    assert.ok(second.score > 0);
  });

  it('keeps a lookalike event of the same kind and an unrelated event apart', () => {
    const index = new StoryIndex();
    for (const d of [FLOOD_A1, FLOOD_A2]) index.assign(d, NOW);
    assert.equal(index.assign(FLOOD_B1, NOW).storyId, 'sb1');
    assert.equal(index.assign(TRADE, NOW).storyId, 'st1');
  });

  it('sends a copy to its family story whatever its text', () => {
    const index = new StoryIndex();
    index.assign(FLOOD_A1, NOW);
    const copy = index.assign({ ...TRADE, id: 'c1', familyId: FLOOD_A1.familyId }, NOW);
    assert.equal(copy.storyId, 'sa1');
  });

  it('does not believe a publication time far in the future of the moment it was seen', () => {
    const index = new StoryIndex();
    index.assign({ ...FLOOD_A1, published: '2030-05-01T08:00:00Z' }, NOW);
    // A CMS default date: believed, it would move the clock decades ahead and close the story.
    index.assign({ ...TRADE, published: '2099-01-01T00:00:00Z' }, NOW);
    for (let i = 0; i < 1000; i++)
      index.assign(doc(`filler${i}`, `Filler ${i}`, `Unrelated filler text number ${i}.`), NOW);
    const next = index.assign({ ...FLOOD_A2, published: '2030-05-01T10:00:00Z' }, NOW);
    assert.equal(next.storyId, 'sa1');
  });

  it('opens a new story when an old event is revived weeks later', () => {
    const index = new StoryIndex();
    index.assign({ ...FLOOD_A1, published: '2030-05-01T08:00:00Z' }, NOW);
    const later = index.assign(
      { ...FLOOD_A2, published: '2030-06-10T08:00:00Z' },
      new Date('2030-06-10T09:00:00Z'),
    );
    assert.equal(later.storyId, 'sa2');
    assert.equal(later.isNew, true);
  });

  it('judges an undated article by its text alone, not by the clock of its ingest', () => {
    const index = new StoryIndex();
    index.assign({ ...FLOOD_A1, published: '2030-05-01T08:00:00Z' }, NOW);
    const undated = index.assign(FLOOD_A2, new Date('2030-09-01T00:00:00Z'));
    assert.equal(undated.storyId, 'sa1');
    const dated = index.assign(
      { ...FLOOD_A2, id: 'a3', familyId: 'fa3', published: '2030-05-02T08:00:00Z' },
      new Date('2030-09-01T00:00:00Z'),
    );
    assert.equal(dated.storyId, 'sa1', 'the undated article did not stretch the story in time');
  });

  it('merges two stories of one event when an article bridges them, the older id surviving', () => {
    // A low merge bar: these two short reports share less than two real stories would.
    const index = new StoryIndex({ mergeSimilarity: 0.2 });
    const day = (d: number) => `2030-05-0${d}T08:00:00Z`;
    index.assign({ ...FLOOD_A1, published: day(1) }, NOW);
    // Four and a half days later: the first story is closed to it, so it opens its own.
    const lateAt = '2030-05-05T20:00:00Z';
    const late = index.assign({ ...FLOOD_A2, published: lateAt }, new Date(lateAt));
    assert.equal(late.storyId, 'sa2');
    const both = `${FLOOD_A1.text} ${FLOOD_A2.text}`;
    // Seen after the late report, published between the two.
    const bridge = index.assign(
      { ...FLOOD_A2, id: 'a3', familyId: 'fa3', text: both, published: day(3) },
      new Date(lateAt),
    );
    assert.equal(bridge.storyId, 'sa1');
    assert.deepEqual(bridge.mergedStories, ['sa2']);
    assert.equal(index.storyOf('a2'), 'sa1');
    assert.equal(index.storyCount, 1);
  });

  it("brings along the story of a family that the article's family absorbed", () => {
    const index = new StoryIndex();
    index.assign(FLOOD_A1, NOW);
    index.assign(TRADE, NOW);
    const joined = index.assign({ ...FLOOD_A2, absorbedFamilies: [TRADE.familyId] }, NOW);
    assert.equal(joined.storyId, 'sa1');
    assert.deepEqual(joined.mergedStories, ['st1']);
    assert.equal(index.storyOf('t1'), 'sa1');
  });

  it('removes an article and forgets a story once it is empty', () => {
    const index = new StoryIndex();
    index.assign(FLOOD_A1, NOW);
    assert.equal(index.remove('a1'), true);
    assert.equal(index.storyCount, 0);
    assert.equal(index.remove('a1'), false);
    assert.equal(index.assign(FLOOD_A2, NOW).storyId, 'sa2');
  });

  it('answers a repeated article with its existing story', () => {
    const index = new StoryIndex();
    index.assign(FLOOD_A1, NOW);
    assert.equal(index.assign(FLOOD_A1, NOW).storyId, 'sa1');
    assert.equal(index.storyCount, 1);
  });
});

describe('StoryIndex.relatedStories', () => {
  const person = (name: string) => ({
    kind: 'person' as const,
    name,
    key: `person:${name.toLowerCase().replace(/ /g, '-')}`,
  });
  const MEETING = doc(
    'm1',
    'Oda Fenn opens harbour bridge in Sarno',
    'Oda Fenn cut the ribbon on the rebuilt harbour bridge in Sarno, where fishing crews had waited two years for repairs.',
    { topics: [person('Oda Fenn')] },
  );

  it('names a story that shares actors as related, with the shared person as a reason', () => {
    const index = new StoryIndex();
    index.assign({ ...TRADE, topics: [person('Oda Fenn')] }, NOW);
    index.assign(FLOOD_A1, NOW);
    const meeting = index.assign(MEETING, NOW);
    assert.notEqual(meeting.storyId, 'st1', 'the test needs two stories');
    const related = index.relatedStories('st1', 3);
    assert.deepEqual(
      related.map((r) => r.storyId),
      [meeting.storyId],
    );
    assert.ok(related[0]!.reasons.people.includes('person:oda-fenn'));
    assert.ok(related[0]!.score > 0 && related[0]!.score < 1);
  });

  it('returns nothing for an unknown story', () => {
    assert.deepEqual(new StoryIndex().relatedStories('nope', 3), []);
  });
});
