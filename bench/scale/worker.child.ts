// A `storyline worker` process for the bench: works until SIGTERM, then prints its peak memory.
import { openStore } from '../../src/store/index.js';
import { openJobQueue, startWorker } from '../../src/worker/index.js';

const [url, schema] = process.argv.slice(2);
const store = await openStore(url!);
const queue = await openJobQueue(url!, { schema: schema! });
const worker = await startWorker(store, queue, { maxPageBytes: 1 << 24, log: () => {} });
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 500);
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  clearInterval(sample);
  await worker.stop();
  await queue.close();
  await store.close();
  const cpu = process.cpuUsage();
  process.stdout.write(
    JSON.stringify({
      peakRssMb: Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20,
      cpuS: (cpu.user + cpu.system) / 1e6,
    }) + '\n',
  );
  process.exit(0);
});
