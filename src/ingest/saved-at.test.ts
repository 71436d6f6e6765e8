import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readInputFile } from './read-files.js';
import { fetchTimeOf, savedAt } from './saved-at.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('savedAt', () => {
  it('reads the saved date a SingleFile page states', () => {
    const page = `<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://news.example/a \n saved date: Tue Mar 03 2026 17:05:00 GMT+0000 (Coordinated Universal Time)\n--><body>x</body></html>`;
    assert.equal(savedAt(bytes(page), NOW)?.toISOString(), '2026-03-03T17:05:00.000Z');
  });

  it('reads the date of an HTTrack mirror comment', () => {
    const page = `<html><!-- Mirrored from news.example/a.html by HTTrack Website Copier/3.x [XR&CO'2014], Tue, 03 Mar 2026 17:05:00 GMT --><body>x</body></html>`;
    assert.equal(savedAt(bytes(page), NOW)?.toISOString(), '2026-03-03T17:05:00.000Z');
  });

  it('reads a fetched-at meta tag and a Fetched-At line of a text dump', () => {
    const html = `<html><head><meta name="fetched-at" content="2026-03-03T17:05:00Z"></head></html>`;
    assert.equal(savedAt(bytes(html), NOW)?.toISOString(), '2026-03-03T17:05:00.000Z');
    const text = `Fetched-At: 2026-03-03T17:05:00Z\nA headline\nBody text.`;
    assert.equal(savedAt(bytes(text), NOW)?.toISOString(), '2026-03-03T17:05:00.000Z');
  });

  it('ignores pages that state nothing, or an impossible time', () => {
    assert.equal(savedAt(bytes('<p>saved date: yesterday</p>'), NOW), null);
    assert.equal(savedAt(bytes('<p>No date here at all.</p>'), NOW), null);
    const future = `<meta name="fetched-at" content="2031-01-01T00:00:00Z">`;
    assert.equal(savedAt(bytes(future), NOW), null);
  });
});

describe('the fetch time of a local file', () => {
  it('does not depend on the file modification time (git does not keep it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-saved-'));
    try {
      const path = join(dir, 'page.txt');
      await writeFile(path, 'A headline\nSome body text.\n');
      await utimes(path, new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'));
      const a = fetchTimeOf(await readInputFile(path, 1 << 20), NOW);
      await utimes(path, new Date(), new Date());
      const b = fetchTimeOf(await readInputFile(path, 1 << 20), NOW);
      assert.equal(a.toISOString(), NOW.toISOString());
      assert.equal(b.toISOString(), NOW.toISOString());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uses the time the page states, also inside a .gz', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-saved-'));
    try {
      const path = join(dir, 'page.html.gz');
      const html = `<html><head><meta name="fetched-at" content="2026-03-03T17:05:00Z"></head><body>x</body></html>`;
      await writeFile(path, gzipSync(html));
      const input = await readInputFile(path, 1 << 20);
      assert.equal(fetchTimeOf(input, NOW).toISOString(), '2026-03-03T17:05:00.000Z');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a sidecar beside the page', () => {
  it('gives the fetch time and wins over the page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-saved-'));
    try {
      const path = join(dir, 'dump.txt');
      await writeFile(path, 'Fetched-At: 2026-03-01T00:00:00Z\nA headline\nBody text.\n');
      await writeFile(`${path}.meta.json`, '{"fetchedAt": "2026-03-03T17:05:00Z"}');
      const input = await readInputFile(path, 1 << 20);
      assert.equal(fetchTimeOf(input, NOW).toISOString(), '2026-03-03T17:05:00.000Z');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is ignored when it is not JSON or holds no valid time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-saved-'));
    try {
      const path = join(dir, 'dump.txt');
      await writeFile(path, 'A headline\nBody text.\n');
      for (const junk of ['not json', '{"fetchedAt": 12}', '{"fetchedAt": "soon"}', 'null']) {
        await writeFile(`${path}.meta.json`, junk);
        const input = await readInputFile(path, 1 << 20);
        assert.equal(fetchTimeOf(input, NOW).toISOString(), NOW.toISOString(), junk);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the bundled sample corpus', () => {
  it('states, in a sidecar, the fetch time sample/EXPECTED.json assumes', async () => {
    const sample = join(import.meta.dirname, '..', '..', 'sample');
    const expected = JSON.parse(await readFile(join(sample, 'EXPECTED.json'), 'utf8')) as {
      fetchedAt: Record<string, string>;
    };
    for (const [file, at] of Object.entries(expected.fetchedAt)) {
      const input = await readInputFile(join(sample, file), 1 << 22);
      assert.equal(fetchTimeOf(input, NOW).toISOString(), new Date(at).toISOString(), file);
    }
  });
});
