import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { DIALECTS, FIXED_NOW } from './store-fixtures.js';

/** Pages each writer saves: enough for their transactions to interleave many times. */
const PAGES_PER_WRITER = 25;
const CHILD = fileURLToPath(new URL('./write-pages.child.ts', import.meta.url));
const OPENER = fileURLToPath(new URL('./open-store.child.ts', import.meta.url));
/** Processes opening one fresh file at once: without the migration retry, 4 lost the race in 3 of 7 trials. */
const OPENERS = 4;

function runWriter(url: string, name: string): Promise<{ code: number | null; stderr: string }> {
  return runChild([CHILD, url, name, String(PAGES_PER_WRITER)]);
}

function runChild(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

for (const dialect of DIALECTS) {
  describe(`store with concurrent writer processes (${dialect.name})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'storyline-writers-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('serialises two processes saving into the same story without losing a page', async () => {
      // SQLite needs a file both processes can open; PostgreSQL a schema both can reach.
      const url =
        dialect.name === 'sqlite' ? `sqlite:${join(dir, 'shared.db')}` : await dialect.url();
      // Create the schema first so the two writers do not race to migrate.
      await (await openStore(url, { now: FIXED_NOW })).close();
      const results = await Promise.all([runWriter(url, 'east'), runWriter(url, 'west')]);
      for (const r of results) assert.equal(r.code, 0, r.stderr);
      const store = await openStore(url, { now: FIXED_NOW });
      const stats = await store.stats();
      const story = await store.getStory('s-shared');
      await store.close();
      assert.equal(stats.pages, 2 * PAGES_PER_WRITER);
      assert.equal(story?.story.articleCount, 2 * PAGES_PER_WRITER);
      assert.equal(story?.story.familyCount, 2 * PAGES_PER_WRITER);
    });
  });
}

describe('store opened by several processes at once on a fresh file (sqlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-openers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates once and opens in every process', async () => {
    const url = `sqlite:${join(dir, 'fresh.db')}`;
    const results = await Promise.all(
      Array.from({ length: OPENERS }, () => runChild([OPENER, url])),
    );
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const store = await openStore(url, { now: FIXED_NOW });
    assert.equal((await store.stats()).pages, 0);
    await store.close();
  });
});
