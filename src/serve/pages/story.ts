// A story page: the summary with its sources, topics, the coverage grouped by copy family (each
// family's likely original first and marked, copies linked to their edit view), a timeline of
// every article in time order, the outlets that covered it and related stories.
import type { ArticleRow, FamilyView, RelatedStoryRow, StoryView } from '../../store/index.js';
import { html, type SafeHtml } from '../html.js';
import { parseTime, timeElement } from '../format/time.js';
import { articlePath, familyAnchor, outletPath, storyPath } from '../paths.js';
import type { SummaryLine } from '../summary.js';
import { withoutDateline } from '../format/lead.js';
import { countsLine, outletList } from './front.js';
import { copyItem, orderFamily, sourceLabel, topicTags } from './parts.js';

export interface StoryPageOptions {
  /** Whether copies link to their edit view. */
  edits?: boolean;
  /** Summary sentences with the articles carrying each; none when the server has no summariser. */
  summary?: readonly SummaryLine[];
  related?: readonly RelatedStoryRow[];
}

/** Timeline entries shown: the first few (how the story broke) and the latest ones. */
export const TIMELINE_FIRST = 10;
export const TIMELINE_LAST = 40;
/** Source links shown after a summary sentence before "and N more". */
export const SENTENCE_SOURCES = 4;

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

function summarySection(lines: readonly SummaryLine[], byId: Map<string, ArticleRow>): SafeHtml {
  if (lines.length === 0) return html``;
  const items = lines.map((line) => {
    const carriers = line.articleIds.flatMap((id) => byId.get(id) ?? []);
    const shown = carriers.slice(0, SENTENCE_SOURCES);
    const more = carriers.length - shown.length;
    const links = shown.map(
      (a, i) => html`${i > 0 ? ', ' : ''}<a href="${articlePath(a.id)}">${sourceLabel(a)}</a>`,
    );
    const single = line.singleSource
      ? html` <span class="single" title="Only one outlet reports this">one outlet only</span>`
      : '';
    return html`<li>${withoutDateline(line.text)} <span class="sources">(${links}${more > 0 ? ` and ${more} more` : ''})</span>${single}</li>`;
  });
  return html`<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
<ul class="summary">${items}</ul>
</section>`;
}

function timelineItem(article: ArticleRow, originals: Set<string>, now: Date): SafeHtml {
  const role = originals.has(article.id) ? '' : html` <span class="meta">(copy)</span>`;
  return html`<li data-first-seen="${article.firstSeen}">${timeElement(article.published ?? article.firstSeen, now)} · ${sourceLabel(article)}: <a href="${articlePath(article.id)}">${article.title || 'Untitled article'}</a>${role}</li>`;
}

/** Every article in time order; a very long story shows how it broke and its latest turns. */
function timelineSection(articles: ArticleRow[], view: StoryView, now: Date): SafeHtml {
  const when = (a: ArticleRow) => a.published ?? a.firstSeen;
  const ordered = [...articles].sort(
    (a, b) => when(a).localeCompare(when(b)) || a.id.localeCompare(b.id),
  );
  // Families of one article are not copies of anything; only real copies are marked.
  const originals = new Set(
    view.families.flatMap((f) =>
      f.articles.length > 1 ? [f.originalId] : f.articles.map((a) => a.id),
    ),
  );
  const cut = ordered.length > TIMELINE_FIRST + TIMELINE_LAST;
  const first = cut ? ordered.slice(0, TIMELINE_FIRST) : ordered;
  const last = cut ? ordered.slice(-TIMELINE_LAST) : [];
  const gap = ordered.length - first.length - last.length;
  return html`<section aria-labelledby="timeline">
<h2 id="timeline">Timeline</h2>
<ol class="timeline">${first.map((a) => timelineItem(a, originals, now))}${cut ? html`<li class="gap">… ${gap} more articles (listed under Coverage) …</li>` : ''}${last.map((a) => timelineItem(a, originals, now))}</ol>
</section>`;
}

function outletsSection(articles: ArticleRow[]): SafeHtml {
  const counts = new Map<string, number>();
  for (const a of articles) if (a.outlet) counts.set(a.outlet, (counts.get(a.outlet) ?? 0) + 1);
  if (counts.size === 0) return html``;
  const items = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(
      ([name, n]) =>
        html`<li><a href="${outletPath(name)}">${name}</a> <span class="meta">${n === 1 ? '1 article' : `${n} articles`}</span></li>`,
    );
  return html`<section aria-labelledby="outlets">
<h2 id="outlets">Outlets</h2>
<ul class="outlets">${items}</ul>
</section>`;
}

function relatedSection(related: readonly RelatedStoryRow[], now: Date): SafeHtml {
  if (related.length === 0) return html``;
  const items = related.map(
    ({ story, shared }) => html`<li>
<a href="${storyPath(story.id)}">${story.headline || 'Untitled story'}</a>
<span class="meta"> · ${countsLine(story)} · updated ${timeElement(story.lastUpdated, now)} · shares ${shared.map((t) => t.name).join(', ')}</span>
</li>`,
  );
  return html`<section aria-labelledby="related">
<h2 id="related">Related stories</h2>
<ul class="related">${items}</ul>
</section>`;
}

export function storyPage(view: StoryView, now: Date, options: StoryPageOptions = {}): SafeHtml {
  const { story } = view;
  const articles = view.families.flatMap((f) => f.articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  // Families with more copies first: they carry the most-syndicated text of the event.
  const families = view.families
    .filter((f) => f.articles.length > 1)
    .sort((a, b) => b.articles.length - a.articles.length);
  const singles = view.families.filter((f) => f.articles.length === 1);
  const updated = parseTime(story.lastUpdated);
  // data-story and data-updated let /static/app.js say what is new since the last visit.
  return html`<article class="story" data-story="${story.id}" data-updated="${updated ? updated.toISOString() : ''}">
<h1>${story.headline || 'Untitled story'}</h1>
<p class="meta">${outletList(story.outlets)} · ${countsLine(story)} · first seen ${timeElement(story.firstSeen, now)} · updated ${timeElement(story.lastUpdated, now)} · <a href="${storyPath(story.id)}/feed.atom" type="application/atom+xml">Atom feed</a></p>
${topicTags(view.topics)}
${summarySection(options.summary ?? [], byId)}
<h2 id="coverage">Coverage</h2>
${families.map((f, i) => familySection(f, i, now, options.edits ?? false))}
${singlesSection(singles, families.length > 0, now)}
${timelineSection(articles, view, now)}
${outletsSection(articles)}
${relatedSection(options.related ?? [], now)}
</article>`;
}
