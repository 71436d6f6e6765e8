// The scale-out verbs as a user runs them, on PostgreSQL: migrate --to, enqueue + worker,
// serve --no-worker. Needs STORYLINE_TEST_POSTGRES_URL (loud SKIP otherwise).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshPostgresSchema } from './helpers/dialects.js';
import { ROOT, runCli } from './helpers/run-cli.js';
import { waitForDrain } from './worker/scale-out.js';

const SERVER = process.env.STORYLINE_TEST_POSTGRES_URL;
if (!SERVER)
  process.stderr.write(
    'SKIP: scale-out CLI tests need PostgreSQL (STORYLINE_TEST_POSTGRES_URL unset)\n',
  );
const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');
const ENTRY = `import(${JSON.stringify(resolve(ROOT, 'src/cli/main.ts'))}).then(async (m) => { process.exitCode = await m.main(process.argv.slice(1)); })`;

function start(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 180_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const statsOf = (stdout: string) =>
  Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/) as [string, string]),
  );

describe('scale-out commands on PostgreSQL', { skip: !SERVER }, () => {
  it('migrate --to copies an ingested SQLite store and reports every table the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-migrate-'));
    try {
      assert.equal((await runCli(['ingest', '--quiet', '--data-dir', dir, FIXTURES])).code, 0);
      const to = await freshPostgresSchema(SERVER!);
      const migrated = await runCli(['migrate', '--data-dir', dir, '--to', to]);
      assert.equal(migrated.code, 0, migrated.stderr);
      assert.match(migrated.stdout, /every count and checksum matches/);
      assert.doesNotMatch(migrated.stdout, /DIFFERENT/);
      const [a, b] = [
        await runCli(['stats', '--data-dir', dir]),
        await runCli(['stats', '--database-url', to]),
      ];
      assert.deepEqual(statsOf(b.stdout), statsOf(a.stdout));
      assert.equal((await runCli(['migrate', '--data-dir', dir])).code, 2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('enqueue + worker store what ingest stores; serve --no-worker serves it and stops on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-worker-'));
    const url = await freshPostgresSchema(SERVER!);
    const env = { DATABASE_URL: url };
    const worker = start(['worker'], env);
    try {
      assert.equal((await runCli(['ingest', '--quiet', '--data-dir', dir, FIXTURES])).code, 0);
      const expected = statsOf((await runCli(['stats', '--data-dir', dir])).stdout);
      await until(() => worker.output().includes('taking jobs'), 'the worker to start');
      const queued = await runCli(['enqueue', FIXTURES], { env });
      assert.equal(queued.code, 0, queued.stderr);
      await waitForDrain(url, Number(expected.articles), 180_000);
      assert.deepEqual(statsOf((await runCli(['stats'], { env })).stdout), expected);

      const web = start(['serve', '--no-worker', '--port', '0', '--host', '127.0.0.1'], env);
      try {
        await until(() => /serving the reader at (\S+)/.test(web.output()), 'the web process');
        const address = /serving the reader at (\S+)/.exec(web.output())![1]!;
        const res = await fetch(`${address}/api/v1/stories`);
        assert.equal(res.status, 200);
        assert.equal(
          ((await res.json()) as { stories: unknown[] }).stories.length,
          Number(expected.stories),
        );
        assert.doesNotMatch(web.output(), /worker taking jobs|polling sources/);
      } finally {
        web.child.kill('SIGTERM');
        assert.equal(await web.exited, 0);
      }
    } finally {
      worker.child.kill('SIGTERM');
      assert.equal(await worker.exited, 0, worker.output());
      await rm(dir, { recursive: true, force: true });
    }
  });
});
