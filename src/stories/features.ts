// Turns one article into weighted terms for event clustering. Words that tell two lookalike
// events apart (names, numbers, places) weigh more than the words their kind shares ("quake",
// "rehab"), following Miranda et al. (EMNLP 2018), who keep entity and body features apart.
import type { Topic } from '../types.js';
import { STOPWORDS } from './stopwords.js';

/**
 * Weights, calibrated as a set on the ECB+ training topics (bench/clustering/eval.ts, topics
 * 1-35 minus the validation topics): tune them together with STORY_JOIN_SIMILARITY.
 * - TITLE_WEIGHT: a headline word counts as this many body mentions.
 * - PROPER_WEIGHT: a capitalised word inside a sentence (a name) counts this many times.
 * - NUMBER_WEIGHT: a token with digits (ages, tolls, dates) counts this many times.
 * - TOPIC_WEIGHT: each named topic from enrich counts this many mentions of its own feature.
 * Last grid (bench/clustering/tune.ts, title 1-3 x proper 2-3.5 x topic 1-3): train B3 F1
 * 0.876-0.878 throughout, a plateau; topic 1 (was 2) ties the best and is steadiest over orders.
 */
export const TITLE_WEIGHT = 2;
export const PROPER_WEIGHT = 2.5;
export const NUMBER_WEIGHT = 1.5;
export const TOPIC_WEIGHT = 1;

/** Words shorter than this (characters) carry no event signal, digits excepted. */
const MIN_WORD_CHARS = 3;

export type TermCounts = Map<string, number>;

/** The weights above as one value, so a tuning run can try other sets. */
export interface FeatureWeights {
  title: number;
  proper: number;
  number: number;
  topic: number;
}

export const DEFAULT_WEIGHTS: Readonly<FeatureWeights> = Object.freeze({
  title: TITLE_WEIGHT,
  proper: PROPER_WEIGHT,
  number: NUMBER_WEIGHT,
  topic: TOPIC_WEIGHT,
});

export interface FeatureInput {
  title: string | null;
  text: string;
  topics: readonly Pick<Topic, 'key'>[];
}

/**
 * How terms are keyed: by string (the default, readable), or by the index's integer term ids
 * (word-ids.ts), which saves a second hashing of every word on the hot path.
 */
export interface TermKeys<K> {
  /** The key of a word, or null for stopwords and scraps. */
  word(raw: string): K | null;
  /** The entity-channel key of a word already accepted by `word`. */
  entity(raw: string): K;
  topic(key: string): K;
  /**
   * Optional memory of how earlier articles wrote each word (see NameLexicon): lets a name that
   * only opens sentences in this article ("Valdora's airport reopened") count as a name.
   */
  names?: NameLexicon<K>;
}

/** How a stream of articles has written its words: as names inside sentences, or in lower case. */
export interface NameLexicon<K> {
  isName(key: K): boolean;
  /** Records one article's evidence (each word once per article). */
  learn(capitalised: Iterable<K>, lower: Iterable<K>): void;
}

export const STRING_KEYS: TermKeys<string> = {
  word: normaliseWord,
  entity: (raw) => `${ENTITY_PREFIX}${normaliseWord(raw)}`,
  topic: (key) => `@${key}`,
};

/** Weighted term counts: sublinear weighting and IDF are applied later, at comparison time. */
export function extractFeatures(doc: FeatureInput, weights?: FeatureWeights): TermCounts;
export function extractFeatures<K>(
  doc: FeatureInput,
  weights: FeatureWeights,
  keys: TermKeys<K>,
): Map<K, number>;
export function extractFeatures<K>(
  doc: FeatureInput,
  weights: FeatureWeights = DEFAULT_WEIGHTS,
  keys: TermKeys<K> = STRING_KEYS as unknown as TermKeys<K>,
): Map<K, number> {
  const counts = new Map<K, number>();
  const body = tokenise(doc.text, keys);
  const title = doc.title ? tokenise(doc.title, keys) : null;
  const names = nameEvidence(body, title, keys);
  if (title) addTokens(counts, title, weights.title, names, weights, keys);
  addTokens(counts, body, 1, names, weights, keys);
  for (const topic of doc.topics) {
    const key = keys.topic(topic.key);
    counts.set(key, (counts.get(key) ?? 0) + weights.topic);
  }
  return counts;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu;
/** Characters after which a capital letter is no sign of a name. */
const SENTENCE_OPENERS = new Set(['.', '!', '?', ':', '"', '“', '”', '\n', '\r']);

/** Token shapes. */
const LOWER = 0;
const CAPITAL_MID = 1;
const CAPITAL_OPENING = 2;
const NUMBER = 3;

/** One text's accepted words: raw forms, keys and shapes, in order. */
interface Tokens<K> {
  raw: string[];
  keys: K[];
  shapes: number[];
}

function tokenise<K>(text: string, keys: TermKeys<K>): Tokens<K> {
  const out: Tokens<K> = { raw: [], keys: [], shapes: [] };
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const key = keys.word(raw);
    if (key === null) continue;
    out.raw.push(raw);
    out.keys.push(key);
    out.shapes.push(shapeOf(raw, text, match.index ?? 0));
  }
  return out;
}

function shapeOf(raw: string, text: string, start: number): number {
  if (/\p{N}/u.test(raw)) return NUMBER;
  if (!/^\p{Lu}/u.test(raw)) return LOWER;
  return opensSentence(text, start) ? CAPITAL_OPENING : CAPITAL_MID;
}

/**
 * The words this article uses as names: capitalised inside a sentence somewhere and never
 * written in lower case (the usual truecasing evidence). A capital inside a sentence is always a
 * name mention; one opening a sentence or a headline counts when the word is such a name
 * ("Valdora's airport reopened ..."). Chosen over vetoing every capital of a word also written
 * in lower case: same ECB+ train F1, closer across orders (bench/clustering).
 * Headlines in Title Case capitalise everything, so a headline gives evidence only when most of
 * its words are lower case. A word that only opens sentences here is judged by how earlier
 * articles wrote it, when the keys carry that memory.
 */
function nameEvidence<K>(body: Tokens<K>, title: Tokens<K> | null, keys: TermKeys<K>): Set<K> {
  const capital = new Set<K>();
  const lower = new Set<K>();
  const collect = (t: Tokens<K>) => {
    for (let i = 0; i < t.keys.length; i++) {
      if (t.shapes[i] === CAPITAL_MID) capital.add(t.keys[i]!);
      else if (t.shapes[i] === LOWER) lower.add(t.keys[i]!);
    }
  };
  collect(body);
  if (title && isSentenceCase(title)) collect(title);
  const lexicon = keys.names;
  if (lexicon) {
    lexicon.learn(capital, lower);
    const ask = (t: Tokens<K>) => {
      for (let i = 0; i < t.keys.length; i++) {
        const key = t.keys[i]!;
        if (t.shapes[i] === CAPITAL_OPENING && !lower.has(key) && lexicon.isName(key))
          capital.add(key);
      }
    };
    ask(body);
    if (title) ask(title);
  }
  for (const key of lower) capital.delete(key);
  return capital;
}

/** Fewer than half of the headline's words after the first are capitalised. */
function isSentenceCase<K>(title: Tokens<K>): boolean {
  let capitals = 0;
  let words = 0;
  for (let i = 1; i < title.shapes.length; i++) {
    if (title.shapes[i] === NUMBER) continue;
    words += 1;
    if (title.shapes[i] !== LOWER) capitals += 1;
  }
  return words > 0 && capitals * 2 < words;
}

function addTokens<K>(
  counts: Map<K, number>,
  tokens: Tokens<K>,
  weight: number,
  names: ReadonlySet<K>,
  weights: FeatureWeights,
  keys: TermKeys<K>,
): void {
  for (let i = 0; i < tokens.keys.length; i++) {
    const term = tokens.keys[i]!;
    const boost =
      tokens.shapes[i] === NUMBER
        ? weights.number
        : tokens.shapes[i] === CAPITAL_MID ||
            (tokens.shapes[i] === CAPITAL_OPENING && names.has(term))
          ? weights.proper
          : 1;
    counts.set(term, (counts.get(term) ?? 0) + weight * boost);
    if (boost === 1) continue;
    // Names and numbers also feed the entity channel, compared on its own (see vectors.ts).
    const entity = keys.entity(tokens.raw[i]!);
    counts.set(entity, (counts.get(entity) ?? 0) + weight);
  }
}

/** Prefix of entity-channel terms: names and numbers in the text. Topics use "@". */
export const ENTITY_PREFIX = '^';

/** True for a term of the entity channel (a name or number in the text, or a named topic). */
export function isEntityTerm(term: string): boolean {
  return term.startsWith(ENTITY_PREFIX) || term.startsWith('@');
}

/** Whether the word at `start` opens a sentence, line or quote (scans back over spaces only). */
function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i -= 1;
  return i < 0 || SENTENCE_OPENERS.has(text[i]!);
}

/** Lower-case, accent-free, possessive and plural stripped; null for stopwords and scraps. */
export function normaliseWord(raw: string): string | null {
  const cached = NORMALISED.get(raw);
  if (cached !== undefined) return cached;
  if (NORMALISED.size >= NORMALISED_CACHE_WORDS) NORMALISED.clear();
  const term = normaliseUncached(raw);
  NORMALISED.set(raw, term);
  return term;
}

/**
 * Distinct raw words whose normal form is remembered. Word frequencies are Zipfian, so a cache
 * of this size answers most lookups and halves feature extraction time (measured with
 * bench/clustering/bench.ts); it is cleared wholesale when full, which keeps memory bounded.
 */
const NORMALISED_CACHE_WORDS = 200_000;
const NORMALISED = new Map<string, string | null>();

function normaliseUncached(raw: string): string | null {
  // Plain ASCII has no accents to fold: skip the costly Unicode normalisation.
  const folded = /^[\x20-\x7e]*$/.test(raw) ? raw : raw.normalize('NFKD').replace(/\p{M}+/gu, '');
  let word = folded
    .toLowerCase()
    .replace(/['’]s?$/, '')
    .replace(/[-'’]+$/, '');
  if (STOPWORDS.has(word)) return null;
  if (!/\p{N}/u.test(word) && word.length < MIN_WORD_CHARS) return null;
  word = stemPlural(word);
  return STOPWORDS.has(word) ? null : word;
}

/** The "S-stemmer" of Harman (1991): only plurals, so names are almost never damaged. */
function stemPlural(word: string): string {
  if (word.length <= 4 || /\p{N}/u.test(word)) return word;
  if (word.endsWith('ies') && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('s') && !/[us]s$/.test(word)) return word.slice(0, -1);
  return word;
}
