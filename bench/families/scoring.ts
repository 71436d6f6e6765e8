// Pairwise precision and recall of a clustering against gold labels, counted from cluster
// intersections (never by listing pairs): TP = sum over (gold, predicted) cells of C(n, 2).

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  goldPairs: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export function pairwiseScores(items: readonly { gold: string; predicted: string }[]): PairScores {
  const cells = new Map<string, number>();
  const gold = new Map<string, number>();
  const predicted = new Map<string, number>();
  for (const { gold: g, predicted: p } of items) {
    cells.set(`${g}\u0000${p}`, (cells.get(`${g}\u0000${p}`) ?? 0) + 1);
    gold.set(g, (gold.get(g) ?? 0) + 1);
    predicted.set(p, (predicted.get(p) ?? 0) + 1);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
  const truePairs = sum(cells);
  const predictedPairs = sum(predicted);
  const goldPairs = sum(gold);
  const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const recall = goldPairs === 0 ? 1 : truePairs / goldPairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, goldPairs };
}
