// Cleaning of raw entity spans: what NLP taggers and capitalisation rules return is noisy
// ("(Reuters) - The Straits Times", "Ukraine's", "Kyiv."), so every span passes through here.

/** Honorifics and titles dropped from the front of a person's name ("Mr Trump" -> "Trump"). */
const PERSON_PREFIXES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'rev',
  'president',
  'vice',
  'prime',
  'minister',
  'chancellor',
  'governor',
  'gov',
  'senator',
  'sen',
  'rep',
  'representative',
  'mayor',
  'judge',
  'justice',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'general',
  'gen',
  'col',
  'colonel',
  'captain',
  'capt',
  'lt',
  'sgt',
  'officer',
  'secretary',
  'chairman',
  'chief',
  'ceo',
  'director',
  'coach',
  'actor',
  'actress',
  'singer',
  'star',
  'former',
  'late',
  'deputy',
  'foreign',
  'defence',
  'defense',
  'sheriff',
  'detective',
]);

/** Words that may sit inside a multi-word name without a capital ("Bank of England"). */
export const NAME_CONNECTORS = new Set([
  'of',
  'for',
  'and',
  'de',
  'du',
  'la',
  'von',
  'van',
  'al',
  'bin',
  'the',
  '&',
]);

const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;
const POSSESSIVE = /['’]s?$/;

/** Splits a span into clean words: punctuation trimmed, possessives dropped. */
export function nameWords(span: string): string[] {
  return span
    .replace(LEADING_ARTICLE, '')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(POSSESSIVE, ''))
    .map((w) =>
      /^\p{L}[\p{L}'’-]*\.$/u.test(w) && !/^(?:\p{Lu}\.)+$/u.test(w) ? w.slice(0, -1) : w,
    )
    .filter((w) => w.length > 0);
}

/** True for a word that starts with a capital letter or a digit-free all-caps acronym. */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * Cleans a span into a display name, or null when nothing name-like remains. Spans cut at
 * punctuation that never sits inside a name (parentheses, dashes, commas), keeping the longest
 * capitalised run.
 */
export function cleanName(span: string, kind: 'person' | 'organisation' | 'place'): string | null {
  const pieces = span.split(/[(),;:!?"“”]|\s[-–—]\s/);
  let best: string[] = [];
  for (const piece of pieces) {
    let words = nameWords(piece);
    if (kind === 'person') {
      while (words.length > 1 && PERSON_PREFIXES.has(words[0]!.toLowerCase().replace(/\.$/, '')))
        words = words.slice(1);
    }
    while (words.length > 0 && !isCapitalised(words[0]!)) words = words.slice(1);
    while (words.length > 0 && !isCapitalised(words[words.length - 1]!)) words = words.slice(0, -1);
    if (words.some((w) => !isCapitalised(w) && !NAME_CONNECTORS.has(w.toLowerCase()))) continue;
    if (words.length > best.length) best = words;
  }
  if (best.length === 0) return null;
  if (kind === 'person' && PERSON_PREFIXES.has(best[0]!.toLowerCase())) return null;
  const name = best.join(' ');
  return name.length >= 2 ? name : null;
}
