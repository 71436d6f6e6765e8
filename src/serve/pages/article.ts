// An article page: clean body, images with captions and credits, metadata, links to its copy
// family and story, and the source URL (a link for http(s) only; anything else is shown as text).
import type { ArticleRow, FamilyView } from '../../store/index.js';
import type { ImageInfo } from '../../types.js';
import { escapeHtml, html, type SafeHtml } from '../html.js';
import { formatDateTime, parseTime, timeElement } from '../format/time.js';
import { safeHref } from '../format/url.js';
import { sanitizeHtml } from '../sanitize.js';
import { editsPath, familyAnchor, revisionsPath, storyPath } from '../paths.js';
import { hasEdits } from '../edits.js';
import { copyItem, orderFamily, sourceLabel, topicTags } from './parts.js';

/** The body: our own re-sanitised HTML when the extractor kept any, else the paragraphs. */
export function articleBody(article: Pick<ArticleRow, 'html' | 'paragraphs' | 'text'>): SafeHtml {
  if (article.html) {
    const clean = sanitizeHtml(article.html);
    if (/[^\s]/.test(clean.value.replace(/<[^>]*>/g, ''))) return clean;
  }
  const paragraphs =
    article.paragraphs.length > 0 ? article.paragraphs : article.text.split(/\n\s*\n/);
  return html`${paragraphs.filter((p) => p.trim() !== '').map((p) => html`<p>${p}</p>`)}`;
}

/** Whether the body markup (our own sanitiser's output) already carries this image. */
function shownIn(body: SafeHtml, image: ImageInfo): boolean {
  const src = safeHref(image.src);
  return src !== null && body.value.includes(`<img src="${escapeHtml(src)}"`);
}

function figure(image: ImageInfo): SafeHtml | '' {
  const src = safeHref(image.src);
  if (!src && !image.caption) return '';
  const img = src ? html`<img src="${src}" alt="" loading="lazy">` : '';
  const credit = image.credit ? html` <small>Photo: ${image.credit}</small>` : '';
  const caption =
    image.caption || image.credit
      ? html`<figcaption>${image.caption ?? ''}${credit}</figcaption>`
      : '';
  return html`<figure>${img}${caption}</figure>`;
}

function fact(label: string, value: SafeHtml | string | null): SafeHtml | '' {
  return value ? html`<dt>${label}</dt><dd>${value}</dd>` : '';
}

function sourceLink(article: ArticleRow): SafeHtml {
  const url = article.url ?? article.pageUrl;
  const href = safeHref(url);
  return href
    ? html`<a href="${href}" rel="nofollow noopener noreferrer">${url}</a>`
    : html`<code>${url}</code>`;
}

function published(iso: string | null, now: Date): SafeHtml | null {
  const when = parseTime(iso);
  if (!iso) return null;
  return when ? html`${formatDateTime(when)} (${timeElement(iso, now)})` : html`${iso}`;
}

function familyFact(article: ArticleRow, family: FamilyView | null, edits: boolean): SafeHtml {
  const href = `${storyPath(article.storyId)}#${encodeURIComponent(familyAnchor(article.familyId))}`;
  const size = family?.articles.length ?? 1;
  if (size <= 1) return html`no copies found (<a href="${href}">in its story</a>)`;
  const role = article.isOriginal ? 'likely original' : 'a copy';
  const editLink =
    edits && hasEdits(article, size)
      ? html` · <a href="${editsPath(article.id)}">see the edits against the likely original</a>`
      : '';
  return html`${role} in a family of <a href="${href}">${size} versions of one text</a>${editLink}`;
}

/** Only articles whose text changed after we first saw it have a versions page worth a link. */
function versionsFact(article: ArticleRow): SafeHtml | null {
  if (article.revision <= 1) return null;
  return html`text changed since first seen: <a href="${revisionsPath(article.id)}">${article.revision} versions</a>`;
}

function facts(
  article: ArticleRow,
  family: FamilyView | null,
  now: Date,
  edits: boolean,
): SafeHtml {
  const rows = [
    fact('Outlet', article.outlet),
    fact('Byline', article.byline),
    fact('Published', published(article.published, now)),
    fact('Updated', published(article.updated, now)),
    fact('Dateline', article.dateline),
    fact('Credit', article.credit),
    fact('Language', article.language),
    fact('Words', String(article.wordCount)),
    fact('Versions', versionsFact(article)),
    fact('Copy family', familyFact(article, family, edits)),
    fact('Story', html`<a href="${storyPath(article.storyId)}">all coverage of this story</a>`),
    fact('Source', sourceLink(article)),
  ];
  return html`<dl class="facts">${rows}</dl>`;
}

/** The other versions of this text, so a reader can compare outlets without going back. */
function versions(
  article: ArticleRow,
  family: FamilyView | null,
  now: Date,
  edits: boolean,
): SafeHtml {
  if (!family || family.articles.length <= 1) return html``;
  const items = orderFamily(family).map((a) =>
    copyItem(a, {
      isOriginal: a.id === family.originalId,
      now,
      current: a.id === article.id,
      edits,
    }),
  );
  return html`<section class="family" aria-labelledby="versions">
<h2 id="versions">Versions of this text</h2>
<ul class="copies">${items}</ul>
</section>`;
}

/** BCP 47 shape (RFC 5646 §2.1, simplified): letters, digits and hyphens, 2-35 characters. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;

function languageTag(language: string | null): string | null {
  return language && LANGUAGE_TAG.test(language) ? language : null;
}

export interface ArticlePageOptions {
  /** Whether copies link to their edit view. */
  edits?: boolean;
}

/** `family` is the article's copy family when known (for the list of versions). */
export function articlePage(
  article: ArticleRow,
  now: Date,
  family: FamilyView | null = null,
  options: ArticlePageOptions = {},
): SafeHtml {
  const edits = options.edits ?? false;
  const lang = languageTag(article.language);
  const body = articleBody(article);
  // Images the body already shows are not repeated; of the others, the first leads the article
  // (usually the photo the outlet put at the top) and the rest follow the text.
  const [first, ...others] = article.images.filter((image) => !shownIn(body, image));
  const lead = first ? figure(first) : '';
  const rest = others.map(figure);
  return html`<article class="body"${lang ? html` lang="${lang}"` : ''}>
<h1>${article.title || 'Untitled article'}</h1>
<p class="meta">${sourceLabel(article)}${article.byline ? html` · ${article.byline}` : ''} · ${timeElement(article.published ?? article.firstSeen, now)}</p>
${facts(article, family, now, edits)}
${topicTags(article.topics)}
${lead}
${body}
${rest}
${versions(article, family, now, edits)}
</article>`;
}
