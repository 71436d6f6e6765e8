// Fallback for the pages where our scorer finds too little: @mozilla/readability on a fresh
// parse (it mutates the document), its chosen content then read by our own collect(), so the
// output passes the same pruning and sanitising as the primary path. Rarely taken (no page of
// the extraction benchmark needs it), so its cost does not show in the speed figures.
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { collect, type Collected } from './collect.js';
import type { El } from './dom.js';
import { computeStats } from './stats.js';

type ReadabilityDoc = ConstructorParameters<typeof Readability>[0];

export function readabilityBody(html: string, baseUrl: string): Collected | null {
  try {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const parsed = new Readability(doc as unknown as ReadabilityDoc).parse();
    if (!parsed?.content) return null;
    const content = new DOMParser().parseFromString(
      `<html><body>${parsed.content}</body></html>`,
      'text/html',
    ) as unknown as { body: El | null };
    if (!content.body) return null;
    const { stats } = computeStats(content.body);
    return collect(content.body, stats, baseUrl);
  } catch {
    return null;
  }
}
