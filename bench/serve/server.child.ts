// The reader served from its own process for the load test (the load generator must not share
// the server's event loop). Reports, on request over IPC, Fastify's own per-request time
// (reply.elapsedTime: from the request being read to the reply being sent) per route.
import { openStore } from '../../src/store/index.js';
import { buildApp, startServer } from '../../src/serve/index.js';
import { diffCopy } from '../../src/families/index.js';
import { summarise } from '../../src/enrich/index.js';
import { BENCH_NOW } from './generate.js';

const path = process.argv[2];
const pageCacheMs = Number(process.argv[3] ?? 0);
if (!path) throw new Error('usage: server.child.ts DB_PATH [PAGE_CACHE_MS]');
const store = await openStore(`sqlite:${path}`);
const app = buildApp({
  store,
  diff: diffCopy,
  summarise,
  config: { now: () => BENCH_NOW, logError: () => undefined, pageCacheMs },
});
let times: number[] = [];
app.addHook('onResponse', async (_request, reply) => {
  times.push(reply.elapsedTime);
});
const address = await startServer(app, { host: '127.0.0.1', port: 0 });
process.on('message', (message: unknown) => {
  if (message === 'times') {
    process.send?.({ times, cpu: process.cpuUsage() });
    times = [];
  } else if (message === 'stop') {
    void app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  }
});
process.send?.({ address });
