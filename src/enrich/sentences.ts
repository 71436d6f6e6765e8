// Sentence splitting for extractive summaries: good enough for news prose, where sentences end
// in . ! ? (optionally followed by a closing quote) and abbreviations are the main trap.

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'st',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'no',
  'vs',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
]);

/** Splits paragraphs of text into trimmed sentences, in order. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let start = 0;
    for (const match of paragraph.matchAll(/[.!?]+["'”’)]*(?=\s+["'“‘(]?\p{Lu}|\s*$)/gu)) {
      const end = (match.index ?? 0) + match[0].length;
      const before = paragraph.slice(start, match.index).split(/\s+/).pop() ?? '';
      if (
        match[0].startsWith('.') &&
        (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before))
      )
        continue;
      push(out, paragraph.slice(start, end));
      start = end;
    }
    push(out, paragraph.slice(start));
  }
  return out;
}

function push(out: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed.length > 0) out.push(trimmed);
}
