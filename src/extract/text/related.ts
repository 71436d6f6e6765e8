// Aggregator segmentation: after a "Related Articles" marker, items follow the shape
//   outlet line / relative age line ("12 minutes ago") / optional "- outlet" line /
//   headline line / body lines
// and each becomes an Article attributed to its own outlet.
import type { Article } from '../../types.js';
import { makeArticle } from '../article.js';
import {
  dateFromDateline,
  isRelativeAge,
  parseAbsoluteDate,
  resolveRelativeAge,
} from '../dates.js';
import { readWire } from '../wire.js';
import { classifyLine } from './clutter.js';

/** An outlet name line is short: longer lines are prose, not a name. (Characters; the longest
 *  outlet names we know, "The Times of India | Economic Times", are under 40.) */
const MAX_OUTLET_CHARS = 60;

/** An item's date line is just the date (characters): "Wednesday, 20 August 2025, 10:14". */
const MAX_DATE_LINE_CHARS = 40;

export function segmentRelated(
  lines: string[],
  fetchedAt: Date,
  language: string | null,
): Article[] {
  const nonBlank = lines.filter((l) => l !== '' && classifyLine(l) !== 'clutter');
  const starts: number[] = [];
  for (let i = 1; i < nonBlank.length; i++) {
    if (isItemAge(nonBlank[i]!) && nonBlank[i - 1]!.length <= MAX_OUTLET_CHARS) starts.push(i - 1);
  }
  const items: Article[] = [];
  for (let k = 0; k < starts.length; k++) {
    const item = parseItem(
      nonBlank.slice(starts[k], starts[k + 1] ?? nonBlank.length),
      fetchedAt,
      language,
    );
    if (item) items.push(item);
  }
  return items;
}

function isItemAge(line: string): boolean {
  return (
    isRelativeAge(line) || (line.length <= MAX_DATE_LINE_CHARS && parseAbsoluteDate(line) !== null)
  );
}

function parseItem(block: string[], fetchedAt: Date, language: string | null): Article | null {
  const [outlet, age] = block;
  if (!outlet || !age) return null;
  let i = 2;
  if (block[i] && /^[-–—]\s*\S/.test(block[i]!) && block[i]!.length <= MAX_OUTLET_CHARS) i++;
  const title = block[i] ?? null;
  const paragraphs = block.slice(i + 1);
  if (!title || paragraphs.length === 0) return null;
  const wire = readWire(paragraphs);
  return makeArticle({
    title,
    outlet,
    published:
      resolveRelativeAge(age, fetchedAt) ??
      parseAbsoluteDate(age) ??
      dateFromDateline(wire.dateline, fetchedAt),
    dateline: wire.dateline,
    credit: wire.credit,
    language,
    paragraphs: wire.paragraphs,
  });
}
