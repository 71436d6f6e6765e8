// The first and last lines of a container often carry metadata printed as text (the date, a
// "By ..." line, "Updated 3 hours ago") or a closing widget label; they are not body text.
import { isRelativeAge, parseAbsoluteDate } from '../dates.js';

/** Metadata lines are short (characters); longer ones may be a sentence that mentions a date. */
const MAX_META_LINE_CHARS = 80;
/** A line holding a date and little else (characters): "Tuesday, Nov. 19, 2019, 8:41 AM UTC". */
const MAX_DATE_LINE_CHARS = 40;
/** Lines examined at each end of the body. */
const EDGE_LINES = 3;

const META_LINE = [
  /^(by|von|par|por|di)\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|and|&|,|de|van|von)){0,6}$/u, // "By Iver Quell"
  /^(published|updated|posted|last (updated|modified)|first published)\b/i,
  /^\d+\s*(min(ute)?s?|mins?)\s+read$/i,
  /^(share|advertisement|advertising|sponsored|read more|continue reading)\b.{0,30}$/i,
];

/** The page's own address printed above or below the body (any length). */
const URL_LINE = /^https?:\/\/\S+$/i;

/** "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated ...": a byline with its date. */
const BYLINE_WITH_DATE = /^by\s.{1,60}\b(\d{4}|updated|published)\b/i;
/** Longest byline-and-date line (characters). */
const MAX_BYLINE_DATE_CHARS = 160;

function isMetaLine(p: string): boolean {
  if (URL_LINE.test(p)) return true;
  if (p.length <= MAX_BYLINE_DATE_CHARS && BYLINE_WITH_DATE.test(p)) return true;
  if (p.length > MAX_META_LINE_CHARS) return false;
  if (META_LINE.some((re) => re.test(p))) return true;
  const noWeekday = p.replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i, '');
  return (
    isRelativeAge(p) || (p.length <= MAX_DATE_LINE_CHARS && parseAbsoluteDate(noWeekday) !== null)
  );
}

/** A short unpunctuated line before the first sentence is a label or a byline ("Robert Burns,
 *  AP National Security Writer"), not the start of the story: at most this many characters... */
const MAX_LABEL_CHARS = 60;
/** ...and words. */
const MAX_LABEL_WORDS = 8;

function isLabel(p: string): boolean {
  return (
    p.length <= MAX_LABEL_CHARS &&
    !/[.!?:;"”…)]$/.test(p) &&
    p.split(/\s+/).length <= MAX_LABEL_WORDS
  );
}

/** The header (kicker, standfirst, byline, date) is looked for in this many opening lines... */
const HEADER_LINES = 10;
/** ...none of them longer than this (characters): a longer one is already the story. */
const MAX_HEADER_LINE_CHARS = 250;
/** A line that opens with the page's byline is the byline block up to this many characters:
 *  "Marta Quill Transport Correspondent Wednesday 4 March 2026, 8:30am". */
const MAX_BYLINE_BLOCK_CHARS = 160;

/** Drops the metadata lines and labels at both ends of the body. When a byline or date line
 *  stands among the first few lines and only unpunctuated lines come before it, those are header
 *  too (kicker, repeated headline, standfirst). `byline` is the byline read from the page's metadata. */
export function trimEdges(paragraphs: string[], byline: string | null = null): string[] {
  let start = 0;
  let end = paragraphs.length;
  const isByline = (p: string): boolean =>
    !!byline && byline.length >= 3 && p.startsWith(byline) && p.length <= MAX_BYLINE_BLOCK_CHARS;
  for (let i = 0; i < Math.min(HEADER_LINES, end - 1); i++) {
    const p = paragraphs[i]!;
    if (isMetaLine(p) || isByline(p)) start = i + 1;
    else if (p.length > MAX_HEADER_LINE_CHARS || /[.!?"”…。！？]$/.test(p)) break; // a sentence: the story
  }
  const head = (p: string): boolean => isMetaLine(p) || isLabel(p) || isByline(p);
  while (start < end - 1 && start < EDGE_LINES && head(paragraphs[start]!)) start++;
  while (end > start && paragraphs.length - end < EDGE_LINES && isMetaLine(paragraphs[end - 1]!))
    end--;
  return paragraphs.slice(start, end);
}

/** "By Ana Lin", "From Meridian Press wire reports": a byline printed as a line of the header. */
const BYLINE_LINE =
  /^(?:(?:by|von|par|por|di)\s+(\p{Lu}[^.!?]{1,60}?)|from\s+(?:the\s+)?(\p{Lu}[^.!?]{1,60}?)\s+(?:wire reports|wire services|reports|staff))$/iu;

/** The byline printed among the opening lines, for pages whose metadata names none. */
export function bylineFromLines(paragraphs: string[]): string | null {
  for (const p of paragraphs.slice(0, HEADER_LINES)) {
    if (/[.!?"”…。！？]$/.test(p)) return null; // the story has started
    const m = BYLINE_LINE.exec(p);
    if (m) return (m[1] ?? m[2]!).trim();
  }
  return null;
}
