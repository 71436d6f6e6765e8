// US/UK spelling pairs by rule, not by dictionary: both words are mapped to a US-style stem and
// compared, so a pair counts only when the two words differ and meet in that stem (neighbor /
// neighbour, defense / defence, organize / organise, center / centre, traveled / travelled).
// Rules after the Oxford and Merriam-Webster notes on British and American spelling.

const RULES: readonly [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|hood|hoods|able|ful|less)?$/, 'or$1'],
  [/ence(s)?$/, 'ense$1'],
  [/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ogue(s)?$/, 'og$1'],
  [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
  [/ae/, 'e'],
  [/oe/, 'e'],
];

/** Whole-word pairs no rule covers (UK -> US). */
const WORDS: Readonly<Record<string, string>> = {
  programme: 'program',
  programmes: 'programs',
  grey: 'gray',
  aluminium: 'aluminum',
  tyre: 'tire',
  tyres: 'tires',
  cheque: 'check',
  cheques: 'checks',
  jewellery: 'jewelry',
  sceptic: 'skeptic',
  sceptical: 'skeptical',
  plough: 'plow',
  kerb: 'curb',
  pyjamas: 'pajamas',
  mould: 'mold',
};

export function usStem(word: string): string {
  const known = WORDS[word];
  if (known !== undefined) return known;
  let stem = word;
  for (const [pattern, replacement] of RULES) stem = stem.replace(pattern, replacement);
  return stem;
}

/** True when two different lower-case words are US/UK spellings of one word. */
export function isSpellingVariant(a: string, b: string): boolean {
  return a !== b && a.length > 3 && b.length > 3 && usStem(a) === usStem(b);
}
