// A `storyline worker` process for the kill test: opens the store and the queue named on the
// command line and works until killed.
import { openStore } from '../../src/store/index.js';
import { openJobQueue, startWorker } from '../../src/worker/index.js';

const [url, schema] = process.argv.slice(2);
const store = await openStore(url!);
const queue = await openJobQueue(url!, {
  schema: schema!,
  timing: { expireSeconds: 3, maintenanceSeconds: 1 },
});
await startWorker(store, queue, {
  maxPageBytes: 10 * 1024 * 1024,
  log: (l) => process.stdout.write(l + '\n'),
});
process.stdout.write('ready\n');
