// Public door of the enrich stage: topics (people, organisations, places, themes).
export { findTopics, TAGGED_TEXT_CHARS } from './topics.js';
export { slugify } from './slug.js';
export { summarise, SUMMARY_MIN, SUMMARY_MAX } from './summary.js';
export type { SummaryInput, SummarySentence } from './summary.js';
