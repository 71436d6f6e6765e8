// Word-level diff of two aligned paragraphs: longest common subsequence over comparison keys
// (common prefix and suffix trimmed first, so the table covers only the edited middle), then
// runs of deleted and inserted words become one op, named by diff-classify.ts.
import { classifyEdit, classifyRestyle } from './diff-classify.js';
import type { Token } from './diff-tokens.js';
import { joinRaw } from './diff-tokens.js';
import type { WordOp } from './diff-types.js';

/** Above this many LCS cells (words x words) the middle is reported as one replacement. */
const MAX_LCS_CELLS = 4_000_000;

type Step =
  { type: 'eq'; i: number; j: number } | { type: 'del'; i: number } | { type: 'ins'; j: number };

export function diffWords(before: readonly Token[], after: readonly Token[]): WordOp[] {
  return toOps(steps(before, after), before, after);
}

function steps(before: readonly Token[], after: readonly Token[]): Step[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start]!.key === after[start]!.key)
    start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1]!.key === after[endA - 1]!.key) {
    endB--;
    endA--;
  }
  const out: Step[] = [];
  for (let k = 0; k < start; k++) out.push({ type: 'eq', i: k, j: k });
  out.push(...middle(before, after, start, endB, endA));
  for (let k = 0; k < before.length - endB; k++) out.push({ type: 'eq', i: endB + k, j: endA + k });
  return out;
}

function middle(
  before: readonly Token[],
  after: readonly Token[],
  start: number,
  endB: number,
  endA: number,
): Step[] {
  const n = endB - start;
  const m = endA - start;
  const out: Step[] = [];
  if ((n + 1) * (m + 1) > MAX_LCS_CELLS) {
    for (let i = 0; i < n; i++) out.push({ type: 'del', i: start + i });
    for (let j = 0; j < m; j++) out.push({ type: 'ins', j: start + j });
    return out;
  }
  // table[i][j] = LCS length of before[start+i..] and after[start+j..].
  const width = m + 1;
  const table = new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        before[start + i]!.key === after[start + j]!.key
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[start + i]!.key === after[start + j]!.key) {
      out.push({ type: 'eq', i: start + i++, j: start + j++ });
    } else if (j >= m || (i < n && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      out.push({ type: 'del', i: start + i++ });
    } else {
      out.push({ type: 'ins', j: start + j++ });
    }
  }
  return out;
}

function toOps(path: readonly Step[], before: readonly Token[], after: readonly Token[]): WordOp[] {
  const ops: WordOp[] = [];
  let k = 0;
  while (k < path.length) {
    const step = path[k]!;
    if (step.type === 'eq') {
      const same = before[step.i]!.raw === after[step.j]!.raw;
      const run: Step[] = [];
      while (
        k < path.length &&
        path[k]!.type === 'eq' &&
        isSameRaw(path[k]!, before, after) === same
      )
        run.push(path[k++]!);
      const b = run.map((s) => before[(s as { i: number }).i]!);
      const a = run.map((s) => after[(s as { j: number }).j]!);
      if (same) ops.push({ op: 'equal', before: joinRaw(b), after: joinRaw(a), kind: null });
      else ops.push(...restyleOps(b, a));
      continue;
    }
    const b: Token[] = [];
    const a: Token[] = [];
    while (k < path.length && path[k]!.type !== 'eq') {
      const s = path[k++]!;
      if (s.type === 'del') b.push(before[s.i]!);
      else if (s.type === 'ins') a.push(after[s.j]!);
    }
    const op = b.length === 0 ? 'insert' : a.length === 0 ? 'delete' : 'replace';
    ops.push({ op, before: joinRaw(b), after: joinRaw(a), kind: classifyEdit(b, a) });
  }
  return ops;
}

function isSameRaw(step: Step, before: readonly Token[], after: readonly Token[]): boolean {
  return step.type === 'eq' && before[step.i]!.raw === after[step.j]!.raw;
}

/** Equal-key words with different raw text, split into runs of one kind. */
function restyleOps(before: readonly Token[], after: readonly Token[]): WordOp[] {
  const ops: WordOp[] = [];
  for (let x = 0; x < before.length; x++) {
    const kind = classifyRestyle([before[x]!], [after[x]!]);
    const last = ops[ops.length - 1];
    if (last !== undefined && last.kind === kind) {
      last.before += ` ${before[x]!.raw}`;
      last.after += ` ${after[x]!.raw}`;
    } else {
      ops.push({ op: 'replace', before: before[x]!.raw, after: after[x]!.raw, kind });
    }
  }
  return ops;
}
