// Public door of the stories stage: online clustering of articles into news events.
import type { Topic } from '../types.js';

export interface StoryDoc {
  id: string;
  title: string | null;
  text: string;
  published: string | null;
  /** Copies of one text always share a story: the family's story wins when known. */
  familyId: string;
  topics: readonly Topic[];
  /** Families this article's family absorbed (copy-family merges): their stories join too. */
  absorbedFamilies?: readonly string[];
}

export interface StoryAssignment {
  storyId: string;
  isNew: boolean;
  /** Similarity to the chosen story (0 for a new story). */
  score: number;
  /** Stories absorbed into `storyId` by this assignment (family merges can join stories). */
  mergedStories: string[];
}

/** In-memory online clusterer: candidate stories via an inverted index inside a time window. */
export {
  StoryIndex,
  DEFAULT_STORY_OPTIONS,
  STORY_JOIN_SIMILARITY,
  STORY_MERGE_SIMILARITY,
  MEMBER_LINK_WEIGHT,
  STORY_IDLE_MS,
} from './story-index.js';
export type { StoryIndexOptions, StoryCorrection, CorrectionOutcome } from './story-index.js';
export type { FeatureWeights } from './features.js';
export type { RelatedStory, RelatedReasons } from './related.js';
