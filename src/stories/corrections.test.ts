import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex } from './story-index.js';
import type { StoryDoc } from './index.js';

// Fictional reports written for these tests.
const NOW = new Date('2030-05-01T12:00:00Z');
const doc = (id: string, title: string, text: string, familyId = `f${id}`): StoryDoc => ({
  id,
  title,
  text,
  published: null,
  familyId,
  topics: [],
});
const FLOOD = doc(
  'a1',
  'Floods hit Marrow Valley after river Tolle bursts',
  'The river Tolle burst its banks near Marrow Valley on Sunday, forcing 3,400 residents of Kessing to leave their homes, mayor Ilse Varga said.',
);
const FLOOD_2 = doc(
  'a2',
  'Kessing evacuates 3,400 as Tolle floods Marrow Valley',
  'Mayor Ilse Varga said the Tolle had flooded Kessing and the Marrow Valley, and 3,400 residents were evacuated overnight.',
);
const TRADE = doc(
  't1',
  'Ostria and Lumen sign grain trade deal',
  'Ostria and Lumen signed a grain export agreement worth 2 billion crowns, trade minister Oda Fenn said in Lumen.',
);

describe('StoryIndex.correct', () => {
  it('merges the stories of two articles, the older id surviving', () => {
    const index = new StoryIndex();
    index.assign(FLOOD, NOW);
    index.assign(TRADE, NOW);
    const outcome = index.correct({ kind: 'merge', articleId: 't1', withArticleId: 'a1' });
    assert.deepEqual(outcome, { mergedStories: [{ from: 'st1', into: 'sa1' }], moved: null });
    assert.equal(index.storyOf('t1'), 'sa1');
  });

  it('moves an article with its copies into a story of its own and keeps it out after', () => {
    const index = new StoryIndex();
    index.assign(FLOOD, NOW);
    index.assign(FLOOD_2, NOW);
    index.assign({ ...FLOOD_2, id: 'a2copy' }, NOW);
    assert.equal(index.storyOf('a2copy'), 'sa1');
    const outcome = index.correct({ kind: 'move', articleId: 'a2', toArticleId: null });
    assert.deepEqual(outcome?.moved, { familyId: 'fa2', from: 'sa1', to: 'sa2' });
    assert.equal(index.storyOf('a2'), 'sa2');
    assert.equal(index.storyOf('a2copy'), 'sa2', 'copies of one text move together');
    assert.equal(index.storyOf('a1'), 'sa1');
    // A later report close to both must not put the two back together.
    const later = index.assign(doc('a3', FLOOD.title!, `${FLOOD.text} ${FLOOD_2.text}`), NOW);
    assert.deepEqual(later.mergedStories, []);
    assert.notEqual(index.storyOf('a1'), index.storyOf('a2'));
  });

  it('moves an article into the story of another article', () => {
    const index = new StoryIndex();
    index.assign(FLOOD, NOW);
    index.assign(TRADE, NOW);
    const outcome = index.correct({ kind: 'move', articleId: 't1', toArticleId: 'a1' });
    assert.deepEqual(outcome?.moved, { familyId: 'ft1', from: 'st1', to: 'sa1' });
    assert.equal(index.storyOf('t1'), 'sa1');
    assert.equal(index.storyCount, 1, 'the emptied story is gone');
  });

  it('answers null for an article it does not hold', () => {
    const index = new StoryIndex();
    index.assign(FLOOD, NOW);
    assert.equal(index.correct({ kind: 'move', articleId: 'nope', toArticleId: null }), null);
    assert.equal(index.correct({ kind: 'merge', articleId: 'a1', withArticleId: 'nope' }), null);
  });
});
