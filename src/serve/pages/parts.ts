// Pieces shared by the story and article pages: who published a copy, one copy in a list, and
// topic tags.
import type { ArticleRow, FamilyView } from '../../store/index.js';
import type { Topic } from '../../types.js';
import { html, type SafeHtml } from '../html.js';
import { timeElement } from '../format/time.js';
import { hostOf } from '../format/url.js';
import { articlePath, editsPath, topicPath } from '../paths.js';

/** Tags shown before the rest are folded into a <details> (works without script). */
export const TOPICS_SHOWN = 12;

/** The outlet, else the site's host, else "unknown outlet"; the wire credit when it differs. */
export function sourceLabel(
  article: Pick<ArticleRow, 'outlet' | 'credit' | 'url' | 'pageUrl'>,
): string {
  const outlet =
    article.outlet || hostOf(article.url) || hostOf(article.pageUrl) || 'unknown outlet';
  const credit = article.credit?.trim();
  if (!credit || credit.toLowerCase() === outlet.toLowerCase()) return outlet;
  return `${outlet} (via ${credit})`;
}

/** Original first, then copies in the order they appeared. */
export function orderFamily(family: FamilyView): ArticleRow[] {
  const when = (a: ArticleRow) => a.published ?? a.firstSeen;
  return [...family.articles].sort((a, b) => {
    const ao = a.id === family.originalId ? 0 : 1;
    const bo = b.id === family.originalId ? 0 : 1;
    return ao - bo || when(a).localeCompare(when(b)) || a.id.localeCompare(b.id);
  });
}

export interface CopyItemOptions {
  isOriginal: boolean;
  now: Date;
  /** Element id for the item (single-article families are anchored on their item). */
  id?: string;
  /** Marks the article the reader is looking at, instead of linking to it. */
  current?: boolean;
  /** Links the copy's edit view (copies in families of two or more, when enabled). */
  edits?: boolean;
}

export function copyItem(article: ArticleRow, options: CopyItemOptions): SafeHtml {
  const mark = options.isOriginal ? html` <span class="original">likely original</span>` : '';
  const title = article.title || 'Untitled article';
  const heading = options.current
    ? html`<strong aria-current="page">${title}</strong> (this page)`
    : html`<a href="${articlePath(article.id)}">${title}</a>`;
  const edits =
    options.edits && !options.isOriginal
      ? html` · <a href="${editsPath(article.id)}">edits</a>`
      : '';
  return html`<li${options.id ? html` id="${options.id}"` : ''} data-first-seen="${article.firstSeen}">
${heading}${mark}
<span class="meta"> · ${sourceLabel(article)} · ${timeElement(article.published ?? article.firstSeen, options.now)}${edits}</span>
</li>`;
}

function tagItems(topics: readonly Topic[]): SafeHtml[] {
  return topics.map(
    (t) => html`<li data-kind="${t.kind}"><a href="${topicPath(t.key)}">${t.name}</a></li>`,
  );
}

export function topicTags(topics: readonly Topic[]): SafeHtml {
  if (topics.length === 0) return html``;
  const shown = html`<ul class="tags" aria-label="Topics">${tagItems(topics.slice(0, TOPICS_SHOWN))}</ul>`;
  const rest = topics.slice(TOPICS_SHOWN);
  if (rest.length === 0) return shown;
  return html`${shown}<details class="more-tags"><summary>${rest.length} more topics</summary><ul class="tags">${tagItems(rest)}</ul></details>`;
}
