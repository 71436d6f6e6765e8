// ASCII slugs and folded comparison forms for entity names. Both are pure string functions so
// topic keys stay stable across runs, machines and Node versions.

/** Removes diacritics (NFKD then drop combining marks): "Zürich" -> "Zurich". */
export function foldAscii(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** Lower-case ASCII slug: "Volodymyr Zelenskiy" -> "volodymyr-zelenskiy", "U.S." -> "us". */
export function slugify(name: string): string {
  return foldAscii(name)
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A spelling-tolerant form of one name word, so transliteration variants meet:
 * "Zelenskiy", "Zelensky", "Zelenskyy" and "Zelenskyi" all give "zelensky". Only word endings
 * and doubled letters are touched, which is where English transliterations of Slavic and Arabic
 * names usually differ.
 */
export function looseWord(word: string): string {
  return slugify(word)
    .replace(/(.)\1+/g, '$1')
    .replace(/(?:iy|yi|ij|ii|yy)$/, 'y');
}
