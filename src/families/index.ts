// Public door of the families stage: copy detection, the likely original, the edit view.
export {
  DEFAULT_FAMILY_OPTIONS,
  FamilyIndex,
  INDEX_BINS,
  MAX_BUCKET_SCAN,
  MAX_ANCHOR_HOLDERS,
  MAX_ANCHOR_LOOKUPS,
} from './family-index.js';
export { BAND_ROWS, BANDS, PARAGRAPH_ANCHORS } from './index-keys.js';
export type {
  FamilyMember,
  CopyMatch,
  FamilyAssignment,
  FamilyIndexOptions,
} from './family-index.js';
export { COPY_WINDOW_MS, MAX_CLOCK_LEAD_MS } from './copy-window.js';
export { chooseOriginal, compareOriginals } from './original.js';
export type { OriginalCandidate } from './original.js';
export {
  judgeCopy,
  COPY_JACCARD_MIN,
  COPY_CONTAINMENT_MIN,
  CONTAINMENT_MIN_SHINGLES,
} from './copy-match.js';
export type { CopyEvidence } from './copy-match.js';
export { diffCopy } from './diff.js';
export type { DiffText } from './diff.js';
export { EDIT_KINDS } from './diff-types.js';
export type { CopyDiff, EditKind, ParagraphPair, WordOp } from './diff-types.js';
