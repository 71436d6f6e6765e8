// Publication times as printed on pages: relative ages ("12 minutes ago", "2 hrs ago",
// "yesterday"), absolute dates in ISO and common English forms, and dates inside URLs
// (/2025/08/20/). All return ISO 8601 UTC strings or null; the clock is a parameter.

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  mo: 30 * 86_400_000,
  y: 365 * 86_400_000,
};

const RELATIVE_AGE =
  /^(?:about\s+|around\s+)?(\d{1,4}|an?|one)\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)\s+ago\.?$/i;

/** Whether a line is just a relative age ("12 minutes ago", "just now", "yesterday"). */
export function isRelativeAge(line: string): boolean {
  return relativeAgeMs(line) !== null;
}

/** The age in milliseconds a relative-age phrase stands for, or null when it is not one. */
export function relativeAgeMs(phrase: string): number | null {
  const s = phrase.trim();
  if (/^(just now|moments? ago|now)$/i.test(s)) return 0;
  if (/^yesterday$/i.test(s)) return UNIT_MS.d!;
  const m = RELATIVE_AGE.exec(s);
  if (!m) return null;
  const n = /^\d/.test(m[1]!) ? Number(m[1]) : 1;
  return n * UNIT_MS[unitKey(m[2]!.toLowerCase())]!;
}

function unitKey(unit: string): string {
  if (unit.startsWith('mo')) return 'mo';
  if (unit.startsWith('mi') || unit === 'm') return 'm';
  return unit[0]!;
}

/** Resolves a relative age against a reference time ("12 minutes ago" at `at`). */
export function resolveRelativeAge(phrase: string, at: Date): string | null {
  const ms = relativeAgeMs(phrase);
  if (ms === null || !Number.isFinite(at.getTime())) return null;
  return new Date(at.getTime() - ms).toISOString();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month names of the languages we read (English, German, French, Spanish, Italian, Portuguese,
 *  Dutch), each list in calendar order. A printed name matches when it starts a name here with
 *  at least three letters ("Sept", "févr.", "dic"): no two months share such a start. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'januar', 'jänner', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari'],
  ['february', 'februar', 'février', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['march', 'märz', 'mars', 'marzo', 'março', 'maart'],
  ['april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei'],
  ['june', 'juni', 'juin', 'junio', 'giugno', 'junho'],
  ['july', 'juli', 'juillet', 'julio', 'luglio', 'julho'],
  ['august', 'août', 'agosto', 'augustus'],
  ['september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro'],
  ['october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dezember', 'décembre', 'diciembre', 'dicembre', 'dezembro'],
];

/** Parses an absolute date: ISO 8601 (with or without zone), "Aug 20, 2025", "20 August 2025",
 *  "20. August 2025", "20 de agosto de 2025", "1er mars 2025", "2025年8月20日", "2025/08/20",
 *  "20.08.2025", and "20/08/2025" when the day cannot be the month. A date without a zone is
 *  taken as UTC. Returns ISO or null. */
export function parseAbsoluteDate(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      s,
    );
  if (iso) return fromIso(iso);
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (ymd) return utc(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const cjk = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/.exec(s);
  if (cjk) return utc(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]));
  const mdy = /(?<!\p{L})(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/u.exec(s);
  if (mdy && monthNumber(mdy[1]!) > 0)
    return utc(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
  const dmy =
    /\b(\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b/u.exec(
      s,
    );
  if (dmy && monthNumber(dmy[2]!) > 0)
    return utc(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
  const dotted = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(s);
  if (dotted) return utc(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const slashed = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(s);
  if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    // 03/04/2026 is March 4 in the US and 3 April elsewhere: only an unambiguous one counts.
    if (a > 12 || a === b) return utc(Number(slashed[3]), b, a);
    if (b > 12) return utc(Number(slashed[3]), a, b);
  }
  return null;
}

function fromIso(m: RegExpExecArray): string | null {
  const [, y, mo, d, h = '00', mi = '00', sec = '00', zone] = m;
  const z = !zone
    ? 'Z'
    : zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  if (utc(Number(y), Number(mo), Number(d)) === null) return null; // rejects 2025-02-30
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}${z}`);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** 1-12 for a month name or its abbreviation in one of MONTH_NAMES' languages, else 0. */
function monthNumber(name: string): number {
  const w = name.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  const english = MONTHS.indexOf(w.slice(0, 3));
  if (english >= 0 && MONTH_NAMES[english]![0]!.startsWith(w)) return english + 1;
  const i = MONTH_NAMES.findIndex((names) => names.some((n) => n.startsWith(w)));
  return i + 1;
}

function utc(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDate() === d ? date.toISOString() : null;
}

/** A date written into a URL path: /2025/08/20/ or /2025-08-20/ or /20250820/. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m =
    /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(url) ??
    /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(url);
  return m ? utc(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** How far after the reference time a dated dateline may be (days): a story datelined
 *  tomorrow was written in another time zone; further ahead, it is last year's. */
const DATELINE_LEAD_DAYS = 2;

/** The date a wire dateline prints ("VALDORA, March 3 (Meridian) -", "PARIS, 20 Aug (AFP)"),
 *  in the year that puts it at or just before `at` (datelines omit the year). */
export function dateFromDateline(dateline: string | null, at: Date): string | null {
  if (!dateline || !Number.isFinite(at.getTime())) return null;
  const m =
    /,\s*([A-Za-z]{3,9})\.?\s+(\d{1,2})\b(?:,?\s+(\d{4}))?/.exec(dateline) ??
    /,\s*(\d{1,2})\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?/.exec(dateline);
  if (!m) return null;
  const [month, day] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
  const mo = monthNumber(month);
  if (mo < 1) return null;
  if (m[3]) return utc(Number(m[3]), mo, Number(day));
  const year = at.getUTCFullYear();
  const same = utc(year, mo, Number(day));
  if (!same) return null;
  const ahead = Date.parse(same) - at.getTime();
  return ahead > DATELINE_LEAD_DAYS * 86_400_000 ? utc(year - 1, mo, Number(day)) : same;
}
