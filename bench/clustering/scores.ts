// Clustering scores: B-cubed (Bagga & Baldwin 1998) and pairwise precision/recall/F1.

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** Maps of item -> predicted cluster and item -> gold cluster, over the same items. */
export type Labels = ReadonlyMap<string, string>;

function f1(precision: number, recall: number): Scores {
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

function clusterSizes(labels: Labels): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const c of labels.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  return sizes;
}

function jointSizes(predicted: Labels, gold: Labels): Map<string, number> {
  const joint = new Map<string, number>();
  for (const [item, p] of predicted) {
    const key = `${p}\u0000${gold.get(item)}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  return joint;
}

export function bcubed(predicted: Labels, gold: Labels): Scores {
  const pSizes = clusterSizes(predicted);
  const gSizes = clusterSizes(gold);
  const joint = jointSizes(predicted, gold);
  let p = 0;
  let r = 0;
  for (const [item, pc] of predicted) {
    const gc = gold.get(item)!;
    const overlap = joint.get(`${pc}\u0000${gc}`)!;
    p += overlap / pSizes.get(pc)!;
    r += overlap / gSizes.get(gc)!;
  }
  return f1(p / predicted.size, r / predicted.size);
}

export function pairwise(predicted: Labels, gold: Labels): Scores {
  const pairs = (sizes: Iterable<number>) =>
    [...sizes].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  const truePairs = pairs(jointSizes(predicted, gold).values());
  const predictedPairs = pairs(clusterSizes(predicted).values());
  const goldPairs = pairs(clusterSizes(gold).values());
  return f1(
    predictedPairs === 0 ? 1 : truePairs / predictedPairs,
    goldPairs === 0 ? 1 : truePairs / goldPairs,
  );
}

/** Restricts labels to the given items (to score one split of a jointly clustered stream). */
export function restrict(labels: Labels, items: ReadonlySet<string>): Map<string, string> {
  return new Map([...labels].filter(([item]) => items.has(item)));
}
