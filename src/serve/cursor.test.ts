import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_CURSOR_CHARS,
  cursorPage,
  outletCursor,
  readCursorPaging,
  readSinglePage,
  storyCursor,
  topicCursor,
} from './cursor.js';

describe('API cursors', () => {
  it('round-trips each list key through an opaque url-safe cursor', () => {
    const story = { lastUpdated: '2026-03-01T06:00:00.000Z', id: 'story/ä b' };
    const cursor = storyCursor.encode(story);
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(readCursorPaging({ cursor }, 20, storyCursor.decode), {
      limit: 20,
      after: story,
    });
    const topic = { storyCount: 4, name: 'Nato', key: 'org:nato' };
    const t = readCursorPaging(
      { cursor: topicCursor.encode(topic), limit: '5' },
      20,
      topicCursor.decode,
    );
    assert.deepEqual(t, { limit: 5, after: topic });
    const outlet = { articleCount: 9, name: 'Harbour Gazette' };
    assert.deepEqual(
      readCursorPaging({ cursor: outletCursor.encode(outlet) }, 20, outletCursor.decode).after,
      outlet,
    );
  });

  it('starts at the first page without a cursor', () => {
    assert.deepEqual(readCursorPaging({}, 20, storyCursor.decode), { limit: 20, after: null });
    assert.deepEqual(readCursorPaging({ cursor: '' }, 20, storyCursor.decode).after, null);
  });

  it('refuses a cursor of another list, a forged or oversized one, and page numbers', () => {
    const topicKey = topicCursor.encode({ storyCount: 1, name: 'a', key: 'b' });
    const bad = [
      { cursor: topicKey },
      { cursor: 'x'.repeat(MAX_CURSOR_CHARS + 1) },
      { cursor: '%%%' },
      { cursor: Buffer.from('{"id":1}').toString('base64url') },
      { cursor: ['a', 'b'].map((c) => Buffer.from(c).toString('base64url')) },
    ];
    for (const query of bad) {
      assert.throws(() => readCursorPaging(query, 20, storyCursor.decode), /BAD_REQUEST|cursor/);
    }
    assert.throws(
      () => readCursorPaging({ cursor: topicKey }, 20, outletCursor.decode),
      /not one this API gave out/,
    );
    assert.throws(() => readCursorPaging({ page: '2' }, 20, storyCursor.decode), /pages by cursor/);
    assert.throws(() => readCursorPaging({ limit: '101' }, 20, storyCursor.decode), /limit/);
  });

  it('gives a next link only when more rows follow', () => {
    const rows = [{ lastUpdated: 't1', id: 'a' }];
    const more = cursorPage('/api/v1/stories', 1, rows, true, storyCursor.encode);
    assert.equal(more.nextCursor, storyCursor.encode(rows[0]!));
    assert.equal(more.links.next, `/api/v1/stories?cursor=${more.nextCursor}&limit=1`);
    const done = cursorPage('/api/v1/stories', 1, rows, false, storyCursor.encode);
    assert.deepEqual([done.nextCursor, done.links.next], [null, null]);
  });

  it('reads the limit of a one-page list and refuses a cursor there', () => {
    assert.equal(readSinglePage({ limit: '7' }, 50, 'search results'), 7);
    assert.equal(readSinglePage({}, 50, 'search results'), 50);
    assert.throws(() => readSinglePage({ cursor: 'x' }, 50, 'search results'), /one page/);
  });
});
