// Earlier versions of an article: outlets change stories after publication (corrections,
// updates, quiet rewrites), and the store keeps every text it saw. Newest first.
import type { ArticleRow, RevisionRow } from '../../store/index.js';
import { html, type SafeHtml } from '../html.js';
import { timeElement } from '../format/time.js';
import { articlePath } from '../paths.js';
import { sourceLabel } from './parts.js';

function paragraphs(text: string): SafeHtml {
  const parts = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return html`${parts.map((p) => html`<p>${p}</p>`)}`;
}

function revisionSection(revision: RevisionRow, now: Date): SafeHtml {
  return html`<section class="revision" aria-labelledby="rev-${revision.revision}">
<h2 id="rev-${revision.revision}">Version ${revision.revision}, seen ${timeElement(revision.seenAt, now)}</h2>
<details><summary>${revision.title || 'Untitled'}</summary>
${paragraphs(revision.text)}
</details>
</section>`;
}

export function revisionsPage(article: ArticleRow, revisions: RevisionRow[], now: Date): SafeHtml {
  const earlier = [...revisions].sort((a, b) => b.revision - a.revision);
  const intro =
    earlier.length === 0
      ? html`<p>We have seen only one version of this text.</p>`
      : html`<p>The current text is version ${article.revision}, seen ${timeElement(article.lastSeen, now)}. Earlier versions, newest first:</p>`;
  return html`<article>
<h1>Versions of “<a href="${articlePath(article.id)}">${article.title || 'Untitled article'}</a>”</h1>
<p class="meta">${sourceLabel(article)}</p>
${intro}
${earlier.map((r) => revisionSection(r, now))}
</article>`;
}
