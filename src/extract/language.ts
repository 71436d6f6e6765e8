// A cheap language guess for pages that do not declare one: the script for non-Latin text,
// and for Latin text the language whose commonest function words cover most of the sample.
// Good enough to route text to the right tokeniser; pages that declare <html lang> win.

const STOPWORDS: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'it',
    'was',
    'on',
    'with',
    'he',
    'as',
    'said',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'ein',
    'eine',
    'mit',
    'sich',
    'auf',
    'den',
    'dem',
    'auch',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'des',
    'est',
    'une',
    'dans',
    'que',
    'pour',
    'pas',
    'sur',
    'du',
    'au',
  ],
  es: ['el', 'la', 'los', 'las', 'que', 'y', 'del', 'por', 'una', 'con', 'para', 'es', 'se', 'su'],
  it: [
    'il',
    'di',
    'che',
    'e',
    'la',
    'della',
    'per',
    'un',
    'una',
    'non',
    'sono',
    'con',
    'gli',
    'del',
  ],
  pt: ['o', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'os', 'no'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'niet', 'op', 'dat', 'zijn', 'met', 'voor', 'ook'],
  id: [
    'yang',
    'dan',
    'di',
    'ini',
    'itu',
    'dengan',
    'untuk',
    'dari',
    'tidak',
    'dalam',
    'akan',
    'pada',
  ],
};

/** Characters examined: a few paragraphs decide; the rest of a long text adds nothing. */
const SAMPLE_CHARS = 4000;
/** Fewer words than this (a label, a name) say nothing reliable about the language. */
const MIN_WORDS = 5;
/** Words sampled from the start of the text: enough for a stable guess, cheap on long text. */
const SAMPLE_WORDS = 400;
/** Least share of sampled words that must be the winner's function words (English prose runs
 *  at 35-45%, a wrong language's list at under 10%). */
const MIN_STOPWORD_SHARE = 0.15;
/** Least share of letters in a script for a script-based guess. */
const MIN_SCRIPT_SHARE = 0.3;

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const byScript = scriptLanguage(sample);
  if (byScript) return byScript;
  const words =
    sample
      .toLowerCase()
      .match(/\p{L}+/gu)
      ?.slice(0, SAMPLE_WORDS) ?? [];
  if (words.length < MIN_WORDS) return null;
  let best: string | null = null;
  let bestShare = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const share = words.filter((w) => set.has(w)).length / words.length;
    if (share > bestShare) [best, bestShare] = [lang, share];
  }
  return bestShare >= MIN_STOPWORD_SHARE ? best : null;
}

/** Scripts that name a language by themselves, in the order they are checked: kana before Han
 *  (Japanese mixes both), Hangul before Han. */
const SCRIPTS: ReadonlyArray<{ lang: string; test: (cp: number) => boolean }> = [
  { lang: 'ko', test: (cp) => cp >= 0xac00 && cp <= 0xd7a3 },
  { lang: 'zh', test: (cp) => cp >= 0x4e00 && cp <= 0x9fff },
  { lang: 'ru', test: (cp) => cp >= 0x0400 && cp <= 0x04ff },
  { lang: 'ar', test: (cp) => cp >= 0x0600 && cp <= 0x06ff },
  { lang: 'el', test: (cp) => cp >= 0x0370 && cp <= 0x03ff },
  { lang: 'he', test: (cp) => cp >= 0x0590 && cp <= 0x05ff },
  { lang: 'th', test: (cp) => cp >= 0x0e00 && cp <= 0x0e7f },
];
const isKana = (cp: number): boolean => cp >= 0x3040 && cp <= 0x30ff;

function scriptLanguage(sample: string): string | null {
  const counts = new Map<string, number>();
  let letters = 0;
  let kana = 0;
  for (const ch of sample) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    const cp = ch.codePointAt(0)!;
    if (isKana(cp)) kana++;
    const script = SCRIPTS.find((s) => s.test(cp));
    if (script) counts.set(script.lang, (counts.get(script.lang) ?? 0) + 1);
  }
  const share = (n: number): boolean => letters > 0 && n / letters >= MIN_SCRIPT_SHARE;
  if (kana > 0 && share(kana + (counts.get('zh') ?? 0))) return 'ja';
  return SCRIPTS.find((s) => share(counts.get(s.lang) ?? 0))?.lang ?? null;
}

/** "en-GB", "en_US", "pt-br" -> BCP 47 casing ("en-GB", "en-US", "pt-BR"); junk -> null. */
export function normaliseLanguageTag(tag: string | null | undefined): string | null {
  const m = tag ? /^\s*([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?\b/i.exec(tag) : null;
  if (!m) return null;
  return m[2] ? `${m[1]!.toLowerCase()}-${m[2].toUpperCase()}` : m[1]!.toLowerCase();
}
