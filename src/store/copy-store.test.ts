import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateCorpus } from '../../bench/scale/corpus.js';
import { pageOf } from '../../bench/scale/pages.js';
import { freshPostgresSchema } from '../../test/helpers/dialects.js';
import { singleProcessRun } from '../../test/worker/scale-out.js';
import { isStorylineError } from '../errors.js';
import { copyStore } from './copy-store.js';
import { openStore } from './index.js';

const SERVER = process.env.STORYLINE_TEST_POSTGRES_URL;
if (!SERVER)
  process.stderr.write(
    'SKIP: migrate --to tests need PostgreSQL (STORYLINE_TEST_POSTGRES_URL unset)\n',
  );

describe('copying a SQLite store to PostgreSQL', { skip: !SERVER }, () => {
  it('copies every table with equal counts and checksums, and the copy works as a store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-copy-'));
    try {
      const from = `sqlite:${join(dir, 'store.db')}`;
      const pages = [...generateCorpus(61, 3)].map((a, i) => pageOf(a, i + 1));
      const source = await openStore(from);
      await singleProcessRun(source, pages.slice(0, 60));
      await source.addSource({ kind: 'file', uri: '/srv/news/feed.jsonl' });
      const before = await source.stats();
      const stories = await source.listStories({ limit: 5 });
      const story = await source.getStory(stories[0]!.id);
      const found = await source.search('flood', 20);
      assert.ok(found.length > 0);
      await source.close();

      const to = await freshPostgresSchema(SERVER!);
      const report = await copyStore(from, to);
      assert.ok(report.some((r) => r.table === 'articles' && r.targetRows === 60));
      for (const r of report) {
        assert.equal(r.targetRows, r.sourceRows, r.table);
        assert.equal(r.targetChecksum, r.sourceChecksum, r.table);
      }

      const copy = await openStore(to);
      try {
        assert.deepEqual(await copy.stats(), before);
        assert.deepEqual(await copy.getStory(stories[0]!.id), story);
        assert.deepEqual(
          new Set((await copy.search('flood', 20)).map((a) => a.id)),
          new Set(found.map((a) => a.id)),
        );
        // Ids continue after the copied ones: the next page saves.
        await singleProcessRun(copy, pages.slice(60));
        assert.equal((await copy.stats()).pages, before.pages + 1);
      } finally {
        await copy.close();
      }
      await assert.rejects(
        copyStore(from, to),
        (e) => isStorylineError(e) && /already holds rows/.test(e.message),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a target that is not PostgreSQL', async () => {
    await assert.rejects(
      copyStore('sqlite::memory:', 'sqlite:/tmp/x.db'),
      (e) => isStorylineError(e) && e.code === 'CONFIG_INVALID',
    );
  });
});
