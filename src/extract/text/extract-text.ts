// Plain-text page dumps (a browser's "save as text", an aggregator's export): one line per
// block. Steps, in order: classify lines (clutter, photo caption and credit, text); a line just
// above a photo-credit line is that photo's caption; split at the related-articles marker; take
// the first line as title; read the header (standfirst, byline, date) up to the last byline or
// date line before the prose starts, and keep it out of the body; drop duplicated lines (pull
// quotes, captions repeating the body); trim the unpunctuated widget lines before and after the
// prose, keeping a sign-off line that closes it; read the dateline and credit; name the outlet
// from a copyright line; segment the related items.
import type { Extraction, ImageInfo, Page } from '../../types.js';
import { makeArticle, normaliseSpace } from '../article.js';
import { detectLanguage } from '../language.js';
import {
  dateFromDateline,
  isRelativeAge,
  parseAbsoluteDate,
  resolveRelativeAge,
} from '../dates.js';
import { copyrightHolder } from '../page-furniture.js';
import { creditLine, readWire } from '../wire.js';
import { classifyLine, isProse, photoCredit, splitCaption, type LineClass } from './clutter.js';
import { segmentRelated } from './related.js';

/** Longest first line we accept as a title (characters); a longer one is already body text. */
const MAX_TITLE_CHARS = 250;
/** Least body text for an article (characters): below it the dump is a stub or a widget page. */
const MIN_BODY_CHARS = 120;
/** The header (standfirst, byline, date, labels) is looked for in this many lines after the
 *  title... */
const MAX_HEADER_LINES = 12;
/** ...and ends for sure at a line of prose this long (words): standfirsts are shorter. */
const BODY_LINE_WORDS = 25;

interface Line {
  text: string;
  cls: LineClass;
}

export function extractText(text: string, page: Page, encoding: string): Extraction {
  const lines = pairCaptions(
    text.split(/\r\n|\r|\n/).map((l) => {
      const t = normaliseSpace(l);
      return { text: t, cls: classifyLine(t) };
    }),
  );
  const marker = lines.findIndex((l, i) => l.cls === 'related-marker' && i > 0);
  const main = marker < 0 ? lines : lines.slice(0, marker);
  const titleAt = main.findIndex((l) => l.cls !== 'blank');
  const first = main[titleAt];
  const title =
    first &&
    first.cls === 'text' &&
    first.text.length <= MAX_TITLE_CHARS &&
    !/[.:]$/.test(first.text)
      ? first.text
      : null;
  const rest = (title ? main.slice(titleAt + 1) : main).filter((l) => l.cls !== 'blank');
  const images = collectImages(rest);
  const headerEnd = endOfHeader(rest);
  const header = readHeader(rest.slice(0, headerEnd), page.fetchedAt);
  const body = dropDuplicates(rest.slice(headerEnd));
  const { kept, after } = trimWidgets(body);
  const paragraphs = kept.map((l) => l.text);
  const bodyChars = paragraphs.reduce((n, p) => n + p.length, 0);
  if (bodyChars < MIN_BODY_CHARS)
    return { kind: 'not-article', reason: 'extract: no article text in the dump', encoding };

  // A sign-off printed as a line of its own ("MERIDIAN") falls among the widgets trimmed after
  // the body: put it back for readWire, which reads and removes it.
  const signOff = after && creditLine(after.text) ? [after.text] : [];
  const wire = readWire([...paragraphs, ...signOff], { byline: header.byline ?? null });
  const language = detectLanguage(wire.paragraphs.join(' '));
  const related =
    marker < 0
      ? []
      : segmentRelated(
          lines.slice(marker + 1).map((l) => l.text),
          page.fetchedAt,
          language,
        );
  const article = makeArticle({
    title,
    outlet: outletOf(lines),
    dateline: wire.dateline,
    credit: wire.credit,
    language,
    images,
    paragraphs: wire.paragraphs,
    ...header,
    published: header.published ?? dateFromDateline(wire.dateline, page.fetchedAt),
  });
  return { kind: 'article', article, related, encoding };
}

/** Whether a line has at least `n` words, without splitting a 20 MB line into millions. */
function hasWords(line: string, n: number): boolean {
  const words = /\S+/g;
  for (let k = 0; k < n; k++) if (!words.exec(line)) return false;
  return true;
}

/** A text line followed by a photo-credit line is that photo's caption. */
function pairCaptions(lines: Line[]): Line[] {
  let next: Line | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.cls === 'blank') continue;
    if (l.cls === 'text' && next?.cls === 'photo-credit' && !isRelativeAge(l.text))
      lines[i] = { text: l.text, cls: 'caption' };
    next = lines[i]!;
  }
  return lines;
}

/** The outlet a copyright line names ("Copyright © 2026 The Coastline Herald."), last one wins:
 *  the page's own footer closes the page. */
function outletOf(lines: Line[]): string | null {
  let outlet: string | null = null;
  for (const l of lines) if (l.cls === 'clutter') outlet = copyrightHolder(l.text) ?? outlet;
  return outlet;
}

/** Where the header ends (an index into `lines`, non-blank): just after the last byline or date
 *  line found before the prose starts, or 0 when the dump prints neither. */
function endOfHeader(lines: Line[]): number {
  let end = 0;
  for (let i = 0; i < Math.min(lines.length, MAX_HEADER_LINES); i++) {
    const l = lines[i]!;
    if (l.cls === 'text' && isProse(l.text) && hasWords(l.text, BODY_LINE_WORDS)) break;
    if (l.cls === 'text' && (bylineOf(l.text) || dateOf(l.text, new Date(0)))) end = i + 1;
  }
  return end;
}

/** Agency captions and "PHOTO: X" credit lines become images; the credit line names the
 *  caption just before it. */
function collectImages(lines: Line[]): ImageInfo[] {
  const images: ImageInfo[] = [];
  let open: ImageInfo | null = null;
  for (const l of lines) {
    if (l.cls === 'caption') {
      const { caption, credit } = splitCaption(l.text);
      open = { src: null, caption, credit };
      images.push(open);
    } else if (l.cls === 'photo-credit') {
      const credit = photoCredit(l.text);
      if (open) open.credit = credit ?? open.credit;
      else images.push({ src: null, caption: null, credit });
      open = null;
    }
  }
  return images;
}

/** Keeps text lines, each distinct text once. A repeated line next to a photo credit or caption
 *  is the caption (or a pull quote box) and yields to its other occurrence. */
function dropDuplicates(lines: Line[]): Line[] {
  const texts = lines.filter((l) => l.cls !== 'blank');
  const count = new Map<string, number>();
  for (const l of texts) if (l.cls === 'text') count.set(l.text, (count.get(l.text) ?? 0) + 1);
  const seen = new Set<string>();
  const out: Line[] = [];
  texts.forEach((l, i) => {
    if (l.cls !== 'text') return;
    const repeated = (count.get(l.text) ?? 0) > 1;
    const nearPhoto = [texts[i - 1], texts[i + 1]].some(
      (n) => n?.cls === 'photo-credit' || n?.cls === 'caption',
    );
    if (repeated && nearPhoto) {
      count.set(l.text, count.get(l.text)! - 1);
      return;
    }
    if (seen.has(l.text)) return;
    seen.add(l.text);
    out.push(l);
  });
  return out;
}

/** Removes the unpunctuated short lines (buttons, labels, prompts) before the first and after
 *  the last line of prose, and says which line came right after the prose. Inside the body they
 *  stay: they are usually subheadings. */
function trimWidgets(lines: Line[]): { kept: Line[]; after: Line | null } {
  let start = 0;
  let end = lines.length;
  while (start < end && !isProse(lines[start]!.text)) start++;
  while (end > start && !isProse(lines[end - 1]!.text)) end--;
  return { kept: lines.slice(start, end), after: lines[end] ?? null };
}

/** Lines of a byline (characters): longer "By ..." lines are sentences. */
const MAX_BYLINE_CHARS = 80;

/** The byline ("By Ana Lin") and the date ("Aug 20, 2025", "2 hours ago") printed between the
 *  title and the first paragraph; relative ages resolve against the fetch time. */
function readHeader(lines: Line[], fetchedAt: Date): { byline?: string; published?: string } {
  const out: { byline?: string; published?: string } = {};
  for (const l of lines) {
    if (l.cls !== 'text') continue;
    const by = bylineOf(l.text);
    if (by) out.byline ??= by;
    const date = dateOf(l.text, fetchedAt);
    if (date) out.published ??= date;
  }
  return out;
}

function bylineOf(line: string): string | null {
  const by = /^(?:by|von|par|por|di)\s+(.+)$/i.exec(line);
  return by && line.length <= MAX_BYLINE_CHARS && !/[.!?]$/.test(line) ? by[1]!.trim() : null;
}

/** Longest date line (characters): "Published Mar 3, 2026, 05:58 PM", "19:42, 3 Mar 2026". */
const MAX_DATE_LINE_CHARS = 60;

/** A line that is a date: a relative age, or an absolute date with an optional label and time
 *  of day around it. */
function dateOf(line: string, fetchedAt: Date): string | null {
  if (line.length > MAX_DATE_LINE_CHARS) return null;
  return (
    resolveRelativeAge(line, fetchedAt) ??
    parseAbsoluteDate(
      line
        .replace(/^(published|updated|posted|first published|last updated)( on| at)?:?\s*/i, '')
        .replace(/^\d{1,2}[:.]\d{2}\s*(am|pm)?\s*,?\s*/i, '')
        .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i, ''),
    )
  );
}
