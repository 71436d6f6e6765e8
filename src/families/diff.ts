// The edit view of a copy against its original: paragraphs aligned (diff-align.ts), words
// diffed inside each pair (diff-words.ts), every edit named (diff-classify.ts). Pure: text in,
// plain JSON out.
import { alignParagraphs } from './diff-align.js';
import type { Alignment } from './diff-align.js';
import { tokenize } from './diff-tokens.js';
import type { Token } from './diff-tokens.js';
import { EDIT_KINDS } from './diff-types.js';
import type { CopyDiff, EditKind, ParagraphPair, WordOp } from './diff-types.js';
import { diffWords } from './diff-words.js';
import { uniqueSentences } from './diff-sentences.js';

export interface DiffText {
  title: string | null;
  paragraphs: readonly string[];
}

/** Title edits that are not mere style make the headline a rewrite. */
const STYLE_KINDS: ReadonlySet<EditKind> = new Set([
  'house-style',
  'typography',
  'spelling',
  'honorific',
]);

export function diffCopy(original: DiffText, copy: DiffText): CopyDiff {
  const origTokens = original.paragraphs.map(tokenize);
  const copyTokens = copy.paragraphs.map(tokenize);
  const counts = Object.fromEntries(EDIT_KINDS.map((k) => [k, 0])) as Record<EditKind, number>;
  const title = diffTitle(original.title ?? '', copy.title ?? '', counts);
  const paragraphs = buildPairs(alignParagraphs(origTokens, copyTokens), origTokens, copyTokens);
  for (const p of paragraphs) {
    if (p.status === 'added') counts['added-paragraph']++;
    if (p.status === 'cut') counts['cut-paragraph']++;
    if (p.reordered) counts['reordered-paragraph']++;
    for (const op of p.ops)
      if (op.kind !== null && p.status !== 'added' && p.status !== 'cut') counts[op.kind]++;
  }
  const copyWords = copyTokens.reduce((n, t) => n + t.length, 0);
  return {
    title,
    paragraphs,
    counts,
    editedPercent:
      copyWords === 0 ? 0 : round1((100 * (copyWords - equalCopyWords(paragraphs))) / copyWords),
    copyWords,
    uniqueSentences: uniqueSentences(original.paragraphs, copy.paragraphs),
  };
}

function diffTitle(
  before: string,
  after: string,
  counts: Record<EditKind, number>,
): CopyDiff['title'] {
  const ops = diffWords(tokenize(before), tokenize(after));
  const rewritten = ops.some((op) => op.kind !== null && !STYLE_KINDS.has(op.kind));
  if (rewritten) counts['headline-rewrite']++;
  else for (const op of ops) if (op.kind !== null) counts[op.kind]++;
  return { ops, rewritten };
}

/** Pairs in the copy's order; a cut paragraph goes before the copy of its next original. */
function buildPairs(
  alignment: Alignment,
  orig: readonly Token[][],
  copy: readonly Token[][],
): ParagraphPair[] {
  const out: ParagraphPair[] = [];
  const cut = [...alignment.cut];
  const emitCutBefore = (limit: number) => {
    while (cut.length > 0 && cut[0]! < limit) {
      const i = cut.shift()!;
      out.push(whole(i, null, 'cut', orig[i]!));
    }
  };
  const pairByCopy = new Map(alignment.pairs.map((p) => [p.copy, p]));
  for (let j = 0; j < copy.length; j++) {
    const pair = pairByCopy.get(j);
    if (pair === undefined) {
      out.push(whole(null, j, 'added', copy[j]!));
      continue;
    }
    if (!pair.reordered) emitCutBefore(pair.original);
    const ops = diffWords(orig[pair.original]!, copy[j]!);
    const equal = ops.every((op) => op.op === 'equal');
    out.push({
      original: pair.original,
      copy: j,
      status: equal ? 'equal' : 'edited',
      reordered: pair.reordered,
      similarity: round3(pair.similarity),
      ops,
    });
  }
  emitCutBefore(Number.POSITIVE_INFINITY);
  return out;
}

function whole(
  original: number | null,
  copy: number | null,
  status: 'added' | 'cut',
  tokens: readonly Token[],
): ParagraphPair {
  const text = tokens.map((t) => t.raw).join(' ');
  const op: WordOp =
    status === 'added'
      ? { op: 'insert', before: '', after: text, kind: 'added-paragraph' }
      : { op: 'delete', before: text, after: '', kind: 'cut-paragraph' };
  return { original, copy, status, reordered: false, similarity: 0, ops: [op] };
}

function equalCopyWords(pairs: readonly ParagraphPair[]): number {
  let n = 0;
  for (const p of pairs) {
    for (const op of p.ops)
      if (op.op === 'equal') n += op.after.split(' ').filter((w) => w !== '').length;
  }
  return n;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
