// Paragraph alignment between an original and a copy. First the best in-order alignment (a
// weighted longest common subsequence over paragraph similarities, so a duplicated paragraph
// pairs with the occurrence that keeps the order), then the leftovers are paired out of order:
// those are paragraphs the copy moved.
import type { Token } from './diff-tokens.js';

/**
 * Two paragraphs are one edited paragraph when the Dice overlap of their word keys reaches
 * this. House-style and date edits leave ~0.8-0.95; unrelated paragraphs of one story share
 * function words and names for ~0.2-0.35. Set on our fixtures and the seed pair.
 */
export const PARAGRAPH_MATCH_MIN = 0.5;

export interface Alignment {
  /** Pairs of paragraph indexes, in copy order. */
  pairs: { original: number; copy: number; similarity: number; reordered: boolean }[];
  cut: number[];
  added: number[];
}

export function alignParagraphs(original: readonly Token[][], copy: readonly Token[][]): Alignment {
  const sim = original.map((o) => copy.map((c) => dice(o, c)));
  const inOrder = weightedLcs(sim, original.length, copy.length);
  const usedO = new Set(inOrder.map((p) => p.original));
  const usedC = new Set(inOrder.map((p) => p.copy));
  const moved = greedyLeftovers(sim, usedO, usedC);
  const pairs = [
    ...inOrder.map((p) => ({ ...p, reordered: false })),
    ...moved.map((p) => ({ ...p, reordered: true })),
  ].sort((a, b) => a.copy - b.copy);
  return {
    pairs,
    cut: original.map((_, i) => i).filter((i) => !usedO.has(i)),
    added: copy.map((_, j) => j).filter((j) => !usedC.has(j)),
  };
}

export function dice(a: readonly Token[], b: readonly Token[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
  let shared = 0;
  for (const t of b) {
    const c = counts.get(t.key) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(t.key, c - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

type Pair = { original: number; copy: number; similarity: number };

function weightedLcs(sim: readonly number[][], n: number, m: number): Pair[] {
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const score = (i: number, j: number) => {
    const s = sim[i]![j]!;
    return s >= PARAGRAPH_MATCH_MIN ? s : -1;
  };
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      const take = s > 0 ? best[(i + 1) * width + j + 1]! + s : -1;
      best[i * width + j] = Math.max(take, best[(i + 1) * width + j]!, best[i * width + j + 1]!);
    }
  }
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = score(i, j);
    if (s > 0 && best[i * width + j] === best[(i + 1) * width + j + 1]! + s) {
      pairs.push({ original: i, copy: j, similarity: s });
      i++;
      j++;
    } else if (best[(i + 1) * width + j]! >= best[i * width + j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

function greedyLeftovers(sim: readonly number[][], usedO: Set<number>, usedC: Set<number>): Pair[] {
  const candidates: Pair[] = [];
  sim.forEach((row, i) => {
    if (usedO.has(i)) return;
    row.forEach((s, j) => {
      if (!usedC.has(j) && s >= PARAGRAPH_MATCH_MIN)
        candidates.push({ original: i, copy: j, similarity: s });
    });
  });
  candidates.sort((a, b) => b.similarity - a.similarity);
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedO.has(c.original) || usedC.has(c.copy)) continue;
    usedO.add(c.original);
    usedC.add(c.copy);
    pairs.push(c);
  }
  return pairs;
}
