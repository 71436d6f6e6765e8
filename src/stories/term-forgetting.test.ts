// The story stage forgets words nothing recent used (TermStats.forget, TERM_HORIZON_DOCS), so a
// long-running process's vocabulary is bounded by the recent stream, while every word an open
// story still holds keeps its id.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex } from './story-index.js';
import { TermStats } from './term-stats.js';
import type { StoryDoc } from './index.js';

const START = Date.parse('2031-01-05T00:00:00Z');
const HOUR = 3_600_000;

/** A made-up word per number, letters only (digits would make it a number term). */
function word(n: number): string {
  let out = '';
  do {
    out += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return `zor${out}`;
}

/** Event `n`: three words of its own among a few common ones. */
function eventDoc(n: number): StoryDoc {
  const own = [word(3 * n), word(3 * n + 1), word(3 * n + 2)].join(' ');
  return {
    id: `e${n}`,
    title: `Council ${own}`,
    text: `The council said ${own} on the day, and the mayor spoke about ${own}.`,
    published: null,
    familyId: `fe${n}`,
    topics: [],
  };
}

/** A running story that keeps being updated: its words must survive every sweep. */
function runningDoc(n: number): StoryDoc {
  return {
    id: `r${n}`,
    title: 'Harbour strike at Quellport enters another day',
    text: 'Dockers at Quellport kept the harbour strike going, union leader Brannoch Vell said, as talks with Quellport Shipping stalled.',
    published: null,
    familyId: `fr${n}`,
    topics: [],
  };
}

describe('TermStats.forget', () => {
  it('forgets terms unseen for the horizon unless in use, and reuses their ids lowest first with a fresh count', () => {
    const stats = new TermStats();
    const [old, kept, recent] = ['aldermoor', 'brisket', 'cobalt'].map((t) => stats.idOf(t));
    stats.add([old!, kept!]);
    for (let i = 0; i < 5; i++) stats.add([recent!]);
    const inUse = new Uint8Array(stats.capacity);
    inUse[kept!] = 1;
    assert.deepEqual(stats.forget(3, inUse), [old]);
    assert.equal(stats.vocabularySize, 2);
    assert.equal(stats.frequency(kept!), 1);
    const reused = stats.idOf('dunmore');
    assert.equal(reused, old);
    assert.equal(stats.frequency(reused), 0);
    assert.equal(stats.termOf(reused), 'dunmore');
    const next = stats.capacity;
    assert.equal(stats.idOf('aldermoor'), next, 'a forgotten word comes back as new');
    assert.equal(stats.frequency(next), 0);
  });
});

describe('StoryIndex forgetting words', () => {
  const stream = (index: StoryIndex, events: number) => {
    for (let n = 0; n < events; n++) {
      const at = new Date(START + n * HOUR);
      index.assign(n % 40 === 0 ? runningDoc(n) : eventDoc(n), at);
    }
  };

  it('keeps the vocabulary bounded on a long stream of new words', () => {
    const forgetting = new StoryIndex({ termHorizonDocs: 1000 });
    const remembering = new StoryIndex({ termHorizonDocs: Number.POSITIVE_INFINITY });
    stream(forgetting, 6000);
    stream(remembering, 6000);
    const bounded = forgetting.vocabularySize;
    const unbounded = remembering.vocabularySize;
    assert.ok(unbounded > 3 * 6000 * 0.9, `unbounded ${unbounded}`);
    assert.ok(bounded < unbounded / 3, `bounded ${bounded} of ${unbounded}`);
  });

  it('keeps the words of a story still open, which a late report still joins', () => {
    // A busy stream: 3,000 reports in a day, so every story stays open while the horizon of
    // 1,000 documents passes the running story's words three times over.
    const index = new StoryIndex({ termHorizonDocs: 1000 });
    const minute = 60_000;
    index.assign(runningDoc(0), new Date(START));
    for (let n = 1; n < 3000; n++) index.assign(eventDoc(n), new Date(START + (n * minute) / 2));
    const late = index.assign(runningDoc(3000), new Date(START + 1500 * minute));
    assert.deepEqual([late.storyId, late.isNew], [index.storyOf('r0'), false]);
  });
});
