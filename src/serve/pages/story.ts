// A story page: its articles grouped by copy family, each family's likely original first and
// marked, every copy with its outlet and time; articles with no copies listed together after
// the families; the story's topics as tags.
import type { FamilyView, StoryView } from '../../store/index.js';
import { html, type SafeHtml } from '../html.js';
import { timeElement } from '../format/time.js';
import { familyAnchor, storyPath } from '../paths.js';
import { countsLine, outletList } from './front.js';
import { copyItem, orderFamily, topicTags } from './parts.js';

export interface StoryPageOptions {
  /** Whether copies link to their edit view. */
  edits?: boolean;
}

function familySection(family: FamilyView, index: number, now: Date, edits: boolean): SafeHtml {
  const articles = orderFamily(family);
  return html`<section class="family" id="${familyAnchor(family.id)}" aria-labelledby="family-${index + 1}">
<h3 id="family-${index + 1}">Copy family ${index + 1}: ${articles.length} versions of one text</h3>
<ul class="copies">${articles.map((a) => copyItem(a, { isOriginal: a.id === family.originalId, now, edits }))}</ul>
</section>`;
}

/** Single-article families: one list, each item carrying its family's anchor. */
function singlesSection(families: FamilyView[], hasCopies: boolean, now: Date): SafeHtml {
  if (families.length === 0) return html``;
  const items = families.flatMap((f) =>
    f.articles.map((a) => copyItem(a, { isOriginal: false, now, id: familyAnchor(f.id) })),
  );
  return html`<section class="singles" aria-labelledby="singles">
<h3 id="singles">${hasCopies ? 'Other coverage' : 'Coverage'}: ${families.length === 1 ? '1 article' : `${families.length} articles`} with no copies</h3>
<ul class="copies">${items}</ul>
</section>`;
}

export function storyPage(view: StoryView, now: Date, options: StoryPageOptions = {}): SafeHtml {
  const { story } = view;
  // Families with more copies first: they carry the most-syndicated text of the event.
  const families = view.families
    .filter((f) => f.articles.length > 1)
    .sort((a, b) => b.articles.length - a.articles.length);
  const singles = view.families.filter((f) => f.articles.length === 1);
  return html`<article>
<h1>${story.headline || 'Untitled story'}</h1>
<p class="meta">${outletList(story.outlets)} · ${countsLine(story)} · first seen ${timeElement(story.firstSeen, now)} · updated ${timeElement(story.lastUpdated, now)} · <a href="${storyPath(story.id)}/feed.atom" type="application/atom+xml">Atom feed</a></p>
${topicTags(view.topics)}
<h2>Coverage</h2>
${families.map((f, i) => familySection(f, i, now, options.edits ?? false))}
${singlesSection(singles, families.length > 0, now)}
</article>`;
}
