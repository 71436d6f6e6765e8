// The sources page: what we ingest from and whether each place is healthy, so a self-hoster
// sees a dead feed before readers notice a gap.
import type { SourceRow } from '../../store/index.js';
import { html, type SafeHtml } from '../html.js';
import { timeElement } from '../format/time.js';
import { safeHref } from '../format/url.js';

/** Consecutive failed fetches from which a source counts as failing rather than flaky. */
export const FAILING_AFTER = 3;

export type SourceHealth = 'ok' | 'flaky' | 'failing' | 'not fetched yet';

export function sourceHealth(
  source: Pick<SourceRow, 'failures' | 'lastOkAt' | 'lastError' | 'lastAttemptAt'>,
): SourceHealth {
  if (source.failures >= FAILING_AFTER) return 'failing';
  if (source.failures > 0) return 'flaky';
  if (source.lastOkAt === null && source.lastError === null && source.lastAttemptAt === null) {
    return 'not fetched yet';
  }
  return 'ok';
}

function sourceRow(source: SourceRow, now: Date): SafeHtml {
  const href = safeHref(source.uri);
  const where = href
    ? html`<a href="${href}" rel="nofollow noopener noreferrer">${source.title || source.uri}</a>`
    : html`<code>${source.uri}</code>`;
  const health = sourceHealth(source);
  const error = source.lastError
    ? html`<br><span class="meta">last error: ${source.lastError}</span>`
    : '';
  return html`<tr>
<td>${where}${error}</td>
<td>${source.kind}</td>
<td><span class="health" data-health="${health}">${health}</span>${source.failures > 0 ? ` (${source.failures} failed in a row)` : ''}${source.lastHttpStatus ? html`<br><span class="meta">HTTP ${source.lastHttpStatus}</span>` : ''}</td>
<td>${source.lastOkAt ? timeElement(source.lastOkAt, now) : 'never'}</td>
<td>${source.lastNewItemsAt ? timeElement(source.lastNewItemsAt, now) : '—'}</td>
<td>${source.nextPollAt ? timeElement(source.nextPollAt, now) : source.kind === 'file' ? '—' : 'next pass'}</td>
</tr>`;
}

export function sourcesPage(sources: readonly SourceRow[], now: Date): SafeHtml {
  if (sources.length === 0) {
    return html`<h1>Sources</h1><p>No sources yet: ingesting files or feeds adds them here.</p>`;
  }
  const failing = sources.filter((s) => sourceHealth(s) === 'failing').length;
  return html`<h1>Sources</h1>
<p class="meta">${sources.length} ${sources.length === 1 ? 'source' : 'sources'}${failing > 0 ? `, ${failing} failing` : ', none failing'}.</p>
<div class="table-scroll">
<table class="sources">
<thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Health</th><th scope="col">Last good fetch</th><th scope="col">Last new items</th><th scope="col">Next fetch</th></tr></thead>
<tbody>${sources.map((s) => sourceRow(s, now))}</tbody>
</table>
</div>`;
}
