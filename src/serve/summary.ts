// The story summary: a few sentences chosen across the story's articles, each linked to the
// articles that carry it. The sentences come from the enrich stage through `AppDeps.summarise`
// (the CLI passes `summarise`); serve never imports a stage, it only renders what one computes.
// Summaries are cached per story version: a story's summary changes only when its articles do.
import type { ArticleRow, StoryView } from '../store/index.js';

export interface SummaryArticle {
  id: string;
  outlet: string | null;
  title: string | null;
  text: string;
}

export interface SummaryLine {
  text: string;
  /** Articles carrying the sentence (or a near-identical one). */
  articleIds: readonly string[];
  /** Only one outlet reports it: the reader cannot cross-check it. */
  singleSource: boolean;
}

export type SummariseFn = (articles: readonly SummaryArticle[]) => readonly SummaryLine[];

/**
 * Articles given to the summariser: every family's likely original first (they carry the
 * distinct texts), then the rest oldest first. Bounds the work of one page view on a story
 * with hundreds of copies, which add nothing the originals do not say.
 */
export const SUMMARY_ARTICLES = 40;
/** Stories whose summary is kept in memory (a few KB each). */
export const SUMMARY_CACHE_STORIES = 2000;

function summaryInput(view: StoryView): ArticleRow[] {
  const all = view.families.flatMap((f) => f.articles);
  const originals = new Set(view.families.map((f) => f.originalId));
  const when = (a: ArticleRow) => a.published ?? a.firstSeen;
  const ordered = [...all].sort(
    (a, b) =>
      Number(originals.has(b.id)) - Number(originals.has(a.id)) ||
      when(a).localeCompare(when(b)) ||
      a.id.localeCompare(b.id),
  );
  return ordered.slice(0, SUMMARY_ARTICLES);
}

/** Summaries by story version, least recently used dropped first (Map keeps insertion order). */
export class SummaryCache {
  private readonly entries = new Map<string, readonly SummaryLine[]>();

  constructor(
    private readonly summarise: SummariseFn,
    private readonly capacity = SUMMARY_CACHE_STORIES,
  ) {}

  of(view: StoryView): readonly SummaryLine[] {
    const { story } = view;
    const key = `${story.id}\n${story.lastUpdated}\n${story.articleCount}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const lines = this.summarise(
      summaryInput(view).map((a) => ({ id: a.id, outlet: a.outlet, title: a.title, text: a.text })),
    );
    this.entries.set(key, lines);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return lines;
  }
}
