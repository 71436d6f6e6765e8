// A story page: its articles grouped by copy family, each family's likely original first and
// marked, every copy with its outlet and time; the story's topics as tags.
import type { ArticleRow, FamilyView, StoryView } from '../../store/index.js';
import type { Topic } from '../../types.js';
import { html, type SafeHtml } from '../html.js';
import { timeElement } from '../format/time.js';
import { articlePath, familyAnchor } from '../paths.js';
import { countsLine, outletList } from './front.js';

/** Original first, then copies in the order they appeared. */
export function orderFamily(family: FamilyView): ArticleRow[] {
  const when = (a: ArticleRow) => a.published ?? a.firstSeen;
  return [...family.articles].sort((a, b) => {
    const ao = a.id === family.originalId ? 0 : 1;
    const bo = b.id === family.originalId ? 0 : 1;
    return ao - bo || when(a).localeCompare(when(b)) || a.id.localeCompare(b.id);
  });
}

function copyItem(article: ArticleRow, isOriginal: boolean, now: Date): SafeHtml {
  const mark = isOriginal ? html` <span class="original">likely original</span>` : '';
  return html`<li>
<a href="${articlePath(article.id)}">${article.title || 'Untitled article'}</a>${mark}
<span class="meta"> · ${article.outlet || 'unknown outlet'}${article.credit ? html` (${article.credit})` : ''} · ${timeElement(article.published ?? article.firstSeen, now)}</span>
</li>`;
}

function familySection(family: FamilyView, index: number, now: Date): SafeHtml {
  const articles = orderFamily(family);
  const heading =
    articles.length === 1
      ? 'Single article'
      : `Copy family ${index + 1}: ${articles.length} versions of one text`;
  return html`<section class="family" id="${familyAnchor(family.id)}" aria-labelledby="family-${index + 1}">
<h3 id="family-${index + 1}">${heading}</h3>
<ul class="copies">${articles.map((a) => copyItem(a, a.id === family.originalId, now))}</ul>
</section>`;
}

export function topicTags(topics: readonly Topic[]): SafeHtml {
  if (topics.length === 0) return html``;
  return html`<ul class="tags" aria-label="Topics">${topics.map(
    (t) => html`<li data-kind="${t.kind}">${t.name}</li>`,
  )}</ul>`;
}

export function storyPage(view: StoryView, now: Date): SafeHtml {
  const { story } = view;
  // Families with more copies first: they carry the most-syndicated text of the event.
  const families = [...view.families].sort((a, b) => b.articles.length - a.articles.length);
  return html`<article>
<h1>${story.headline || 'Untitled story'}</h1>
<p class="meta">${outletList(story.outlets)} · ${countsLine(story)} · first seen ${timeElement(story.firstSeen, now)} · updated ${timeElement(story.lastUpdated, now)}</p>
${topicTags(view.topics)}
<h2>Coverage</h2>
${families.map((f, i) => familySection(f, i, now))}
</article>`;
}
