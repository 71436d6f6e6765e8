// Grid search of the StoryIndex tunables on the ECB+ training topics only (validation topics
// are scored but never used to choose). Usage: node --import tsx bench/clustering/tune.ts
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CORPUS,
  ORDER_SEEDS,
  VALIDATION_TOPICS,
  cluster,
  prepare,
  shuffle,
  type EcbDoc,
  type Prepared,
} from './eval.js';
import { bcubed, restrict } from './scores.js';
import { DEFAULT_STORY_OPTIONS, type StoryIndexOptions } from '../../src/stories/index.js';

const sharedDir = process.argv[2] ?? '/work/shared';
// Titles, bodies and findTopics output per doc, cached between runs: delete it after changing
// src/enrich, or the grid runs on stale topics.
const CACHE = '/tmp/storyline-ecb-prepared.json';

async function load(): Promise<{ docs: EcbDoc[]; prepared: Prepared[] }> {
  const raw = await readFile(join(sharedDir, CORPUS), 'utf8');
  const docs = raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbDoc);
  try {
    return { docs, prepared: JSON.parse(await readFile(CACHE, 'utf8')) as Prepared[] };
  } catch {
    const prepared = docs.map((d) => prepare(d, true));
    await writeFile(CACHE, JSON.stringify(prepared));
    return { docs, prepared };
  }
}

const { docs, prepared } = await load();
const gold = new Map(docs.map((d) => [d.doc_id, d.event]));
const train = new Set(docs.filter((d) => !VALIDATION_TOPICS.has(d.topic)).map((d) => d.doc_id));
const validation = new Set(docs.filter((d) => VALIDATION_TOPICS.has(d.topic)).map((d) => d.doc_id));

function score(options: Partial<StoryIndexOptions>): [number, number, number, number] {
  const t: number[] = [];
  const v: number[] = [];
  for (const seed of ORDER_SEEDS) {
    const p = cluster(shuffle(prepared, seed), options);
    t.push(bcubed(restrict(p, train), restrict(gold, train)).f1);
    v.push(bcubed(restrict(p, validation), restrict(gold, validation)).f1);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  // Order stability is chosen on train too; the eval gates the widest spread of any split.
  return [mean(t), mean(v), spread(t), spread(v)];
}

const grid = JSON.parse(process.env.GRID ?? '{}') as Record<string, number[]>;
const combos: Partial<StoryIndexOptions>[] = [{}];
for (const [key, values] of Object.entries(grid)) {
  const next: Partial<StoryIndexOptions>[] = [];
  for (const c of combos) {
    for (const value of values) {
      const copy = { ...c, weights: { ...DEFAULT_STORY_OPTIONS.weights, ...c.weights } };
      if (key in DEFAULT_STORY_OPTIONS.weights)
        (copy.weights as unknown as Record<string, number>)[key] = value;
      else (copy as Record<string, unknown>)[key] = value;
      next.push(copy);
    }
  }
  combos.splice(0, combos.length, ...next);
}
for (const c of combos) {
  const [t, v, spreadT, spreadV] = score(c);
  const sameWeights = JSON.stringify(c.weights) === JSON.stringify(DEFAULT_STORY_OPTIONS.weights);
  const changed = JSON.stringify(sameWeights ? { ...c, weights: undefined } : c);
  console.log(
    `train ${t.toFixed(3)} ±${spreadT.toFixed(3)}  validation ${v.toFixed(3)} ±${spreadV.toFixed(3)}  ${changed}`,
  );
}
