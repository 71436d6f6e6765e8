// Builds the synthetic copy-detection set from the real ECB+ articles (issue 4). For a sample
// of originals we make 1-3 copies with realistic copy-desk edits (edits.ts), combined at random;
// the hard negatives are the OTHER real articles of the same event (same facts, own words).
// Gold labels: a copy belongs with its original; any two items of one topic whose bodies have
// word 5-gram containment >= 0.5 are positives too: the real syndication the dataset README
// notes (98 pairs on the full texts), and the rarer synthetic copy that, cut short, falls mostly
// inside another real article's text. Gold families are the transitive closure of both kinds of
// link (the index unions the same way). Containment is measured on the body (every line but the
// first, the headline), the text the index compares.
// Deterministic: one seed, documents in file order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseText, normalisedWords } from '../../src/fingerprint/index.js';
import { EDITS, pick, seeded } from './edits.js';
import type { Doc, Random } from './edits.js';

export const CORPUS = 'bench/clustering/ecbplus_dev_topics1-35.jsonl';
export const SEED = 20260304;
/** Real pairs at or above this word 5-gram containment are gold copies (dataset README). */
export const REAL_COPY_CONTAINMENT = 0.5;
/** Share of eligible articles that get copies. */
const ORIGINAL_SHARE = 0.5;
/** Originals need some length: wire copy is rarely a two-line brief (ECB+ median: 230 words). */
const MIN_ORIGINAL_WORDS = 100;
const MIN_ORIGINAL_PARAGRAPHS = 4;
/** Each edit is applied to a copy with this probability (at least one always is). */
const EDIT_PROBABILITY = 0.35;

export interface Item {
  id: string;
  topic: number;
  title: string;
  paragraphs: string[];
  credit: string | null;
  published: string;
  wordCount: number;
  /** Gold family label. */
  gold: string;
  /** For copies: the id of the article they copy; null for real articles. */
  copyOf: string | null;
  edits: string[];
}

interface Row {
  doc_id: string;
  topic: number;
  text: string;
}

export function loadRows(sharedDir: string): { rows: Row[]; raw: string } {
  const raw = readFileSync(join(sharedDir, CORPUS), 'utf8');
  const rows = raw
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  return { rows, raw };
}

export function generate(rows: readonly Row[], seed = SEED): Item[] {
  const rnd = seeded(seed);
  const base = Date.parse('2026-01-01T00:00:00Z');
  const items: Item[] = rows.map((r, i) => {
    const doc = toDoc(r.text);
    return {
      id: r.doc_id,
      topic: r.topic,
      ...doc,
      credit: rnd() < 0.3 ? 'Wire' : null,
      published: new Date(base + i * 3_600_000).toISOString(),
      wordCount: countWords(doc),
      gold: r.doc_id,
      copyOf: null,
      edits: [],
    };
  });
  const copies: Item[] = [];
  for (const original of items) {
    if (
      original.wordCount < MIN_ORIGINAL_WORDS ||
      original.paragraphs.length < MIN_ORIGINAL_PARAGRAPHS
    )
      continue;
    if (rnd() >= ORIGINAL_SHARE) continue;
    const n = 1 + Math.floor(rnd() * 3);
    for (let c = 0; c < n; c++) copies.push(makeCopy(original, c, rnd));
  }
  const all = [...items, ...copies];
  const gold = goldFamilies(all);
  return all.map((item) => ({ ...item, gold: gold.get(item.id)! }));
}

function makeCopy(original: Item, n: number, rnd: Random): Item {
  const names = Object.keys(EDITS);
  let chosen = names.filter(() => rnd() < EDIT_PROBABILITY);
  if (chosen.length === 0) chosen = [pick(names, rnd)];
  let doc: Doc = { title: original.title, paragraphs: original.paragraphs };
  for (const name of chosen) doc = EDITS[name]!(doc, rnd);
  const delayHours = 1 + rnd() * 48;
  return {
    id: `${original.id}~copy${n}`,
    topic: original.topic,
    ...doc,
    credit: original.credit !== null && rnd() < 0.5 ? original.credit : null,
    published: new Date(Date.parse(original.published) + delayHours * 3_600_000).toISOString(),
    wordCount: countWords(doc),
    gold: original.id,
    copyOf: original.id,
    edits: chosen,
  };
}

/** First line is usually the headline (dataset README); the rest, one sentence a line, is the body. */
function toDoc(text: string): Doc {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length < 2) return { title: '', paragraphs: lines };
  return { title: lines[0]!, paragraphs: lines.slice(1) };
}

function countWords(doc: Doc): number {
  return doc.paragraphs
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== '').length;
}

/** Gold families: union of copy-of links and same-topic pairs with body containment >= 0.5. */
export function goldFamilies(items: readonly Item[]): Map<string, string> {
  const grams = items.map((item) => fiveGrams(item.paragraphs.join('\n')));
  const slot = new Map(items.map((item, i) => [item.id, i]));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => {
    parent[find(b)] = find(a);
  };
  items.forEach((item, i) => {
    if (item.copyOf !== null) join(slot.get(item.copyOf)!, i);
  });
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[i]!.topic !== items[j]!.topic) continue;
      if (containment(grams[i]!, grams[j]!) >= REAL_COPY_CONTAINMENT) join(i, j);
    }
  }
  return new Map(items.map((item, i) => [item.id, items[find(i)]!.id]));
}

/** Number of real article pairs at or above the containment threshold on the full texts (98). */
export function realCopyPairs(rows: readonly Row[]): number {
  const grams = rows.map((r) => fiveGrams(r.text));
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++)
      if (containment(grams[i]!, grams[j]!) >= REAL_COPY_CONTAINMENT) n++;
  }
  return n;
}

function fiveGrams(text: string): Set<string> {
  const words = normalisedWords(normaliseText(text));
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / small.size;
}
