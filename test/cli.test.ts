// The CLI as a user runs it: real files, a real SQLite file, a child process per command.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  mkdtemp,
  mkdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { ROOT, runCli } from './helpers/run-cli.js';

/** Pages committed so far, read through a second connection as the ingest runs (WAL). */
function storedPages(file: string): number {
  if (!existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('select count(*) as n from pages').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // the schema may not exist yet
  }
}

const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

describe('storyline extract', () => {
  it('prints one JSON object per file, in input order, with the documented fields', async () => {
    const files = [join(FIXTURES, 'orchard-frost.txt'), join(FIXTURES, 'harbour-bridge.html')];
    const { code, stdout } = await runCli(['extract', ...files]);
    assert.equal(code, 0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => l.file),
      files,
    );
    for (const key of [
      'title',
      'outlet',
      'byline',
      'published',
      'dateline',
      'credit',
      'language',
      'text',
      'paragraphs',
      'images',
      'related',
    ]) {
      assert.ok(key in lines[1], `missing ${key}`);
    }
    const [frost, bridge] = lines;
    assert.equal(bridge.title, 'Lakeside council approves new harbour bridge');
    assert.equal(bridge.outlet, 'The Tarn Courier');
    assert.equal(bridge.published, '2026-04-14T09:30:00.000Z');
    assert.equal(bridge.paragraphs.length, 6);
    assert.ok(!bridge.text.includes('All rights reserved'));
    assert.ok(!bridge.text.includes('Ferry timetable cut again'));
    assert.equal(frost.title, "Late frost damages half of valley's apple blossom");
    assert.ok(!/Share this article|Advertisement|Sign up for our newsletter/.test(frost.text));
  });

  it('answers a bad file on its own line and exits 1, going on with the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-extract-'));
    try {
      await writeFile(join(dir, 'empty.html'), '');
      await writeFile(
        join(dir, 'junk.bin'),
        Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      );
      const files = [
        join(dir, 'empty.html'),
        join(dir, 'junk.bin'),
        join(FIXTURES, 'harbour-bridge.html'),
      ];
      const { code, stdout, stderr } = await runCli(['extract', ...files]);
      assert.equal(code, 1);
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.equal(lines.length, 3);
      assert.equal(lines[0].error.code, 'INPUT_EMPTY');
      assert.equal(lines[1].error.code, 'INPUT_BINARY');
      assert.equal(lines[2].title, 'Lakeside council approves new harbour bridge');
      assert.match(stderr, /empty\.html/);
      assert.match(stderr, /junk\.bin/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('storyline cluster', () => {
  it('prints {id, story, family, original} per record in input order and touches no database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-cluster-'));
    try {
      const out = join(dir, 'groups.jsonl');
      const { code, stderr } = await runCli([
        'cluster',
        '--in',
        join(FIXTURES, 'records.jsonl'),
        '--out',
        out,
        '--data-dir',
        join(dir, 'data'),
      ]);
      assert.equal(code, 0, stderr);
      assert.ok(!existsSync(join(dir, 'data')), 'cluster must not create a store');
      const rows = (await readFile(out, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        rows.map((r) => r.id),
        ['w1', 'c1', 'o1', 'u1', 'b1', 'b2'],
      );
      assert.deepEqual(Object.keys(rows[0]).sort(), ['family', 'id', 'original', 'story']);
      const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
      assert.equal(byId.c1.family, byId.w1.family, 'the edited copy joins the wire family');
      assert.equal(byId.w1.original, true, 'the earliest copy is the original');
      assert.equal(byId.c1.original, false);
      assert.notEqual(byId.o1.family, byId.w1.family, 'own words are not a copy');
      assert.notEqual(byId.u1.story, byId.w1.story, 'an unrelated article is its own story');
      assert.notEqual(byId.b1.family, byId.w1.family, 'a one-line brief never joins a family');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('storyline ingest', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-ingest-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('stores pages, then adds nothing when the same input comes again', async () => {
    const data = join(dir, 'data');
    const first = await runCli(['ingest', FIXTURES, '--data-dir', data, '--quiet']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /ingested 3 file\(s\), 8 page\(s\): 8 new article\(s\)/);
    assert.ok(existsSync(join(data, 'storyline.db')));
    const again = await runCli(['ingest', FIXTURES, '--data-dir', data, '--quiet']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(
      again.stderr,
      /: 0 new article\(s\), 0 revised, 0 unchanged, 8 duplicate page\(s\)/,
    );
    const stats = await runCli(['stats', '--data-dir', data]);
    assert.match(stats.stdout, /articles\s+8\n/);
  });

  it('reports each bad file on one line naming it, ingests the rest, and exits 1', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'a-empty.html'), '');
    await writeFile(
      join(bad, 'b-binary.html'),
      Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)),
    );
    await writeFile(
      join(bad, 'c-invalid-utf8.txt'),
      Buffer.concat([
        Buffer.from(
          'Caf\u00e9 owners say \u201cno\u201d to the new rules.\nMore text here about the caf\u00e9 rules. ',
        ),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
        Buffer.from(' and the rest.\n'),
      ]),
    );
    const whole = gzipSync(await readFile(join(FIXTURES, 'harbour-bridge.html')));
    await writeFile(join(bad, 'd-truncated.html.gz'), whole.subarray(0, whole.length - 40));
    await writeFile(join(bad, 'e-huge.html'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    await copyFile(join(FIXTURES, 'orchard-frost.txt'), join(bad, 'f-good.txt'));
    // Unreadable entries of a folder: a link to nothing (any user) and, where permissions bind
    // (not as root), a file nobody may read.
    await symlink(join(bad, 'gone.html'), join(bad, 'g-dangling.html'));
    const bindsPermissions = process.getuid?.() !== 0;
    if (bindsPermissions) {
      await writeFile(join(bad, 'h-locked.html'), '<p>locked</p>');
      await chmod(join(bad, 'h-locked.html'), 0o000);
    }
    const data = join(dir, 'data-bad');
    const { code, stderr } = await runCli(['ingest', bad, '--data-dir', data, '--quiet']);
    assert.equal(code, 1);
    const errors = stderr.split('\n').filter((l) => l.startsWith('error: '));
    assert.equal(errors.length, bindsPermissions ? 7 : 6, stderr);
    const unreadable = [
      ['g-dangling.html', /unable to read .*no such file or folder/],
      ...(bindsPermissions ? [['h-locked.html', /permission denied/] as const] : []),
    ] as const;
    for (const [name, reason] of [
      ...unreadable,
      ['a-empty.html', /empty/],
      ['b-binary.html', /binary/],
      ['c-invalid-utf8.txt', /invalid UTF-8/],
      ['d-truncated.html.gz', /corrupt gzip/],
      ['e-huge.html', /is 50\.0 MB, over the 10\.0 MB cap/],
    ] as const) {
      const line = errors.find((l) => l.includes(name));
      assert.ok(line, `no error line for ${name}`);
      assert.match(line, reason);
    }
    assert.match(stderr, /1 new article\(s\)/);
  });

  it('loses nothing when killed mid-run: a re-run completes the store', async () => {
    const corpus = join(dir, 'many');
    await mkdir(corpus);
    const page = await readFile(join(FIXTURES, 'harbour-bridge.html'), 'utf8');
    for (let i = 0; i < 200; i += 1) {
      const html = page
        .replace(/harbour-bridge/, `harbour-bridge-${i}`)
        .replace('nine to four', `nine to four (vote ${i})`);
      await writeFile(join(corpus, `p${String(i).padStart(2, '0')}.html`), html);
    }
    const data = join(dir, 'data-kill');
    let seen = 0;
    const killed = await runCli(['ingest', corpus, '--data-dir', data, '--quiet'], {
      killWhen: () => (seen = storedPages(join(data, 'storyline.db'))) >= 5,
    });
    assert.equal(killed.signal, 'SIGKILL', 'the run finished before it could be killed');
    assert.ok(seen >= 5 && seen < 200, `killed with ${seen} pages stored`);
    const rerun = await runCli(['ingest', corpus, '--data-dir', data, '--quiet']);
    assert.equal(rerun.code, 0, rerun.stderr);
    const stats = await runCli(['stats', '--data-dir', data]);
    assert.match(stats.stdout, /pages\s+200\n/);
    assert.match(stats.stdout, /articles\s+200\n/);
  });
});
