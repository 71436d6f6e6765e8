// Extractive summaries of a story: a few sentences chosen across its articles, each linked to
// every article that carries it (copies repeat sentences word for word or nearly), and flagged
// when only one outlet reports it. Pure: articles in, sentences out.
import { splitSentences } from './sentences.js';

export interface SummaryInput {
  id: string;
  /** The publisher; articles without one count as their own outlet. */
  outlet: string | null;
  title: string | null;
  text: string;
}

export interface SummarySentence {
  text: string;
  /** Every article carrying this sentence (or a near-identical one), in input order. */
  articleIds: string[];
  /** True when a single outlet carries it: a claim the reader cannot cross-check. */
  singleSource: boolean;
}

/** Sentences in a summary: at most SUMMARY_MAX, and SUMMARY_MIN when the articles have them. */
export const SUMMARY_MIN = 3;
export const SUMMARY_MAX = 5;

/**
 * Word-set Jaccard (0-1) from which two sentences count as the same sentence: catches house-
 * style edits of wire copy ("Mr Trump" / "Trump", "Tuesday" / "Aug 19"), which change a word
 * or two of a 20-word sentence (Jaccard ~0.8), while two sentences about the same fact in
 * different words stay below ~0.4. Set between the two; not calibrated on a benchmark.
 */
export const SAME_SENTENCE_JACCARD = 0.6;

/** A chosen sentence must differ this much (Jaccard below) from those already chosen. */
export const REDUNDANT_JACCARD = 0.45;

/** Sentences shorter than this (words) are captions, credits or fragments, not summary. */
const MIN_SENTENCE_WORDS = 6;
/** Sentences longer than this (words) are run-ons from bad splitting. */
const MAX_SENTENCE_WORDS = 60;
/**
 * Only the lead of each article is considered: news puts the event first (inverted pyramid),
 * and later sentences are background. 8 sentences is about the first four paragraphs.
 */
const LEAD_SENTENCES = 8;

interface Group {
  text: string;
  words: Set<string>;
  articleIds: string[];
  outlets: Set<string>;
  /** Best (lowest) position of the sentence in any article's lead. */
  position: number;
  score: number;
}

/** Picks 3-5 sentences across the articles; in the order the first carrier tells them. */
export function summarise(articles: readonly SummaryInput[]): SummarySentence[] {
  const groups = groupSentences(articles);
  const weights = documentFrequencies(groups, articles.length);
  for (const g of groups)
    g.score = (centrality(g, weights) * (1 + Math.log(g.outlets.size))) / (1 + 0.15 * g.position);
  const ranked = [...groups].sort(
    (a, b) => b.score - a.score || a.position - b.position || (a.text < b.text ? -1 : 1),
  );
  const chosen: Group[] = [];
  for (const g of ranked) {
    if (chosen.length >= SUMMARY_MAX) break;
    if (chosen.some((c) => jaccard(c.words, g.words) >= REDUNDANT_JACCARD)) continue;
    chosen.push(g);
  }
  return chosen
    .sort((a, b) => a.position - b.position || b.score - a.score)
    .map((g) => ({ text: g.text, articleIds: g.articleIds, singleSource: g.outlets.size === 1 }));
}

function groupSentences(articles: readonly SummaryInput[]): Group[] {
  const groups: Group[] = [];
  for (const article of articles) {
    const outlet = (article.outlet ?? `article:${article.id}`).toLowerCase();
    splitSentences(article.text)
      .slice(0, LEAD_SENTENCES)
      .forEach((text, position) => {
        const words = wordSet(text);
        if (words.size < MIN_SENTENCE_WORDS || words.size > MAX_SENTENCE_WORDS) return;
        const same = groups.find((g) => jaccard(g.words, words) >= SAME_SENTENCE_JACCARD);
        if (!same) {
          groups.push({
            text,
            words,
            articleIds: [article.id],
            outlets: new Set([outlet]),
            position,
            score: 0,
          });
          return;
        }
        if (!same.articleIds.includes(article.id)) same.articleIds.push(article.id);
        same.outlets.add(outlet);
        same.position = Math.min(same.position, position);
      });
  }
  return groups;
}

/** In how many articles each word appears (through the sentence groups), over all articles. */
function documentFrequencies(groups: readonly Group[], articleCount: number): Map<string, number> {
  const carriers = new Map<string, Set<string>>();
  for (const g of groups) {
    for (const w of g.words) {
      let set = carriers.get(w);
      if (!set) carriers.set(w, (set = new Set()));
      for (const id of g.articleIds) set.add(id);
    }
  }
  return new Map([...carriers].map(([w, ids]) => [w, ids.size / Math.max(1, articleCount)]));
}

/** Mean share of articles that mention the sentence's words: how central it is to the story. */
function centrality(g: Group, weights: Map<string, number>): number {
  let sum = 0;
  for (const w of g.words) sum += weights.get(w) ?? 0;
  return sum / Math.sqrt(g.words.size);
}

function wordSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
