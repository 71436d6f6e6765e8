// Copy-detection quality on the synthetic ECB+ copy set (generate.ts): FamilyIndex over the
// items in a shuffled order, pairwise precision / recall / F1 against the gold families, per
// split: topics 1-20 are the tuning split, 21-35 are held out (never tuned on). Also: how often
// the family's chosen original is the real original, and recall per edit of copy-original pairs.
// Run: node --import tsx bench/families/eval.ts [sharedDir]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FamilyIndex } from '../../src/families/index.js';
import { fingerprint } from '../../src/fingerprint/index.js';
import { formatTable } from '../report.js';
import type { Report } from '../report.js';
import { seeded } from './edits.js';
import { generate, loadRows } from './generate.js';
import type { Item } from './generate.js';
import { pairwiseScores } from './scoring.js';
import type { PairScores } from './scoring.js';

const SHUFFLE_SEED = 7;
const TUNE_MAX_TOPIC = 20;

interface Baseline {
  corpusSha256: string;
  floors: Record<string, { precision: number; recall: number }>;
}

interface SplitResult {
  scores: PairScores;
  originalAccuracy: number;
  copyRecallByEdit: Record<string, number>;
  items: number;
}

export function evaluate(items: readonly Item[]): SplitResult {
  const order = shuffle(items, SHUFFLE_SEED);
  const index = new FamilyIndex();
  const family = new Map<string, string>();
  const originals = new Map<string, string>();
  const merged = new Map<string, string>();
  const resolve = (f: string): string => {
    let x = f;
    while (merged.has(x)) x = merged.get(x)!;
    return x;
  };
  for (const item of order) {
    const result = index.assign({
      id: item.id,
      fingerprint: fingerprint(item),
      credit: item.credit,
      published: item.published,
      wordCount: item.wordCount,
    });
    for (const m of result.mergedFamilies) merged.set(m, result.familyId);
    family.set(item.id, result.familyId);
    originals.set(result.familyId, result.originalId);
  }
  const predicted = new Map(items.map((i) => [i.id, resolve(family.get(i.id)!)]));
  const scores = pairwiseScores(
    items.map((i) => ({ gold: i.gold, predicted: predicted.get(i.id)! })),
  );
  return {
    scores,
    originalAccuracy: originalAccuracy(items, predicted, originals),
    copyRecallByEdit: recallByEdit(items, predicted),
    items: items.length,
  };
}

/** Among predicted families holding a copy and its real original: share naming that original. */
function originalAccuracy(
  items: readonly Item[],
  predicted: Map<string, string>,
  originals: Map<string, string>,
): number {
  const byId = new Map(items.map((i) => [i.id, i]));
  let right = 0;
  let total = 0;
  for (const f of new Set(
    items.filter((i) => i.copyOf !== null).map((i) => predicted.get(i.id)!),
  )) {
    const chosen = byId.get(originals.get(f) ?? '');
    const members = items.filter((i) => predicted.get(i.id) === f);
    const source =
      members.find((m) => m.copyOf !== null && predicted.get(m.copyOf) === f)?.copyOf ?? undefined;
    if (source === undefined || chosen === undefined) continue;
    total++;
    // Right when it names the real article copied, or a real article it syndicates with.
    if (chosen.copyOf === null && chosen.gold === byId.get(source)!.gold) right++;
  }
  return total === 0 ? 1 : right / total;
}

function recallByEdit(
  items: readonly Item[],
  predicted: Map<string, string>,
): Record<string, number> {
  const found: Record<string, [number, number]> = {};
  for (const copy of items) {
    if (copy.copyOf === null) continue;
    const hit = predicted.get(copy.id) === predicted.get(copy.copyOf) ? 1 : 0;
    for (const e of copy.edits) {
      const f = (found[e] ??= [0, 0]);
      f[0] += hit;
      f[1] += 1;
    }
  }
  return Object.fromEntries(Object.entries(found).map(([e, [h, n]]) => [e, h / n]));
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rnd = seeded(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function run(sharedDir: string): Promise<Report> {
  const { rows, raw } = loadRows(sharedDir);
  const digest = createHash('sha256').update(raw).digest('hex');
  const items = generate(rows);
  const splits: Record<string, Item[]> = {
    'tune (topics 1-20)': items.filter((i) => i.topic <= TUNE_MAX_TOPIC),
    'held-out (topics 21-35)': items.filter((i) => i.topic > TUNE_MAX_TOPIC),
    all: items,
  };
  const results = Object.fromEntries(
    Object.entries(splits).map(([name, split]) => [name, evaluate(split)]),
  );
  const baseline = JSON.parse(
    readFileSync(new URL('./baseline.json', import.meta.url), 'utf8'),
  ) as Baseline;
  const failures = checkFloors(baseline, digest, results);
  const rowsOut = Object.entries(results).map(([name, r]) => [
    name,
    r.items,
    r.scores.precision,
    r.scores.recall,
    r.scores.f1,
    r.scores.goldPairs,
    r.originalAccuracy,
  ]);
  const byEdit = Object.entries(results.all!.copyRecallByEdit)
    .map(([e, r]) => `${e} ${r.toFixed(3)}`)
    .join(', ');
  const table = [
    formatTable(['split', 'items', 'P', 'R', 'F1', 'gold pairs', 'original ok'], rowsOut),
    `copy recall by edit (all): ${byEdit}`,
    ...failures.map((f) => `FLOOR NOT MET: ${f}`),
  ].join('\n');
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      { ...r.scores, originalAccuracy: r.originalAccuracy, items: r.items },
    ]),
  );
  return {
    name: 'families',
    table,
    summary: { ...summary, corpusSha256: digest },
    ok: failures.length === 0,
  };
}

function checkFloors(
  baseline: Baseline,
  digest: string,
  results: Record<string, SplitResult>,
): string[] {
  const out: string[] = [];
  if (baseline.corpusSha256 !== digest)
    out.push(`corpus digest ${digest} differs from the pinned one`);
  for (const [name, floor] of Object.entries(baseline.floors)) {
    const r = results[name];
    if (r === undefined) out.push(`no split ${name}`);
    else if (r.scores.precision < floor.precision || r.scores.recall < floor.recall) {
      out.push(
        `${name}: P ${r.scores.precision.toFixed(4)} / R ${r.scores.recall.toFixed(4)} below ${floor.precision} / ${floor.recall}`,
      );
    }
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await run(process.argv[2] ?? '/work/shared');
  console.log(report.table);
  process.exitCode = report.ok ? 0 : 1;
}
