// The edit view: a copy beside its family's likely original, paragraph by paragraph, with each
// changed run of words marked (<del> in the original, <ins> in the copy) and named by kind.
import type { EditKind, ParagraphPair, WordOp } from '../../families/index.js';
import type { CopyEdits } from '../edits.js';
import { html, type SafeHtml } from '../html.js';
import { timeElement } from '../format/time.js';
import { articlePath } from '../paths.js';
import { sourceLabel } from './parts.js';

const KIND_LABELS: Record<EditKind, string> = {
  'house-style': 'house style',
  honorific: 'honorific',
  'date-rewrite': 'date rewritten',
  spelling: 'spelling',
  typography: 'typography',
  'headline-rewrite': 'headline rewritten',
  'added-paragraph': 'paragraph added',
  'cut-paragraph': 'paragraph cut',
  'reordered-paragraph': 'paragraph moved',
  'changed-number': 'number changed',
  'changed-quote': 'quote changed',
  'credit-line': 'credit or sign-off',
  other: 'other edit',
};

function label(kind: EditKind | null): string {
  return kind ? (KIND_LABELS[kind] ?? kind) : 'edit';
}

/** One side of a pair: the original shows what was removed, the copy what was put in. */
function side(ops: readonly WordOp[], which: 'before' | 'after'): SafeHtml {
  const parts = ops.map((op) => {
    const text = op[which];
    if (text === '') return null;
    if (op.op === 'equal') return html`${text}`;
    const tag = which === 'before' ? 'del' : 'ins';
    return tag === 'del'
      ? html`<del title="${label(op.kind)}" data-kind="${op.kind ?? ''}">${text}</del>`
      : html`<ins title="${label(op.kind)}" data-kind="${op.kind ?? ''}">${text}</ins>`;
  });
  return html`${parts.filter((p) => p !== null).map((p, i) => (i === 0 ? p : html` ${p}`))}`;
}

function pairRow(pair: ParagraphPair): SafeHtml {
  const moved = pair.reordered ? html` <span class="meta">(moved)</span>` : '';
  return html`<tr class="${pair.status}">
<td data-label="Original">${pair.original === null ? '' : side(pair.ops, 'before')}</td>
<td data-label="Copy">${pair.copy === null ? '' : side(pair.ops, 'after')}${moved}</td>
</tr>`;
}

function countsList(counts: Record<EditKind, number>): SafeHtml {
  const items = (Object.keys(counts) as EditKind[])
    .filter((k) => counts[k] > 0)
    .map((k) => html`<li data-kind="${k}">${label(k)}: ${counts[k]}</li>`);
  return items.length === 0
    ? html`<p>No edits: the texts are identical.</p>`
    : html`<ul class="tags" aria-label="Edits by kind">${items}</ul>`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "12% of the copy's 540 words differ; 2 paragraphs added; the headline was rewritten." */
export function summaryLine({ diff }: Pick<CopyEdits, 'diff'>): string {
  const parts = [`${diff.editedPercent}% of the copy's ${diff.copyWords} words differ`];
  const added = diff.counts['added-paragraph'] ?? 0;
  const cut = diff.counts['cut-paragraph'] ?? 0;
  if (added > 0) parts.push(`${plural(added, 'paragraph')} added`);
  if (cut > 0) parts.push(`${plural(cut, 'paragraph')} of the original cut`);
  if (diff.title.rewritten) parts.push('the headline was rewritten');
  return `${parts.join('; ')}.`;
}

export function editsPage(edits: CopyEdits, now: Date): SafeHtml {
  const { original, copy, diff } = edits;
  const added = diff.uniqueSentences;
  return html`<article>
<h1>How ${copy.outlet ? sourceLabel(copy) : 'this copy'} edited the text</h1>
<p class="meta">Compared with the likely original, <a href="${articlePath(original.id)}">${original.title || 'untitled'}</a> (${sourceLabel(original)}, ${timeElement(original.published ?? original.firstSeen, now)}).
${summaryLine(edits)}</p>
${countsList(diff.counts)}
${added.length > 0 ? html`<h2>What this copy adds</h2><ul>${added.map((s) => html`<li>${s}</li>`)}</ul>` : ''}
<h2>Side by side</h2>
<p class="meta">Removed or replaced words are struck through on the left; words the copy put in are underlined on the right. Hover a change to see its kind.</p>
<div class="diff-scroll">
<table class="diff">
<thead><tr><th scope="col">Likely original: ${sourceLabel(original)}</th><th scope="col">This copy: <a href="${articlePath(copy.id)}">${sourceLabel(copy)}</a></th></tr></thead>
<tbody>
<tr class="headline"><td data-label="Original">${side(diff.title.ops, 'before')}</td><td data-label="Copy">${side(diff.title.ops, 'after')}</td></tr>
${diff.paragraphs.map(pairRow)}
</tbody>
</table>
</div>
</article>`;
}
