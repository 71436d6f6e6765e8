// Wire-agency conventions, read generically: the dateline that opens a wire story ("MOSCOW,
// Aug 20 (Reuters) -", "VALDORA (Meridian) —", "RIVERMOUTH —"), the sign-off some outlets print
// at the end of wire copy ("... land grab. REUTERS", a last line "AFP/Reuters"), bylines that name
// an agency ("By Ana Lin, Reuters", "Associated Press") and JSON-LD / <meta> authors or publishers
// that are agencies. The dateline and sign-off shapes are typographic, so an agency we have never
// heard of is still found there; bylines and metadata only count when they name a known agency
// (a byline names people and outlets far more often than agencies).

/** Agency names as printed, mapped to the credit we store. Keys are lower-case. */
const AGENCIES: Record<string, string> = {
  reuters: 'Reuters',
  'thomson reuters': 'Reuters',
  ap: 'AP',
  'associated press': 'AP',
  'the associated press': 'AP',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  pa: 'PA',
  'pa media': 'PA',
  'press association': 'PA',
  dpa: 'dpa',
  'deutsche presse-agentur': 'dpa',
  bloomberg: 'Bloomberg',
  upi: 'UPI',
  ians: 'IANS',
  pti: 'PTI',
  ani: 'ANI',
  xinhua: 'Xinhua',
  ansa: 'ANSA',
  efe: 'EFE',
  'europa press': 'Europa Press',
  kyodo: 'Kyodo',
  'kyodo news': 'Kyodo',
  jiji: 'Jiji',
  yonhap: 'Yonhap',
  aap: 'AAP',
  'canadian press': 'The Canadian Press',
  'the canadian press': 'The Canadian Press',
  anp: 'ANP',
  belga: 'Belga',
  apa: 'APA',
  tass: 'TASS',
  interfax: 'Interfax',
  bernama: 'Bernama',
  antara: 'Antara',
  epa: 'EPA',
  'epa-efe': 'EPA',
  kna: 'KNA',
  sda: 'SDA',
  'keystone-sda': 'SDA',
};

export function creditFor(agency: string): string | null {
  return AGENCIES[agency.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

// ---- Datelines --------------------------------------------------------------------------

/** The city of a dateline, in capitals: "MOSCOW", "ST. JOSEPH", "SÃO PAULO". */
const CITY = String.raw`\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}?`;
/** Up to two regions after it: ", Calif.", ", S.C.", ", New Mexico". */
const REGION = String.raw`(?:,\s*\p{Lu}[\p{L}.]{0,20}(?:\s\p{Lu}[\p{L}.]{1,20})?){0,2}`;
/** An optional date: ", Aug 20", ", March 3", ", 20 August", ", Aug. 20, 2025". */
const DATE = String.raw`(?:,?\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+\p{L}{3,9}\.?)(?:,?\s+\d{4})?)?`;
/** The agency in parentheses: one to three names ("Reuters", "dpa", "AFP/Reuters"). */
const AGENCY = String.raw`\(\s*([\p{L}][\p{L}\p{N}&.'’ -]{0,30}?(?:\s*[/,]\s*[\p{L}][\p{L}\p{N}&.'’ -]{0,30}?){0,2})\s*\)`;

const DATELINE_WITH_AGENCY = new RegExp(
  String.raw`^(${CITY}${REGION}${DATE}\s*${AGENCY}\s*[-–—:]+)\s*`,
  'u',
);
/** Without an agency the dash must stand between spaces: "RIVERMOUTH — Zoë Marchetti ...". */
const DATELINE_PLAIN = new RegExp(String.raw`^(${CITY}${REGION}${DATE}\s+[-–—]{1,2})\s+\S`, 'u');
/** Capitalised openers that are labels, not places. */
const NOT_A_CITY =
  /^(UPDATE[DS]?|BREAKING|EDITOR'?S NOTE|NOTE|CORRECTION|CLARIFICATION|WATCH|LISTEN|READ|ANALYSIS|OPINION|EXCLUSIVE|LIVE|FACT CHECK|WARNING|SPOILERS?|FILE|PHOTO|VIDEO)\b/;
/** A city of at least this many capital letters (a single capital opens an ordinary sentence). */
const MIN_CITY_LETTERS = 2;

export interface Dateline {
  dateline: string;
  /** The agency named in the dateline, mapped to our credit name when known; null if none. */
  credit: string | null;
  /** The paragraph after the dateline. */
  rest: string;
}

/** The dateline at the start of a paragraph and its agency, with the rest of the paragraph. */
export function findDateline(paragraph: string): Dateline | null {
  const head = paragraph.slice(0, 160);
  if (NOT_A_CITY.test(head)) return null;
  const m = DATELINE_WITH_AGENCY.exec(head);
  if (m && cityLetters(m[1]!) >= MIN_CITY_LETTERS) {
    const first = m[2]!.split(/\s*[/,]\s*/)[0]!.trim();
    return {
      dateline: m[1]!.trim(),
      credit: creditFor(first) ?? first,
      rest: paragraph.slice(m[0].length),
    };
  }
  const p = DATELINE_PLAIN.exec(head);
  if (p && cityLetters(p[1]!) >= MIN_CITY_LETTERS + 1) {
    const dateline = p[1]!.trim();
    return { dateline, credit: null, rest: paragraph.slice(p[1]!.length).trim() };
  }
  return null;
}

function cityLetters(dateline: string): number {
  return /^[\p{Lu}\p{M}]+/u.exec(dateline)?.[0].length ?? 0;
}

/** Paragraphs searched for a dateline: outlets often put a new lead above the wire copy. */
const DATELINE_PARAGRAPHS = 3;

// ---- Sign-offs and credit lines ---------------------------------------------------------

/** Capitalised words that close a story without being a credit. */
const NOT_AN_AGENCY = new Set([
  'END',
  'ENDS',
  'MORE',
  'UPDATE',
  'UPDATED',
  'NOTE',
  'TOP',
  'CORRECTION',
]);

/** One agency as printed in a sign-off: a known name in any case, or a word in capitals. */
const SIGN_NAME = String.raw`(?:\p{L}[\p{L}.'’-]*(?:\s\p{L}[\p{L}.'’-]*){0,2})`;
const SIGN_LIST = String.raw`${SIGN_NAME}(?:\s*(?:[,/&]|\band\b)\s*${SIGN_NAME}){0,3}`;
/** "... land grab. REUTERS": capitals after the last sentence of a paragraph. */
const TRAILING_SIGN_OFF = new RegExp(
  String.raw`(?<=[.!?"”’')\]])\s+(\p{Lu}[\p{Lu}.'’-]+(?:\s*(?:[,/&]|\s)\s*\p{Lu}[\p{Lu}.'’-]+){0,3})\s*$`,
  'u',
);
/** A line of its own: "MERIDIAN", "Reuters/AFP", "(AP)", "— AFP", "AFP, REUTERS". */
const CREDIT_LINE = new RegExp(String.raw`^[(\[—–-]?\s*(${SIGN_LIST})\s*[)\]]?$`, 'u');
/** Characters at the end of a paragraph searched for a trailing sign-off. */
const SIGN_OFF_TAIL_CHARS = 200;
/** Longest credit line (characters). */
const MAX_CREDIT_LINE_CHARS = 40;

/** The agencies a sign-off or credit line names, or null when one of them is not agency-like:
 *  each must be a known agency or written in capitals (the house style of sign-offs). */
function signOffCredit(list: string): string | null {
  const names = list
    .split(/\s*(?:[,/&]|\band\b)\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) return null;
  for (const n of names) {
    const known = creditFor(n);
    if (known) continue;
    if (!/^[\p{Lu}.'’ -]+$/u.test(n) || n.replace(/\W/g, '').length < 2) return null;
    if (NOT_AN_AGENCY.has(n)) return null;
  }
  const first = names[0]!;
  return creditFor(first) ?? titleCase(first);
}

/** "MERIDIAN" -> "Meridian"; acronyms up to four letters stay ("AFP"). */
function titleCase(name: string): string {
  if (name.replace(/\W/g, '').length <= 4) return name;
  return name.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
}

/** A trailing agency sign-off ("... land grab. REUTERS") and the paragraph without it. */
export function findSignOff(paragraph: string): { credit: string; rest: string } | null {
  const line = creditLine(paragraph);
  if (line) return { credit: line, rest: '' };
  // Only the paragraph's end can hold a sign-off: searching the tail keeps a 20 MB paragraph cheap.
  const from = Math.max(0, paragraph.length - SIGN_OFF_TAIL_CHARS);
  const m = TRAILING_SIGN_OFF.exec(paragraph.slice(from));
  if (!m) return null;
  const credit = signOffCredit(m[1]!);
  return credit ? { credit, rest: paragraph.slice(0, from + m.index).trimEnd() } : null;
}

/** The credit of a paragraph that is only an agency credit ("MERIDIAN", "(AP)", "Reuters/AFP"). */
export function creditLine(paragraph: string): string | null {
  if (paragraph.length > MAX_CREDIT_LINE_CHARS) return null;
  const m = CREDIT_LINE.exec(paragraph.trim());
  return m ? signOffCredit(m[1]!) : null;
}

// ---- Bylines and metadata ---------------------------------------------------------------

/** The known agency a byline names: "By Ana Lin, Reuters", "Reuters Staff", "Associated
 *  Press", "Ana Lin | AFP", "From Reuters wire reports". */
export function creditFromByline(byline: string | null): string | null {
  if (!byline) return null;
  for (const part of byline.split(/\s*(?:[,|/;&]|\band\b|\bwith\b|\s[—–-]\s)\s*/i)) {
    const name = part
      .replace(/^(by|from|von|par|por|di)\s+/i, '')
      .replace(
        /\s+(staff|staff writers?|reporters?|wire reports|wire services?|reports|news service)$/i,
        '',
      )
      .trim();
    const credit = creditFor(name);
    if (credit) return credit;
  }
  return null;
}

// ---- All together -----------------------------------------------------------------------

export interface WireReading {
  dateline: string | null;
  credit: string | null;
  /** The paragraphs without a closing sign-off or credit line. */
  paragraphs: string[];
}

/** Other places that may name the agency, least reliable last. */
export interface WireHints {
  byline?: string | null;
  /** JSON-LD / <meta> author and publisher names. */
  authors?: (string | null | undefined)[];
}

/**
 * Dateline and credit of a body, in order of trust: the dateline (the agency as the story
 * prints it), a sign-off or credit line closing the body, the byline, then the metadata's
 * author or publisher when it is a known agency. The sign-off is cut from the paragraphs; the
 * dateline stays (it is part of the lead as published).
 */
export function readWire(paragraphs: string[], hints: WireHints = {}): WireReading {
  let dateline: Dateline | null = null;
  for (const p of paragraphs.slice(0, DATELINE_PARAGRAPHS)) {
    dateline = findDateline(p);
    if (dateline) break;
  }
  let out = paragraphs;
  let signed: string | null = null;
  const last = paragraphs.length - 1;
  if (last >= 1) {
    const off = findSignOff(paragraphs[last]!);
    if (off) {
      signed = off.credit;
      out = [...paragraphs.slice(0, last), off.rest].filter((p) => p !== '');
    }
  }
  const credit =
    dateline?.credit ??
    signed ??
    creditFromByline(hints.byline ?? null) ??
    (hints.authors ?? []).map((a) => (a ? creditFromByline(a) : null)).find(Boolean) ??
    null;
  return { dateline: dateline?.dateline ?? null, credit, paragraphs: out };
}
