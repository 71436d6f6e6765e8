import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { EDIT_KINDS, diffCopy, type CopyDiff, type EditKind } from '../families/index.js';
import { summaryLine } from './pages/edits.js';
import { openStore, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import { assertInert } from './testing/assert-inert.js';
import { HOSTILE } from './testing/fixture-rows.js';
import { seedStore } from './testing/seed-store.js';
import { CORPUS } from './testing/seed-corpus.js';
import { describeEachDialect } from '../../test/helpers/dialects.js';

const NOW = new Date('2026-11-22T12:00:00Z');

describeEachDialect('edit view', (dialect) => {
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url());
    await seedStore(store, CORPUS);
    // A hostile copy of a hostile original: every string the edit view prints is attacker-made.
    await seedStore(store, [
      {
        url: 'https://a.example/x',
        fetchedAt: '2026-11-22T11:00:00Z',
        articles: [
          {
            id: 'evil-original',
            familyId: 'fam-evil',
            storyId: 'story-evil',
            article: { title: HOSTILE.script, paragraphs: [`${HOSTILE.attribute} one two three`] },
          },
        ],
      },
      {
        url: 'https://b.example/x',
        fetchedAt: '2026-11-22T11:10:00Z',
        articles: [
          {
            id: 'evil-copy',
            familyId: 'fam-evil',
            storyId: 'story-evil',
            isOriginal: false,
            article: {
              title: HOSTILE.broken,
              outlet: HOSTILE.singleQuote,
              paragraphs: [`${HOSTILE.attribute} one two four`, HOSTILE.script],
            },
          },
        ],
      },
    ]);
    app = buildApp({ store, diff: diffCopy, config: { now: () => NOW } });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('shows a copy beside its likely original with removed and inserted words marked', async () => {
    const res = await app.inject('/articles/gazette-bridge/edits');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>How Harbour Gazette \(via Lantern Wire\) edited the text<\/h1>/);
    assert.match(
      res.body,
      /<a href="\/articles\/wire-bridge">Old swing bridge reopens after two-year repair<\/a>/,
    );
    assert.match(
      res.body,
      /<td data-label="Copy">The bridge opened at <ins [^>]*>dawn,<\/ins> <ins [^>]*>officials said\.<\/ins><\/td>/,
    );
    assert.match(
      res.body,
      /<td data-label="Original">The bridge opened at <del [^>]*>dawn\.<\/del><\/td>/,
    );
    assert.match(
      res.body,
      /<tr class="equal">\n<td data-label="Original">Traffic resumed by noon\.<\/td>/,
    );
    assert.match(res.body, /the headline was rewritten/);
  });

  it('sums up the edits in one sentence', () => {
    const counts = Object.fromEntries(EDIT_KINDS.map((k) => [k, 0])) as Record<EditKind, number>;
    const diff = {
      editedPercent: 12,
      copyWords: 540,
      counts: { ...counts, 'added-paragraph': 2, 'cut-paragraph': 1 },
      title: { ops: [], rewritten: true },
    };
    assert.equal(
      summaryLine({ diff: diff as unknown as CopyDiff }),
      "12% of the copy's 540 words differ; 2 paragraphs added; 1 paragraph of the original cut; the headline was rewritten.",
    );
  });

  it('answers 404 for an original and for an article without copies', async () => {
    for (const id of ['wire-bridge', 'courier-ferry']) {
      const res = await app.inject(`/articles/${id}/edits`);
      assert.equal(res.statusCode, 404, id);
    }
    assert.equal(
      (await app.inject('/api/v1/articles/wire-bridge/edits')).json().error.code,
      'NOT_FOUND',
    );
  });

  it('links copies, not originals, to their edit view from story and article pages', async () => {
    const story = await app.inject('/stories/story-bridge');
    assert.match(story.body, /href="\/articles\/gazette-bridge\/edits"/);
    assert.doesNotMatch(story.body, /href="\/articles\/wire-bridge\/edits"/);
    const article = await app.inject('/articles/gazette-bridge');
    assert.match(
      article.body,
      /<a href="\/articles\/gazette-bridge\/edits">see the edits against the likely original<\/a>/,
    );
  });

  it('serves the same edit view as JSON', async () => {
    const res = await app.inject('/api/v1/articles/gazette-bridge/edits');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.original.id, 'wire-bridge');
    assert.equal(body.original.isOriginal, true);
    assert.equal(body.copy.id, 'gazette-bridge');
    assert.equal(body.diff.title.rewritten, true);
    assert.deepEqual(
      body.diff.paragraphs.map((p: { status: string }) => p.status),
      ['edited', 'equal'],
    );
  });

  it('emits nothing executable when both texts are hostile', async () => {
    const res = await app.inject('/articles/evil-copy/edits');
    assert.equal(res.statusCode, 200);
    assertInert(res.body);
    assert.match(res.body, /&lt;script&gt;/);
  });

  it('is off, with no links to it, when no diff function is given', async () => {
    const plain = buildApp({ store, config: { now: () => NOW } });
    assert.equal((await plain.inject('/articles/gazette-bridge/edits')).statusCode, 404);
    assert.doesNotMatch((await plain.inject('/stories/story-bridge')).body, /\/edits"/);
    assert.doesNotMatch((await plain.inject('/articles/gazette-bridge')).body, /\/edits"/);
    await plain.close();
  });
});
