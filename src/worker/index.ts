// Public door of the worker: the job queue (pg-boss on the store's PostgreSQL), the worker loop
// and the grouping lane. Decision 8 says why pg-boss; docs/scaling.md how to run many workers.
export { openJobQueue, DEFAULT_TIMING, type JobQueue, type QueueTiming } from './job-queue.js';
export { startWorker, sha256, type RunningWorker, type WorkerOptions } from './worker.js';
export { GroupingLane, LANE_LOCK_KEY } from './grouping-lane.js';
export { queueCounts } from './page-queue.js';
