// Saves on a thread (save-thread.ts) against a real SQLite file, and PostgreSQL when a test
// server is given: what the thread commits is what the main connection reads, saves land in
// the order asked, and after a failure the saves already asked for are refused untouched.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStorylineError } from '../errors.js';
import { freshPostgresSchema } from '../../test/helpers/dialects.js';
import { openStore, type PageToSave } from './index.js';
import {
  FERRY_STRIKE,
  ORCHARD_FAIR,
  articleToSave,
  pageToSave,
} from '../../test/store/store-fixtures.js';

function page(n: number, storyId: string | null = `story-${n}`): PageToSave {
  const saved = pageToSave({
    url: `https://harbour-gazette.example/${n}`,
    fetchedAt: '2026-03-01T10:00:00.000Z',
    articles: [
      articleToSave({
        id: `article-${n}`,
        familyId: `family-${n}`,
        storyId: storyId ?? '',
        text: n % 2 === 0 ? FERRY_STRIKE : ORCHARD_FAIR,
      }),
    ],
  });
  // A story id that is not a string breaks the NOT NULL constraint: a save that fails in SQL.
  if (storyId === null) saved.articles[0]!.grouping.storyId = null as unknown as string;
  return saved;
}

const urls: { name: string; url: (dir: string) => Promise<string> }[] = [
  { name: 'sqlite', url: async (dir) => `sqlite:${join(dir, `thread-${Math.random()}.db`)}` },
  ...(process.env.STORYLINE_TEST_POSTGRES_URL
    ? [
        {
          name: 'postgres',
          url: () => freshPostgresSchema(process.env.STORYLINE_TEST_POSTGRES_URL!),
        },
      ]
    : []),
];

for (const dialect of urls) {
  describe(`save thread [${dialect.name}]`, () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'storyline-save-thread-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('commits on its own connection what the main connection then reads', async () => {
      const store = await openStore(await dialect.url(dir), { saveThread: true });
      try {
        const [result] = await store.savePages([page(1)]);
        assert.equal(result!.inserted, 1);
        assert.equal((await store.getArticle('article-1'))?.storyId, 'story-1');
        assert.equal((await store.stats()).articles, 1);
      } finally {
        await store.close();
      }
    });

    it('refuses, untouched, the saves asked for before a failure was known, then saves again', async () => {
      const store = await openStore(await dialect.url(dir), { saveThread: true });
      try {
        // Asked for together, without waiting: the second fails, the third was asked for
        // before that was known (it could have been grouped on top of it) and is refused.
        const asked = [
          store.savePages([page(1)]),
          store.savePages([page(2, null)]),
          store.savePages([page(3)]),
        ];
        const settled = await Promise.allSettled(asked);
        assert.equal(settled[0]!.status, 'fulfilled');
        const codes = settled
          .slice(1)
          .map((s) =>
            s.status === 'rejected' && isStorylineError(s.reason) ? s.reason.code : s.status,
          );
        assert.deepEqual(codes, ['STORE_FAILED', 'STORE_SUPERSEDED']);
        assert.equal(await store.getArticle('article-3'), null);
        // Asked for after the failure was reported: saved.
        await store.savePages([page(3)]);
        assert.deepEqual(
          [(await store.stats()).articles, (await store.getArticle('article-3'))?.id],
          [2, 'article-3'],
        );
      } finally {
        await store.close();
      }
    });

    it('finishes every save asked for before it closes', async () => {
      const url = await dialect.url(dir);
      const store = await openStore(url, { saveThread: true });
      const saving = [1, 2, 3, 4].map((n) => store.savePages([page(n)]));
      await store.close();
      await Promise.all(saving);
      const reopened = await openStore(url);
      try {
        assert.equal((await reopened.stats()).articles, 4);
      } finally {
        await reopened.close();
      }
    });
  });
}

describe('save thread on an in-memory store', () => {
  it('saves inline, since no second connection can see that database', async () => {
    const store = await openStore('sqlite::memory:', { saveThread: true });
    try {
      await store.savePages([page(1)]);
      assert.equal((await store.stats()).articles, 1);
    } finally {
      await store.close();
    }
  });
});
