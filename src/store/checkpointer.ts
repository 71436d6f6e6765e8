// Background WAL checkpoints for a SQLite store that writes. In WAL mode every commit appends
// pages to the -wal file, and the connection whose commit pushes the WAL past
// `wal_autocheckpoint` pages copies them back into the database file (with an fsync) inside
// that commit. Those checkpoints were 60% of COMMIT's time and COMMIT 45% of the SQL time of a
// batch writer (bench/scale lane at 10k articles, 2026-12-07). So a second connection, on a
// worker thread, checkpoints instead (PASSIVE: it never blocks the writer or readers), and the
// writer keeps the work of its own commits only; on a two-core machine the copy runs beside it.
// The writer's own autocheckpoint stays on at a higher mark as a backstop: if the thread cannot
// keep up or has died, the WAL is still bounded (sqlite.org/wal.html#ckpt).
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/** SQLite's own autocheckpoint mark (pages of 4 KB): the writer's fallback. */
export const DEFAULT_WAL_PAGES = 1000;
/** The writer's autocheckpoint while the thread runs: ten times the default (~40 MB). */
export const BACKSTOP_WAL_PAGES = 10 * DEFAULT_WAL_PAGES;
/**
 * How often the thread checkpoints when the WAL has changed (milliseconds). A batch writer
 * commits ~1,000 articles a second, ~3 MB of pages: a fifth of a second of them is about
 * SQLite's own mark, so pages rewritten by successive commits are still copied once.
 */
export const CHECKPOINT_EVERY_MS = 200;

// Plain CommonJS evaluated in the thread, so it runs the same under tsx and from dist/. The
// WAL's modification time says whether anything was committed since the last checkpoint, so
// an idle store costs one stat call per period.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyMs);
const walTime = () => { try { return statSync(workerData.file + '-wal').mtimeMs; } catch { return 0; } };
let done = 0;
const timer = setInterval(() => {
  const changed = walTime();
  if (changed === done) return;
  done = changed;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { done = 0; /* busy: the next period retries */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

export interface Checkpointer {
  stop(): void;
}

/**
 * Starts checkpointing `file` on a thread and raises `writer`'s own mark to the backstop.
 * The thread never keeps the process alive; `stop` closes its connection and ends it.
 */
export function startCheckpointer(
  file: string,
  writer: BetterSqlite3.Database,
  busyMs: number,
): Checkpointer {
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver: fileURLToPath(import.meta.resolve('better-sqlite3')),
      busyMs,
      everyMs: CHECKPOINT_EVERY_MS,
    },
  });
  worker.unref();
  writer.pragma(`wal_autocheckpoint = ${BACKSTOP_WAL_PAGES}`);
  // A thread that fails (the file vanished, the addon would not load) must not take the
  // process down: the writer falls back to checkpointing its own commits.
  worker.on('error', () => {
    if (writer.open) writer.pragma(`wal_autocheckpoint = ${DEFAULT_WAL_PAGES}`);
  });
  return {
    stop: () => {
      worker.postMessage('stop');
    },
  };
}
