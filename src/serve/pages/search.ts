// The search page: a plain GET form (works without script), matching stories and articles.
import type { ArticleRow, StorySummaryRow } from '../../store/index.js';
import { html, type SafeHtml } from '../html.js';
import { timeElement } from '../format/time.js';
import { articlePath, storyPath } from '../paths.js';
import { sourceLabel } from './parts.js';
import { countsLine, outletList } from './front.js';
import { highlight, queryTerms, snippetAround } from '../format/highlight.js';

/** Characters of body text shown under each result. */
export const SNIPPET_CHARS = 240;

export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_CHARS) return flat;
  const cut = flat.slice(0, SNIPPET_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

function resultItem(article: ArticleRow, now: Date, terms: ReadonlySet<string>): SafeHtml {
  return html`<li>
<h3><a href="${articlePath(article.id)}">${highlight(article.title || 'Untitled article', terms)}</a></h3>
<p class="meta">${sourceLabel(article)} · ${timeElement(article.published ?? article.firstSeen, now)} · <a href="${storyPath(article.storyId)}">story</a></p>
<p>${highlight(snippetAround(article.text, terms), terms)}</p>
</li>`;
}

function storyResult(story: StorySummaryRow, now: Date, terms: ReadonlySet<string>): SafeHtml {
  return html`<li>
<h3><a href="${storyPath(story.id)}">${highlight(story.headline || 'Untitled story', terms)}</a></h3>
<p class="meta">${outletList(story.outlets)} · ${countsLine(story)} · updated ${timeElement(story.lastUpdated, now)}</p>
</li>`;
}

/** Matching stories, above the articles: following a story is what a reader searches for. */
function storyResults(stories: readonly StorySummaryRow[], now: Date, terms: ReadonlySet<string>) {
  if (stories.length === 0) return html``;
  return html`<section aria-labelledby="story-results">
<h2 id="story-results">Stories</h2>
<ol class="stories">${stories.map((s) => storyResult(s, now, terms))}</ol>
</section>`;
}

export interface SearchPageInput {
  query: string;
  results: ArticleRow[];
  /** Stories with a matching article, best first. */
  stories?: StorySummaryRow[];
  now: Date;
}

export function searchPage(input: SearchPageInput): SafeHtml {
  const form = html`<form role="search" method="get" action="/search" class="search">
<label for="q">Search stories and articles</label>
<input id="q" name="q" type="search" value="${input.query}" maxlength="200">
<button type="submit">Search</button>
</form>`;
  if (input.query === '') return html`<h1>Search</h1>${form}`;
  const terms = queryTerms(input.query);
  const results =
    input.results.length === 0
      ? html`<p>No articles match every word of “${input.query}”.</p>`
      : html`<section aria-labelledby="article-results">
<h2 id="article-results">Articles</h2>
<p class="meta">${input.results.length} ${input.results.length === 1 ? 'article' : 'articles'} found.</p>
<ol class="stories">${input.results.map((a) => resultItem(a, input.now, terms))}</ol>
</section>`;
  const stories = storyResults(input.stories ?? [], input.now, terms);
  return html`<h1>Search: ${input.query}</h1>${form}${stories}${results}`;
}
