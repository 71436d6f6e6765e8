// Names each word edit. Checked from the most specific to the most general; the first rule that
// explains the whole run wins: typography < house style < spelling < honorific < credit line <
// date rewrite < changed quote < changed number < other.
import { isSpellingVariant } from './diff-spelling.js';
import type { Token } from './diff-tokens.js';
import { withoutTypography } from './diff-tokens.js';
import type { EditKind } from './diff-types.js';

const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame']);

/** Phrases that house styles write one way or the other; compared as whole key runs. */
const HOUSE_STYLE_PHRASES: readonly [RegExp, string][] = [
  [/\bunited states\b/g, 'us'],
  [/\bunited kingdom\b/g, 'uk'],
  [/\beuropean union\b/g, 'eu'],
  [/\bper cent\b/g, 'percent'],
  [/\bu s\b/g, 'us'],
];

const WEEKDAY =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight)s?$/;
const MONTH =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(uary|ruary|ch|il|e|y|ust|tember|ober|ember)?$/;
const DAY_NUMBER = /^\d{1,2}(st|nd|rd|th)?$/;
const NUMBER =
  /\d|^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)$/;

export function classifyEdit(before: readonly Token[], after: readonly Token[]): EditKind {
  const b = before.map((t) => t.key);
  const a = after.map((t) => t.key);
  if (sameKeys(b, a)) return classifyRestyle(before, after);
  if (houseStyle(b) === houseStyle(a)) return 'house-style';
  if (b.length === a.length && b.every((k, i) => k === a[i] || isSpellingVariant(k, a[i]!)))
    return 'spelling';
  if (honorificOnly(b, a)) return 'honorific';
  if (creditOnly(b, a)) return 'credit-line';
  if (hasDate(b) || hasDate(a)) return 'date-rewrite';
  if (before.some((t) => t.quoted) || after.some((t) => t.quoted)) return 'changed-quote';
  if (b.some((k) => NUMBER.test(k)) || a.some((k) => NUMBER.test(k))) return 'changed-number';
  return 'other';
}

/** Kind of a run whose keys are equal but raw text differs (NATO/Nato, "/“). */
export function classifyRestyle(before: readonly Token[], after: readonly Token[]): EditKind {
  return sameText(before, after) ? 'typography' : 'house-style';
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** Equal once quotes, dashes and surrounding punctuation are set aside (case and dots count). */
function sameText(before: readonly Token[], after: readonly Token[]): boolean {
  const norm = (ts: readonly Token[]) =>
    ts.map((t) => withoutTypography(t.raw).replace(EDGE, '')).join(' ');
  return norm(before) === norm(after);
}

function houseStyle(keys: readonly string[]): string {
  let text = keys.join(' ');
  for (const [pattern, replacement] of HOUSE_STYLE_PHRASES)
    text = text.replace(pattern, replacement);
  return text;
}

function honorificOnly(before: readonly string[], after: readonly string[]): boolean {
  const strip = (ks: readonly string[]) => ks.filter((k) => !HONORIFICS.has(k));
  const b = strip(before);
  const a = strip(after);
  return (b.length !== before.length || a.length !== after.length) && sameKeys(b, a);
}

/**
 * News agencies whose name alone, added or dropped, is a credit line or sign-off ("... land
 * grab. REUTERS", "(AP) -"). The world's wire services and the large national agencies.
 */
const AGENCIES = new Set([
  'reuters',
  'ap',
  'afp',
  'dpa',
  'pa',
  'ani',
  'pti',
  'ians',
  'xinhua',
  'kyodo',
  'yonhap',
  'efe',
  'ansa',
  'aap',
  'upi',
  'bernama',
  'antara',
  'tass',
  'ria',
  'anadolu',
  'bloomberg',
  'apa',
  'ats',
  'belga',
  'anp',
  'tt',
  'ntb',
  'ritzau',
  'stt',
  'ctk',
  'pap',
  'mti',
  'hina',
  'cna',
  'ap/reuters',
]);
/** Words that may stand beside an agency name in a credit ("Photo: Reuters", "with AFP"). */
const CREDIT_WORDS = new Set([
  'photo',
  'photos',
  'source',
  'via',
  'with',
  'and',
  'by',
  'agencies',
  'wire',
  'wires',
]);

/** Dashes that end a dateline ("VELMORA, March 2 (Reuters) -"). */
const DATELINE_DASHES = new Set(['-', '--', '\u2013', '\u2014']);

/**
 * One side empty, the other an agency credit: a sign-off ("REUTERS", "Photo: AFP") or a
 * dateline naming an agency and ending in a dash ("VELMORA (AP) -").
 */
function creditOnly(before: readonly string[], after: readonly string[]): boolean {
  const run = before.length === 0 ? after : after.length === 0 ? before : null;
  if (run === null || run.length === 0) return false;
  const words = run.filter((k) => /[\p{L}\p{N}]/u.test(k));
  if (!words.some((k) => AGENCIES.has(k))) return false;
  const dateline = DATELINE_DASHES.has(run[run.length - 1]!);
  return dateline || words.every((k) => AGENCIES.has(k) || CREDIT_WORDS.has(k));
}

function hasDate(keys: readonly string[]): boolean {
  return keys.some((k, i) => {
    if (WEEKDAY.test(k)) return true;
    // A month counts only next to a day number ("Aug 19", "19 August"): "may" and "march" are
    // also common words.
    if (!MONTH.test(k)) return false;
    return DAY_NUMBER.test(keys[i + 1] ?? '') || DAY_NUMBER.test(keys[i - 1] ?? '');
  });
}
