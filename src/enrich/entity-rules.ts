// Our own entity rules, run beside the NLP tagger: wire agencies (the tagger rarely knows them),
// acronyms, and title-case multi-word names classified by their head word.
import type { Topic } from '../types.js';
import { NAME_CONNECTORS, isCapitalised, nameWords } from './names.js';

export interface RawEntity {
  kind: Topic['kind'];
  name: string;
}

/** Wire agencies and their aliases, canonical name first. Agencies are outlets too (DESIGN.md). */
const WIRE_AGENCIES: readonly (readonly string[])[] = [
  ['Reuters', 'REUTERS', 'Thomson Reuters'],
  ['Associated Press', 'AP'],
  ['Agence France-Presse', 'AFP', 'Agence France Presse'],
  ['PA Media', 'PA', 'Press Association'],
  ['dpa', 'DPA', 'Deutsche Presse-Agentur'],
  ['Bloomberg'],
  ['Xinhua'],
  ['Kyodo'],
  ['Interfax'],
  ['TASS', 'Tass'],
  ['ANSA'],
  ['EFE'],
  ['United Press International', 'UPI'],
];

const AGENCY_BY_ALIAS = new Map<string, string>(
  WIRE_AGENCIES.flatMap((names) => names.map((alias) => [alias, names[0]!] as [string, string])),
);

/** Case-sensitive whole-word patterns, so "AP" matches the agency and never "map" or "Ap". */
const AGENCY_PATTERNS: readonly [RegExp, string][] = [...AGENCY_BY_ALIAS].map(
  ([alias, canonical]) => [
    new RegExp(
      `(?<![\\p{L}\\p{N}])${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'u',
    ),
    canonical,
  ],
);

/** Acronyms that name places, not organisations. */
const PLACE_ACRONYMS = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'NYC', 'LA', 'DC']);

/** Capitalised words that are common sentence openers or calendar words, never entities. */
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'He',
  'She',
  'It',
  'They',
  'We',
  'I',
  'But',
  'And',
  'Or',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'TV',
  'OK',
  'CEO',
  'PM',
  'AM',
  'GMT',
  'UTC',
  'EDT',
  'EST',
  'BST',
  'CET',
]);

/** Head words that make a title-case phrase an organisation ("Bank of England"). */
const ORG_HEADS = new Set([
  'ministry',
  'council',
  'party',
  'bank',
  'company',
  'inc',
  'corp',
  'corporation',
  'ltd',
  'plc',
  'university',
  'college',
  'agency',
  'commission',
  'union',
  'association',
  'group',
  'court',
  'department',
  'committee',
  'organisation',
  'organization',
  'fund',
  'reserve',
  'army',
  'police',
  'service',
  'institute',
  'foundation',
  'federation',
  'authority',
  'office',
  'parliament',
  'senate',
  'congress',
  'assembly',
  'navy',
  'forces',
  'club',
  'league',
  'board',
  'network',
  'times',
  'post',
  'news',
  'journal',
  'magazine',
  'center',
  'centre',
  'hospital',
  'airlines',
]);

/** Head words that make a title-case phrase a place ("Orange County", "Red Sea"). */
const PLACE_HEADS = new Set([
  'city',
  'county',
  'province',
  'state',
  'island',
  'islands',
  'river',
  'sea',
  'ocean',
  'bay',
  'mountains',
  'mountain',
  'valley',
  'street',
  'square',
  'district',
  'region',
  'peninsula',
  'lake',
]);

/** Wire agencies named anywhere: credits like "(Reuters)" or "the Associated Press said". */
export function findAgencies(text: string): RawEntity[] {
  const found: RawEntity[] = [];
  for (const [pattern, canonical] of AGENCY_PATTERNS) {
    if (pattern.test(text)) found.push({ kind: 'organisation', name: canonical });
  }
  return found;
}

/** Upper-case acronyms of 2-6 letters ("NATO", "U.N.", "EU"), minus agencies and non-names. */
export function findAcronyms(text: string): RawEntity[] {
  const found: RawEntity[] = [];
  for (const match of text.matchAll(
    /(?<![\p{L}\p{N}.])(?:\p{Lu}\.){2,4}|(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu,
  )) {
    const raw = match[0];
    const bare = raw.replace(/\./g, '');
    if (NOT_NAMES.has(bare) || AGENCY_BY_ALIAS.has(bare) || AGENCY_BY_ALIAS.has(raw)) continue;
    // A shouted headline ("BREAKING NEWS") is not a run of acronyms.
    if (isInsideCapsRun(text, match.index ?? 0, raw.length)) continue;
    found.push({
      kind: PLACE_ACRONYMS.has(bare) ? 'place' : 'organisation',
      name: raw.includes('.') ? raw : bare,
    });
  }
  return found;
}

function isInsideCapsRun(text: string, start: number, length: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(start + length, start + length + 12);
  return /\p{Lu}{4,}\s+$/u.test(before) && /^\s+\p{Lu}{4,}/u.test(after);
}

/** Title-case phrases of two or more words whose head word says organisation or place. */
export function findTitleCasePhrases(text: string): RawEntity[] {
  const found: RawEntity[] = [];
  for (const match of text.matchAll(
    /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|for|and|the|de|&)\s+)?\p{Lu}[\p{L}'’.-]*)+/gu,
  )) {
    const words = nameWords(match[0]);
    while (words.length > 0 && NOT_NAMES.has(words[0]!)) words.shift();
    if (
      words.length < 2 ||
      !words.every((w) => isCapitalised(w) || NAME_CONNECTORS.has(w.toLowerCase()))
    )
      continue;
    const head = headWord(words);
    const kind = ORG_HEADS.has(head) ? 'organisation' : PLACE_HEADS.has(head) ? 'place' : null;
    if (kind) found.push({ kind, name: words.join(' ') });
  }
  return found;
}

/** English names put the head last, or before "of"/"for": "Orange County", "Bank of Valeria". */
function headWord(words: string[]): string {
  const of = words.findIndex((w) => w === 'of' || w === 'for');
  return (of > 0 ? words[of - 1]! : words[words.length - 1]!).toLowerCase();
}

/** The canonical agency name for an alias, if it is one ("AP" -> "Associated Press"). */
export function agencyName(name: string): string | undefined {
  return AGENCY_BY_ALIAS.get(name);
}

export function isNotName(word: string): boolean {
  return NOT_NAMES.has(word);
}
