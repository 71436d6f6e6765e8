import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile, chmod, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findFiles, readInputFile } from './read-files.js';
import { isStorylineError } from '../errors.js';

const MB = 1024 * 1024;

async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  fragment: RegExp,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isStorylineError(error), `expected a StorylineError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, fragment);
    return true;
  });
}

describe('findFiles', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-find-'));
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'b', 'two.html'), '<p>x</p>');
    await writeFile(join(dir, 'a.txt'), 'x');
    await writeFile(join(dir, '.hidden'), 'x');
    await writeFile(join(dir, 'README.md'), 'x');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('walks folders in sorted order and skips hidden files and notes', async () => {
    const found = await findFiles([dir]);
    assert.deepEqual(
      found.map((f) => f.path).filter((p) => !p.includes('/c/')),
      [join(dir, 'a.txt'), join(dir, 'b', 'two.html')],
    );
  });

  it('lists a dangling link inside a folder as an unreadable entry, and goes on', async () => {
    const sub = join(dir, 'c');
    await mkdir(sub);
    await symlink(join(dir, 'gone.html'), join(sub, 'broken.html'));
    await writeFile(join(sub, 'ok.html'), '<p>x</p>');
    const found = await findFiles([sub]);
    assert.equal(found.length, 2);
    assert.ok('error' in found[0]! && /broken\.html: no such file/.test(found[0].error.message));
    assert.ok(!('error' in found[1]!));
  });

  it('reports a missing path as an error entry instead of throwing', async () => {
    const [entry] = await findFiles([join(dir, 'nope')]);
    assert.ok(entry && 'error' in entry);
    assert.match(entry.error.message, /no such file/);
  });
});

describe('readInputFile', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-read-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('decompresses .gz and takes the content type from the inner name', async () => {
    const path = join(dir, 'page.html.gz');
    await writeFile(path, gzipSync('<html><p>Hello</p></html>'));
    const input = await readInputFile(path, MB);
    assert.equal(new TextDecoder().decode(input.bytes), '<html><p>Hello</p></html>');
    assert.equal(input.contentType, 'text/html');
    assert.match(input.url, /^file:\/\//);
  });

  it('names the file and the reason for an empty file', async () => {
    const path = join(dir, 'empty.html');
    await writeFile(path, '');
    await rejectsWith(readInputFile(path, MB), 'INPUT_EMPTY', /empty\.html: file is empty/);
  });

  it('refuses a file over the size cap before reading it', async () => {
    const path = join(dir, 'big.txt');
    await writeFile(path, Buffer.alloc(2 * MB, 0x61));
    await rejectsWith(
      readInputFile(path, MB),
      'INPUT_TOO_LARGE',
      /big\.txt: is 2\.0 MB, over the 1\.0 MB cap/,
    );
  });

  it('stops a gzip bomb at the cap', async () => {
    const path = join(dir, 'bomb.txt.gz');
    await writeFile(path, gzipSync(Buffer.alloc(8 * MB, 0x61)));
    await rejectsWith(readInputFile(path, MB), 'INPUT_TOO_LARGE', /decompresses to more than/);
  });

  it('reports a truncated gzip as corrupt', async () => {
    const path = join(dir, 'cut.html.gz');
    const whole = gzipSync('<p>' + 'words '.repeat(5000) + '</p>');
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    await rejectsWith(readInputFile(path, MB), 'INPUT_CORRUPT', /cut\.html\.gz: corrupt gzip/);
  });

  it(
    'reports an unreadable file as permission denied',
    { skip: process.getuid?.() === 0 ? 'root reads everything' : false },
    async () => {
      const path = join(dir, 'locked.html');
      await writeFile(path, '<p>x</p>');
      await chmod(path, 0o000);
      await rejectsWith(readInputFile(path, MB), 'INPUT_UNREADABLE', /permission denied/);
    },
  );
});
