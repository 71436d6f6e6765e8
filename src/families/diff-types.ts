// The edit view between a family's original and one copy, as plain JSON: the API serves it as
// is and the web page renders the aligned paragraphs side by side.

export const EDIT_KINDS = [
  'house-style',
  'honorific',
  'date-rewrite',
  'spelling',
  'typography',
  'headline-rewrite',
  'added-paragraph',
  'cut-paragraph',
  'reordered-paragraph',
  'changed-number',
  'changed-quote',
  'credit-line',
  'other',
] as const;

export type EditKind = (typeof EDIT_KINDS)[number];

/** One run of words: `before` is the original's text, `after` the copy's ('' when absent). */
export interface WordOp {
  op: 'equal' | 'insert' | 'delete' | 'replace';
  before: string;
  after: string;
  /** What the edit is; null for 'equal'. */
  kind: EditKind | null;
}

export interface ParagraphPair {
  /** Index in the original's paragraphs, null for a paragraph the copy added. */
  original: number | null;
  /** Index in the copy's paragraphs, null for a paragraph the copy cut. */
  copy: number | null;
  status: 'equal' | 'edited' | 'added' | 'cut';
  /** True when the copy moved this paragraph out of the original's order. */
  reordered: boolean;
  /** Word-set similarity of the pair (1 for identical words, 0 for added or cut). */
  similarity: number;
  ops: WordOp[];
}

export interface CopyDiff {
  title: { ops: WordOp[]; rewritten: boolean };
  /** In the copy's reading order, cut paragraphs placed where the original had them. */
  paragraphs: ParagraphPair[];
  /** Number of edits of each kind (runs of words, or whole paragraphs). */
  counts: Record<EditKind, number>;
  /** Share of the copy's body words not equal to the original, in percent (0-100). */
  editedPercent: number;
  copyWords: number;
  /** Sentences of the copy body that the original does not carry. */
  uniqueSentences: string[];
}
