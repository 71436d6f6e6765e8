// Public door of the extract stage: bytes of one page in, clean article(s) out. Pure: no I/O.
import type { Extraction, Page } from '../types.js';

/**
 * Extracts the main article (and, on aggregator pages, the other articles the page carries)
 * from a page of HTML or a plain-text page dump. Never throws on bad input: a page with no
 * article returns `{ kind: 'not-article', reason }`.
 */
export function extract(page: Page, now: Date): Extraction {
  void page;
  void now;
  throw new Error('extract: not implemented yet');
}
