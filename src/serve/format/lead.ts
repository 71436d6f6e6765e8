// A story's summary line on lists: the first sentence of its first article, without the wire
// dateline ("PORT ELWYN, Nov 22 (Lantern Wire) -"), which repeats what the list already says.

/** Longest summary line (characters); longer first sentences are cut at a word. */
export const LEAD_LINE_CHARS = 220;

/**
 * An upper-case place, an optional date and agency, then a dash: Reuters and AP style
 * datelines. Only at the very start, and only up to 80 characters, so body text is never cut.
 */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40},?(?: [^-–—\n]{0,40})? [-–—]+ /u;

/** `text` without a leading wire dateline, whitespace flattened. */
export function withoutDateline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(DATELINE, '');
}

/** The first sentence of `text` (dateline removed), cut at a word boundary if long. */
export function leadLine(text: string): string {
  const flat = withoutDateline(text);
  // A sentence ends at . ! ? followed by a space and a capital or quote; abbreviations like
  // "Mr." or "U.S." may end it early, which only makes the line shorter.
  const end = flat.search(/[.!?]["”’)]?\s+(?=[\p{Lu}"“‘(])/u);
  const sentence = end >= 0 ? flat.slice(0, end + 1).replace(/\s+$/, '') : flat;
  if (sentence.length <= LEAD_LINE_CHARS) return sentence;
  const cut = sentence.slice(0, LEAD_LINE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > LEAD_LINE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}
