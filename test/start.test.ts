// `npm start` as a newcomer runs it: an empty data folder is filled with the bundled sample
// corpus, the reader is served, a second start serves the same store without re-ingesting,
// and SIGTERM shuts down cleanly.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnCli } from './helpers/run-cli.js';

interface Started {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** Runs `storyline start` on a free loopback port and waits for its "serving" line. */
function start(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, STORYLINE_POLL: 'off' };
  delete env.DATABASE_URL;
  const child = spawnCli(['start', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
    env,
  });
  let stderr = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`start did not serve:\n${stderr}`)), 120_000);
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString();
      const m = /serving the reader at (http:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        done({ child, url: m[1]!, stderr: () => stderr });
      }
    });
    child.on('exit', (code) => fail(new Error(`start exited ${code} before serving:\n${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    child.once('exit', (code) => done(code));
    child.kill('SIGTERM');
  });
}

describe('storyline start', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'storyline-start-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('fills an empty data folder with the sample corpus and serves the reader', async () => {
    const first = await start(dataDir);
    try {
      assert.match(first.stderr(), /empty store: ingesting the sample corpus/);
      assert.ok((await stat(join(dataDir, 'storyline.db'))).size > 0);
      const front = await fetch(`${first.url}/`);
      assert.equal(front.status, 200);
      assert.match(await front.text(), /<ol class="stories">/);
      const api = (await (await fetch(`${first.url}/api/v1/stories?limit=100`)).json()) as {
        stories: { articleCount: number }[];
      };
      assert.ok(api.stories.length >= 5, `${api.stories.length} stories`);
      assert.ok(api.stories.some((s) => s.articleCount > 1));
    } finally {
      assert.equal(await stop(first.child), 0);
    }
    assert.match(first.stderr(), /shutting down/);
  });

  it('serves the existing store on the next start without ingesting again', async () => {
    const again = await start(dataDir);
    try {
      assert.doesNotMatch(again.stderr(), /empty store/);
      assert.equal((await fetch(`${again.url}/`)).status, 200);
    } finally {
      assert.equal(await stop(again.child), 0);
    }
  });
});
