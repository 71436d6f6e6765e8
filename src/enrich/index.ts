// Public door of the enrich stage: topics (people, organisations, places, themes).
export { findTopics, TAGGED_TEXT_CHARS } from './topics.js';
export { slugify } from './slug.js';
