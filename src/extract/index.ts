// Public door of the extract stage: bytes of one page in, clean article(s) out. Pure: no I/O.
// Order: decode (bytes -> text, or "unreadable"), sniff (HTML or text dump), then the matching
// extractor. Any unexpected failure inside an extractor becomes a "not-article" outcome with
// the reason, so one hostile page never stops a batch.
import type { Extraction, Page } from '../types.js';
import { decode } from './decode.js';
import { extractHtml } from './html/extract-html.js';
import { sniff } from './sniff.js';
import { extractText } from './text/extract-text.js';

export { decode } from './decode.js';
export { parseAbsoluteDate, resolveRelativeAge, relativeAgeMs, dateFromUrl } from './dates.js';
export { detectLanguage } from './language.js';

/**
 * Extracts the main article (and, on aggregator pages, the other articles the page carries)
 * from a page of HTML or a plain-text page dump. Never throws on bad input: a page with no
 * article returns `{ kind: 'not-article', reason }`; empty, binary or corrupt bytes return
 * `{ kind: 'unreadable', code }`.
 *
 * Relative ages printed on a page ("12 minutes ago") resolve against `page.fetchedAt`, the
 * moment the page said them, so re-extracting an old page later gives the same times. `now`
 * is accepted for the contract and not read today.
 */
export function extract(page: Page, now: Date): Extraction {
  let encoding: string | null = null;
  try {
    const decoded = decode(page.body, page.contentType);
    if (!decoded.ok) return { kind: 'unreadable', code: decoded.code, reason: decoded.reason };
    encoding = decoded.encoding;
    return sniff(decoded.text, page.contentType) === 'html'
      ? extractHtml(decoded.text, page, now, encoding)
      : extractText(decoded.text, page, encoding);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { kind: 'not-article', reason: `extract: failed on ${page.url}: ${why}`, encoding };
  }
}
