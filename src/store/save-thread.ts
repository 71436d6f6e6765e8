// Saves on a thread of their own. A batch writer (`storyline ingest`, the scale bench's lane)
// spends about two thirds of its time in store.savePages and one third grouping (bench/scale
// lane at 10k articles, 2026-12-07: 7.7 s of 11.9 s). Grouping needs the in-memory indexes
// and saving needs only the rows grouping produced, so with saves on a second connection in a
// worker thread the next batch is grouped while the last one is written, on the other core.
//
// Saves are applied in the order they were asked for. When one fails, every save asked for
// before the failure was known is refused with STORE_SUPERSEDED without touching the store:
// it was grouped on top of the failed one, so the caller groups it again (Pipeline.placeBatch).
import { Worker } from 'node:worker_threads';
import { StorylineError, type ErrorCode } from '../errors.js';
import type { PageToSave, SaveResult, Store } from './index.js';

/** What the thread says back. */
export type ThreadReply =
  | { type: 'ready' }
  | { type: 'open-failed'; message: string }
  | { type: 'saved'; id: number; results: SaveResult[] }
  | { type: 'failed'; id: number; code: ErrorCode; message: string };

/** What the thread is asked. */
export type ThreadRequest =
  | { type: 'save'; id: number; inputs: readonly PageToSave[] }
  | { type: 'resume' }
  | { type: 'close' };

interface Waiting {
  resolve: (results: SaveResult[]) => void;
  reject: (error: Error) => void;
}

export class SaveThread {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  /** Set when the thread is gone: every later save fails with it at once. */
  private stopped: Error | null = null;
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ThreadReply) => this.receive(reply));
    worker.on('error', (error) => this.stop(error));
    worker.on('exit', (code) => this.stop(new Error(`the save thread exited (code ${code})`)));
  }

  /** Starts a thread that opens its own connection to `databaseUrl` (migrated already). */
  static async start(databaseUrl: string): Promise<SaveThread> {
    const worker = new Worker(BOOTSTRAP, threadOptions(databaseUrl));
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) =>
        reject(
          new StorylineError(
            'STORE_FAILED',
            `store: unable to start the save thread: ${error.message}`,
          ),
        );
      worker.once('message', (reply: ThreadReply) => {
        worker.off('error', fail);
        if (reply.type === 'ready') resolve();
        else fail(new Error(reply.type === 'open-failed' ? reply.message : reply.type));
      });
      worker.once('error', fail);
    });
    return new SaveThread(worker);
  }

  save(inputs: readonly PageToSave[]): Promise<SaveResult[]> {
    if (this.stopped !== null) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ type: 'save', id, inputs });
    });
  }

  /** Waits for every save asked for, then closes the thread's connection and ends it. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.stopped !== null) return resolve();
      this.worker.once('exit', () => resolve());
      this.post({ type: 'close' });
    });
    return this.closing;
  }

  private post(request: ThreadRequest): void {
    this.worker.postMessage(request);
  }

  private receive(reply: ThreadReply): void {
    if (reply.type !== 'saved' && reply.type !== 'failed') return;
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (reply.type === 'saved') return waiting?.resolve(reply.results);
    // Resume at once: saves posted from now on were asked for knowing of this failure.
    if (reply.code !== 'STORE_SUPERSEDED') this.post({ type: 'resume' });
    waiting?.reject(new StorylineError(reply.code, reply.message));
  }

  private stop(error: Error): void {
    if (this.stopped !== null) return;
    this.stopped = new StorylineError('STORE_FAILED', `store: ${error.message}`, { cause: error });
    for (const { reject } of this.waiting.values()) reject(this.stopped);
    this.waiting.clear();
  }
}

/**
 * The store with its saves on a thread: savePage and savePages go through it, everything else
 * stays on `store`'s own connection, and close waits for the saves before closing both.
 */
export function withSaveThread(store: Store, thread: SaveThread): Store {
  return {
    ...store,
    savePage: async (input) => (await thread.save([input]))[0]!,
    savePages: (inputs) => (inputs.length === 0 ? Promise.resolve([]) : thread.save(inputs)),
    close: async () => {
      await thread.close();
      await store.close();
    },
  };
}

/**
 * The thread runs the built file next to this one, or the TypeScript source when this module
 * is itself running from source (tests, the benches, bin/storyline.js without dist/). A thread
 * does not inherit tsx's loader (github.com/privatenumber/tsx/issues/354), so a small CommonJS
 * bootstrap registers it in the thread first, through tsx's API.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();
`;

function threadOptions(databaseUrl: string): { eval: true; workerData: object } {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(
    source ? './save-thread.worker.ts' : './save-thread.worker.js',
    import.meta.url,
  );
  const tsx = source ? import.meta.resolve('tsx/esm/api') : null;
  return { eval: true, workerData: { databaseUrl, entry: entry.href, tsx } };
}
