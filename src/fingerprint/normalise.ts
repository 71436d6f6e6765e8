// Text normalisation for copy detection: two copies of one wire text must normalise to the same
// words despite house style. Unicode NFKC folds compatibility forms (ligatures, full-width
// digits, non-breaking spaces); lower-casing folds acronym style (NATO/Nato); quotes and dashes
// are unified before punctuation is dropped; dotted abbreviations lose their dots (U.S. -> us)
// so "U.S." and "US" agree; digit-group separators go (1,200 -> 1200); an apostrophe inside a
// word is removed rather than split on (Trump's -> trumps), so it cannot create a stray token.
// This is the readable reference; fingerprints use the one-pass scanWords (scan.ts), which
// must stay in agreement with it (scan.test.ts checks).

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
/** Two or more single letters each followed by a dot: "u.s.", "u.k.", "a.m.". */
const DOTTED_ABBREVIATION = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu;
/** A thousands comma between digits: "1,200" (NFKC has already turned no-break spaces into spaces). */
const DIGIT_GROUP = /(?<=\d),(?=\d{3}(?!\d))/g;
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])'(?=\p{L})/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Normalised text: lower-case words separated by single spaces, no punctuation. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(DOTTED_ABBREVIATION, (m) => m.replaceAll('.', ''))
    .replace(DIGIT_GROUP, '')
    .replace(INNER_APOSTROPHE, '')
    .replace(NOT_WORD, ' ')
    .trim();
}

/** The words of a normalised text (empty for an empty text). */
export function normalisedWords(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}
