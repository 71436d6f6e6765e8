// The save thread (see save-thread.ts): its own connection to the store, saving batches one
// after another in the order they were posted. After a failure it refuses every save until the
// main thread says it has heard of the failure ('resume'), so nothing grouped on top of the
// failed batch is ever written.
import { parentPort, workerData } from 'node:worker_threads';
import { describeError, isStorylineError } from '../errors.js';
import { openStore, type Store } from './index.js';
import type { ThreadReply, ThreadRequest } from './save-thread.js';

const port = parentPort!;
const reply = (message: ThreadReply) => port.postMessage(message);

let store: Store;
try {
  store = await openStore((workerData as { databaseUrl: string }).databaseUrl);
  reply({ type: 'ready' });
} catch (error) {
  reply({ type: 'open-failed', message: describeError(error) });
  process.exit(1);
}

let refusing = false;
let queue = Promise.resolve();
port.on('message', (request: ThreadRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: ThreadRequest): Promise<void> {
  if (request.type === 'resume') {
    refusing = false;
    return;
  }
  if (request.type === 'close') {
    // The main thread waits for this thread's exit, which follows once the port is closed.
    await store.close();
    port.close();
    return;
  }
  const { id, inputs } = request;
  if (refusing) {
    const message = 'store: save refused: an earlier save of this writer failed';
    return reply({ type: 'failed', id, code: 'STORE_SUPERSEDED', message });
  }
  try {
    reply({ type: 'saved', id, results: await store.savePages(inputs) });
  } catch (error) {
    refusing = true;
    const code = isStorylineError(error) ? error.code : 'STORE_FAILED';
    reply({ type: 'failed', id, code, message: describeError(error) });
  }
}
