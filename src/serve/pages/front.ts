// The front page: one entry per story, in the front page's order (ranking.ts), each with its
// headline, a summary line, outlets, counts and last update.
import type { StorySummaryRow } from '../../store/index.js';
import { html, type SafeHtml } from '../html.js';
import { timeElement } from '../format/time.js';
import { storyPath } from '../paths.js';
import { leadLine } from '../format/lead.js';

export interface FrontPageInput {
  stories: StorySummaryRow[];
  page: number;
  hasNext: boolean;
  now: Date;
  /** Opening text of each story by id (store.storyLeads), for the summary line. */
  leads?: ReadonlyMap<string, string>;
}

/** Outlets listed by name before we summarise the rest as "and N more". */
export const OUTLETS_SHOWN = 4;

export function outletList(outlets: readonly string[]): string {
  if (outlets.length === 0) return 'unknown outlet';
  const shown = outlets.slice(0, OUTLETS_SHOWN).join(', ');
  const rest = outlets.length - OUTLETS_SHOWN;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "5 articles, 2 copies": copies are articles beyond the first of each copy family. */
export function countsLine(story: Pick<StorySummaryRow, 'articleCount' | 'familyCount'>): string {
  const copies = Math.max(0, story.articleCount - story.familyCount);
  return `${count(story.articleCount, 'article')}, ${copies === 1 ? '1 copy' : `${copies} copies`}`;
}

function storyItem(
  story: StorySummaryRow,
  now: Date,
  leads: ReadonlyMap<string, string> | undefined,
): SafeHtml {
  const lead = leads?.get(story.id);
  const line = lead ? leadLine(lead) : '';
  // data-story and data-updated let /static/app.js mark stories updated since the last visit.
  return html`<li data-story="${story.id}" data-updated="${story.lastUpdated}">
<h2><a href="${storyPath(story.id)}">${story.headline || 'Untitled story'}</a></h2>
${line ? html`<p class="lead">${line}</p>` : ''}
<p class="meta">${outletList(story.outlets)} · ${countsLine(story)} · updated ${timeElement(story.lastUpdated, now)}</p>
</li>`;
}

/** Newer/older links for a paged list at `path` (which carries no query string). */
export function pager(
  path: string,
  page: number,
  hasNext: boolean,
  labels: { prev: string; next: string } = { prev: 'Newer stories', next: 'Older stories' },
): SafeHtml {
  if (page <= 1 && !hasNext) return html``;
  const prev =
    page > 1
      ? html`<a rel="prev" href="${path}?page=${page - 1}">← ${labels.prev}</a>`
      : html`<span></span>`;
  const next = hasNext
    ? html`<a rel="next" href="${path}?page=${page + 1}">${labels.next} →</a>`
    : html`<span></span>`;
  return html`<nav class="pager" aria-label="Pages">${prev}<span>Page ${page}</span>${next}</nav>`;
}

/** The list of stories, or a sentence saying why there is none. */
export function storyList(
  stories: StorySummaryRow[],
  page: number,
  now: Date,
  emptyText: string,
  leads?: ReadonlyMap<string, string>,
): SafeHtml {
  if (stories.length === 0)
    return html`<p>${page > 1 ? 'No stories on this page.' : emptyText}</p>`;
  return html`<ol class="stories">${stories.map((s) => storyItem(s, now, leads))}</ol>`;
}

export function frontPage(input: FrontPageInput): SafeHtml {
  return html`<h1>${input.page > 1 ? 'More stories' : 'Top stories'}</h1>
<p class="meta">Recent and widely covered first · <a href="/feed.atom" type="application/atom+xml">Atom feed</a></p>
${storyList(input.stories, input.page, input.now, 'No stories yet. Ingest some pages to begin.', input.leads)}
${pager('/', input.page, input.hasNext, { prev: 'Previous page', next: 'More stories' })}`;
}
