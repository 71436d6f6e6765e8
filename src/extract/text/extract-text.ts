// Plain-text page dumps (a browser's "save as text", an aggregator's export): one line per
// block. Steps, in order: split at the related-articles marker; take the first line as title;
// classify lines (clutter, photo caption and credit, text); trim the unpunctuated widget lines
// before and after the prose; drop duplicated lines (pull quotes, captions repeating the body);
// read the dateline and sign-off; segment the related items.
import type { Extraction, ImageInfo, Page } from '../../types.js';
import { makeArticle, normaliseSpace } from '../article.js';
import { detectLanguage } from '../language.js';
import { parseAbsoluteDate, resolveRelativeAge } from '../dates.js';
import { findDateline, findSignOff } from '../wire.js';
import { classifyLine, isProse, photoCredit, splitCaption, type LineClass } from './clutter.js';
import { segmentRelated } from './related.js';

/** Longest first line we accept as a title (characters); a longer one is already body text. */
const MAX_TITLE_CHARS = 250;
/** Least body text for an article (characters): below it the dump is a stub or a widget page. */
const MIN_BODY_CHARS = 120;

interface Line {
  text: string;
  cls: LineClass;
}

export function extractText(text: string, page: Page, encoding: string): Extraction {
  const lines: Line[] = text.split(/\r\n|\r|\n/).map((l) => {
    const t = normaliseSpace(l);
    return { text: t, cls: classifyLine(t) };
  });
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
  const rest = title ? main.slice(titleAt + 1) : main;
  const images = collectImages(rest);
  const header = readHeader(rest, page.fetchedAt);
  let paragraphs = trimWidgets(dropDuplicates(rest)).map((l) => l.text);
  const bodyChars = paragraphs.reduce((n, p) => n + p.length, 0);
  if (bodyChars < MIN_BODY_CHARS)
    return { kind: 'not-article', reason: 'extract: no article text in the dump', encoding };

  let dateline: string | null = null;
  let credit: string | null = null;
  const opening = findDateline(paragraphs[0]!);
  if (opening) ({ dateline, credit } = opening);
  const signOff = findSignOff(paragraphs[paragraphs.length - 1]!);
  if (signOff) {
    credit ??= signOff.credit;
    paragraphs = [...paragraphs.slice(0, -1), signOff.rest].filter((p) => p !== '');
  }
  const language = detectLanguage(paragraphs.join(' '));
  const related =
    marker < 0
      ? []
      : segmentRelated(
          lines.slice(marker + 1).map((l) => l.text),
          page.fetchedAt,
          language,
        );
  const article = makeArticle({ title, dateline, credit, language, images, paragraphs, ...header });
  return { kind: 'article', article, related, encoding };
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
 *  the last line of prose. Inside the body they stay: they are usually subheadings. */
function trimWidgets(lines: Line[]): Line[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !isProse(lines[start]!.text)) start++;
  while (end > start && !isProse(lines[end - 1]!.text)) end--;
  return lines.slice(start, end);
}

/** Lines of a byline (characters): longer "By ..." lines are sentences. */
const MAX_BYLINE_CHARS = 80;

/** The byline ("By Ana Lin") and the date ("Aug 20, 2025", "2 hours ago") printed between the
 *  title and the first paragraph; relative ages resolve against the fetch time. */
function readHeader(lines: Line[], fetchedAt: Date): { byline?: string; published?: string } {
  const out: { byline?: string; published?: string } = {};
  for (const l of lines) {
    if (l.cls === 'blank') continue;
    if (isProse(l.text)) break;
    const by = /^by\s+(.+)$/i.exec(l.text);
    if (by && l.text.length <= MAX_BYLINE_CHARS) out.byline ??= by[1]!.trim();
    const date =
      resolveRelativeAge(l.text, fetchedAt) ??
      parseAbsoluteDate(l.text.replace(/^(published|updated|posted)( on)?:?\s*/i, ''));
    if (date) out.published ??= date;
  }
  return out;
}
