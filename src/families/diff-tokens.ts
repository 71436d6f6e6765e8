// Words for the edit view. Each token keeps its raw text (for display) and a comparison key:
// NFKC, lower case, quotes unified, surrounding punctuation and abbreviation dots removed, so
// "NATO's" and "Nato’s" share a key and the difference is reported as an edit of its own kind
// rather than breaking the alignment.

export interface Token {
  raw: string;
  key: string;
  /** Inside a quotation (a changed word there is a changed quote). */
  quoted: boolean;
}

const QUOTES = /[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2032\u2033`\u00b4]/g;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const INNER_MARKS = /['.\u00ad]/g;

export function tokenKey(raw: string): string {
  const folded = raw.normalize('NFKC').toLowerCase().replace(QUOTES, "'");
  const core = folded.replace(EDGE_PUNCTUATION, '').replace(INNER_MARKS, '');
  return core === '' ? folded : core;
}

/** Quote-free, case-kept form: differences beyond it are typography only. */
export function withoutTypography(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(QUOTES, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let open = false;
  for (const raw of text.split(/\s+/)) {
    if (raw === '') continue;
    const opens = /^[([]*["\u201c\u00ab]/.test(raw) || /^[([]*[\u2018']\p{L}/u.test(raw);
    const closes =
      /["\u201d\u00bb][.,;:!?)\]]*$/.test(raw) || /\p{L}[.,;:!?]*[\u2019'][.,;:!?)]*$/u.test(raw);
    if (opens) open = true;
    tokens.push({ raw, key: tokenKey(raw), quoted: open });
    if (closes && (opens || open)) open = false;
  }
  return tokens;
}

export function joinRaw(tokens: readonly Token[]): string {
  return tokens.map((t) => t.raw).join(' ');
}
