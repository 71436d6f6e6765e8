// Outlet pages: every outlet we hold articles from, and one outlet's stories.
import type { OutletListRow, OutletSummaryRow, StorySummaryRow } from '../../store/index.js';
import { html, type SafeHtml } from '../html.js';
import { timeElement } from '../format/time.js';
import { outletPath } from '../paths.js';
import { pager, storyList } from './front.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface OutletPageInput {
  outlet: OutletSummaryRow;
  stories: StorySummaryRow[];
  page: number;
  hasNext: boolean;
  now: Date;
  leads?: ReadonlyMap<string, string>;
}

export function outletPage(input: OutletPageInput): SafeHtml {
  const { outlet } = input;
  return html`<h1>${outlet.name}</h1>
<p class="meta">${count(outlet.articleCount, 'article', 'articles')} in ${count(outlet.storyCount, 'story', 'stories')} · first seen ${timeElement(outlet.firstSeen, input.now)} · latest ${timeElement(outlet.lastSeen, input.now)}${outlet.domain ? ` · ${outlet.domain}` : ''}</p>
<h2>Stories it covered</h2>
${storyList(input.stories, input.page, input.now, 'No stories from this outlet.', input.leads)}
${pager(outletPath(outlet.name), input.page, input.hasNext)}`;
}

export interface OutletsPageInput {
  outlets: OutletListRow[];
  page: number;
  hasNext: boolean;
  now: Date;
}

export function outletsPage(input: OutletsPageInput): SafeHtml {
  const items = input.outlets.map(
    (o) =>
      html`<li><a href="${outletPath(o.name)}">${o.name}</a> <span class="meta">${count(o.articleCount, 'article', 'articles')}, ${count(o.storyCount, 'story', 'stories')}</span></li>`,
  );
  const list =
    items.length === 0 ? html`<p>No outlets yet.</p>` : html`<ul class="topics">${items}</ul>`;
  return html`<h1>Outlets</h1>
${list}
${pager('/outlets', input.page, input.hasNext, { prev: 'Previous page', next: 'Next page' })}`;
}
