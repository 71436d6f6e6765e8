// Reads local inputs: files and folders of HTML pages, text dumps, `.gz` of either, and JSON
// Lines of article records. Every problem becomes a coded error naming the file; one bad file
// never stops the others (the caller decides what to do with each result).
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { StorylineError, describeError } from '../errors.js';
import { savedAt, sidecarFetchedAt, sidecarPath } from './saved-at.js';

/** One file found under the paths given to `ingest`, or the reason it could not be listed. */
export type FoundFile = { path: string } | { path: string; error: StorylineError };

/** File names we never treat as input: editor and OS droppings, our own notes. */
const IGNORED_NAMES = /^(\.|~|#)|\.(md|json|db|db-wal|db-shm|swp)$/i;

/** Expands files and folders (recursively, sorted for a stable order) into input files. */
export async function findFiles(paths: readonly string[]): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (const path of paths) await walk(resolve(path), found, true);
  return found;
}

async function walk(path: string, out: FoundFile[], explicit: boolean): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    out.push({ path, error: unreadable(path, error) });
    return;
  }
  if (info.isDirectory()) {
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (error) {
      out.push({ path, error: unreadable(path, error) });
      return;
    }
    for (const name of names) await walk(join(path, name), out, false);
  } else if (info.isFile() && (explicit || !IGNORED_NAMES.test(basename(path)))) {
    out.push({ path });
  }
}

/** The decompressed bytes of one input file, with what its name says about its type. */
export interface InputFile {
  path: string;
  url: string;
  bytes: Uint8Array;
  contentType: string | null;
  /** The file's modification time. Not a fetch time (git and most copies do not keep it):
   *  use `fetchTimeOf(file, now)` from saved-at.ts for that. */
  modifiedAt: Date;
  /** The fetch time the page states about itself (a save tool's comment), or null. */
  savedAt: Date | null;
}

/** Reads one file, decompressing `.gz`, refusing empty and oversized input. */
export async function readInputFile(path: string, maxBytes: number): Promise<InputFile> {
  let raw: Buffer;
  let modifiedAt: Date;
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      modifiedAt = info.mtime;
      if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
      raw = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof StorylineError) throw error;
    throw unreadable(path, error);
  }
  const gz = isGzip(raw);
  const bytes = gz ? gunzip(path, raw, maxBytes) : raw;
  if (bytes.length === 0) throw new StorylineError('INPUT_EMPTY', `ingest: ${path}: file is empty`);
  const name = gz && extname(path).toLowerCase() === '.gz' ? path.slice(0, -3) : path;
  return {
    path,
    url: pathToFileURL(path).href,
    bytes,
    contentType: contentTypeFor(name),
    modifiedAt,
    savedAt: (await readSidecar(path)) ?? savedAt(bytes, new Date()),
  };
}

/** Longest sidecar we read (bytes): it holds a few fields. */
const MAX_SIDECAR_BYTES = 64 * 1024;

/** The fetch time in the page's sidecar (saved-at.ts), or null when there is none. */
async function readSidecar(path: string): Promise<Date | null> {
  try {
    const file = sidecarPath(path);
    if ((await stat(file)).size > MAX_SIDECAR_BYTES) return null;
    return sidecarFetchedAt(await readFile(file, 'utf8'), new Date());
  } catch {
    return null; // no sidecar: the usual case
  }
}

/** gzip magic number (RFC 1952 §2.3.1): trust the bytes, not the file name. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzip(path: string, raw: Buffer, maxBytes: number): Buffer {
  try {
    // maxOutputLength stops a decompression bomb at the cap instead of exhausting memory.
    return gunzipSync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(path, Number.NaN, maxBytes);
    throw new StorylineError(
      'INPUT_CORRUPT',
      `ingest: ${path}: corrupt gzip: ${describeError(error)}`,
    );
  }
}

const TYPES_BY_EXTENSION: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.jsonl': 'application/jsonl',
  '.ndjson': 'application/jsonl',
};

function contentTypeFor(name: string): string | null {
  return TYPES_BY_EXTENSION[extname(name).toLowerCase()] ?? null;
}

function unreadable(path: string, error: unknown): StorylineError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'no such file or folder'
        : code === 'EISDIR'
          ? 'is a folder'
          : describeError(error);
  return new StorylineError('INPUT_UNREADABLE', `ingest: unable to read ${path}: ${reason}`, {
    cause: error,
  });
}

function tooLarge(path: string, size: number, max: number): StorylineError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const what = Number.isNaN(size) ? 'decompresses to more than' : `is ${mb(size)}, over`;
  return new StorylineError('INPUT_TOO_LARGE', `ingest: ${path}: ${what} the ${mb(max)} cap`);
}
