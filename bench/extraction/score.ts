// The ScrapingHub article-extraction scoring rule, as described in
// ../shared/bench/extraction/README.md: word tokens, 4-token shingles as a multiset, per-page
// precision and recall, macro-averaged (precision over non-empty predictions only), F1 of the
// averages, and accuracy as exact token-list equality.

/** Python's `\w+` on Unicode text, minus combining marks (see the README). */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function shingles(toks: string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (toks.length === 0) return out;
  const add = (k: string): void => void out.set(k, (out.get(k) ?? 0) + 1);
  if (toks.length < SHINGLE_SIZE) add(toks.join('\u0001'));
  else
    for (let i = 0; i + SHINGLE_SIZE <= toks.length; i++)
      add(toks.slice(i, i + SHINGLE_SIZE).join('\u0001'));
  return out;
}

export interface PageScore {
  precision: number;
  recall: number;
  /** Whether the prediction had any shingle (precision is averaged over these pages only). */
  predicted: boolean;
  exact: boolean;
}

export function scorePage(truth: string, pred: string): PageScore {
  const tt = tokens(truth);
  const pt = tokens(pred);
  const t = shingles(tt);
  const p = shingles(pt);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, cp] of p) {
    const ct = t.get(k) ?? 0;
    tp += Math.min(ct, cp);
    fp += Math.max(0, cp - ct);
  }
  for (const [k, ct] of t) fn += Math.max(0, ct - (p.get(k) ?? 0));
  const both = fp === 0 && fn === 0;
  return {
    precision: both ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: both ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn),
    predicted: tp + fp > 0,
    exact: tt.length === pt.length && tt.every((x, i) => x === pt[i]),
  };
}

export interface Totals {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  pages: number;
}

export function aggregate(scores: PageScore[]): Totals {
  const predicted = scores.filter((s) => s.predicted);
  const precision = mean(predicted.map((s) => s.precision));
  const recall = mean(scores.map((s) => s.recall));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    f1,
    precision,
    recall,
    accuracy: mean(scores.map((s) => (s.exact ? 1 : 0))),
    pages: scores.length,
  };
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
