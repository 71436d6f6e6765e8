import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { diffCopy } from '../../families/index.js';
import { buildApp } from '../app.js';
import { seedStore } from '../testing/seed-store.js';
import { CORPUS } from '../testing/seed-corpus.js';
import { describeEachDialect } from '../../../test/helpers/dialects.js';

describeEachDialect('family API', (dialect) => {
  let store: Store;
  let app: FastifyInstance;
  let bare: FastifyInstance;

  before(async () => {
    store = await openStore(await dialect.url());
    await seedStore(store, CORPUS);
    app = buildApp({ store, diff: diffCopy });
    bare = buildApp({ store });
  });
  after(async () => {
    await app.close();
    await bare.close();
    await store.close();
  });

  it('serves a family with its original and, per copy, the edited share and kinds of edit', async () => {
    const res = await app.inject('/api/v1/families/fam-bridge');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(body.family, {
      id: 'fam-bridge',
      storyId: 'story-bridge',
      originalId: 'wire-bridge',
      size: 2,
    });
    assert.equal(body.original.id, 'wire-bridge');
    assert.equal(body.copies.length, 1);
    const [copy] = body.copies;
    assert.equal(copy.article.id, 'gazette-bridge');
    assert.ok(copy.edits.editedPercent > 0);
    assert.equal(copy.edits.headlineRewritten, true);
    assert.deepEqual(copy.edits.uniqueSentences, []);
    assert.equal(copy.links.diff, '/api/v1/articles/gazette-bridge/diff');
    assert.equal(body.links.html, '/stories/story-bridge#family-fam-bridge');
  });

  it('serves the full diff of a copy at /diff, and 404 for an original or an unknown family', async () => {
    const diff = await app.inject('/api/v1/articles/gazette-bridge/diff');
    assert.equal(diff.statusCode, 200);
    const body = diff.json();
    assert.equal(body.original.id, 'wire-bridge');
    const added = body.diff.paragraphs[0].ops.find((o: { op: string }) => o.op === 'insert');
    assert.equal(added.after, 'officials said.');
    assert.equal((await app.inject('/api/v1/articles/wire-bridge/diff')).statusCode, 404);
    const missing = await app.inject('/api/v1/families/no-such-family');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'NOT_FOUND');
  });

  it('still lists the family without a diff function, with no edit summaries', async () => {
    const res = await bare.inject('/api/v1/families/fam-bridge');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().copies[0].edits, null);
  });
});
