// Public door of polling: scheduling sources, fetching them through the fetch queue into the
// pipeline, adaptive intervals and source health. The shell that joins fetch, feeds, the store
// and the pipeline for live input, as cli/ingest.ts does for files.
export { DEFAULT_POLL_CONFIG, pollContext, type PollConfig, type PollContext } from './context.js';
export { BackgroundPoller, drainQueue, runPass, type PassSummary } from './poller.js';
export { pollSource, type SourcePoll } from './poll-source.js';
export { addSourceByUrl, checkedUrl, type AddedSource } from './add-source.js';
export {
  nextSchedule,
  isDue,
  DEFAULT_SCHEDULE,
  type ScheduleLimits,
  type PollResult,
} from './schedule.js';
