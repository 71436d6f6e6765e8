// Guesses the legacy encoding of bytes that are not valid UTF-8 and declare nothing. A small
// detector of our own rather than a dependency: the candidates are the encodings news pages
// actually use, tried in an order where a wrong early match is unlikely (a strict multi-byte
// decode fails fast on bytes of another encoding, and each multi-byte candidate must also
// produce the script it is for). Single-byte pages are decoded with each single-byte candidate
// and scored by how many of their non-ASCII characters are the commonest non-ASCII letters of
// the languages that encoding serves (a wrong decoding gives symbols, controls or letters of
// another alphabet); the page's declared language, when it has one, picks among close scores.

/** Share of decoded non-ASCII characters that must be kana for a Japanese guess. Kana are
 *  20-40% of any Japanese prose; mis-decoded Korean or Chinese bytes give almost none. */
const MIN_KANA_SHARE = 0.15;
/** Share of non-ASCII characters that must be Hangul syllables for a Korean guess. */
const MIN_HANGUL_SHARE = 0.5;
/** Share of non-ASCII characters that must be CJK ideographs for a Chinese guess. */
const MIN_HAN_SHARE = 0.5;
/** Bytes examined: enough for any page's prose, small enough to stay fast on huge pages. */
const SAMPLE_BYTES = 64 * 1024;

type Script = 'kana' | 'hangul' | 'han';

const MULTI_BYTE: ReadonlyArray<{ label: string; script: Script; min: number }> = [
  { label: 'shift_jis', script: 'kana', min: MIN_KANA_SHARE },
  { label: 'euc-jp', script: 'kana', min: MIN_KANA_SHARE },
  { label: 'euc-kr', script: 'hangul', min: MIN_HANGUL_SHARE },
  { label: 'gb18030', script: 'han', min: MIN_HAN_SHARE },
  { label: 'big5', script: 'han', min: MIN_HAN_SHARE },
];

/** Single-byte encodings, most common first (the first wins a tie), each with the non-ASCII
 *  letters that carry most of its languages' text. Lower case only: running text is mostly
 *  lower case, and a wrong Cyrillic decoding (KOI8-R read as windows-1251) comes out upper. */
const SINGLE_BYTE: ReadonlyArray<{
  label: string;
  latin: boolean;
  letters: string;
  languages: string[];
}> = [
  {
    label: 'windows-1252',
    latin: true,
    letters: 'éèàçêâôûîïëüöäßñáíóúœæøåãõù',
    languages: ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'da', 'sv', 'no', 'nb', 'fi', 'ca'],
  },
  {
    label: 'windows-1251',
    latin: false,
    letters: 'оеаинтсрвлкмдпуя',
    languages: ['ru', 'uk', 'bg', 'be', 'sr', 'mk'],
  },
  {
    label: 'windows-1250',
    latin: true,
    letters: 'áéíóúýčďěňřšťůžąćęłńśźżőűöüäôĺľŕăâîșşţț',
    languages: ['cs', 'sk', 'pl', 'hu', 'sl', 'hr', 'ro', 'bs'],
  },
  {
    label: 'iso-8859-2',
    latin: true,
    letters: 'áéíóúýčďěňřšťůžąćęłńśźżőűöüäôĺľŕăâîşţ',
    languages: [],
  },
  { label: 'koi8-r', latin: false, letters: 'оеаинтсрвлкмдпуя', languages: [] },
  { label: 'windows-1253', latin: false, letters: 'αοιετσνηυρκπμλάέίόύήώς', languages: ['el'] },
  { label: 'windows-1254', latin: true, letters: 'ışğçöüâîû', languages: ['tr', 'az'] },
  {
    label: 'windows-1257',
    latin: true,
    letters: 'ąčėįšųūžāēīķļņõäöü',
    languages: ['lt', 'lv', 'et'],
  },
  {
    label: 'windows-1255',
    latin: false,
    letters: 'אבגדהוזחטיכלמנסעפצקרשתםןףךץ',
    languages: ['he', 'yi'],
  },
  {
    label: 'windows-1256',
    latin: false,
    letters: 'ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآء',
    languages: ['ar', 'fa', 'ur'],
  },
  {
    label: 'windows-874',
    latin: false,
    letters: 'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะัาำิีึืุู่้๊๋เแโใไ',
    languages: ['th'],
  },
];

/** A declared language's encoding wins when its score is at least this share of the best one:
 *  close calls (Czech read as windows-1252 gives many plausible letters) go to the declaration. */
const LANGUAGE_HINT_SHARE = 0.8;

export function detectLegacyEncoding(bytes: Uint8Array, language: string | null = null): string {
  const cut = bytes.length > SAMPLE_BYTES;
  const sample = cut ? trimPartialTail(bytes.subarray(0, SAMPLE_BYTES)) : bytes;
  for (const c of MULTI_BYTE) {
    const text = strictDecode(c.label, sample);
    if (text !== null && looksLike(text, c.script, c.min)) return c.label;
  }
  return bestSingleByte(sample, language);
}

function bestSingleByte(sample: Uint8Array, language: string | null): string {
  // In Latin-script languages accented letters are a minority; in Cyrillic, Greek, Hebrew,
  // Arabic or Thai nearly every letter is a high byte, which rules the Latin encodings out.
  const nonLatin = highLetterShare(sample) >= MIN_NON_LATIN_HIGH_SHARE;
  const scores = SINGLE_BYTE.filter((c) => c.latin !== nonLatin).map((c) => ({
    c,
    score: letterScore(decodeSingle(c.label, sample), c.letters),
  }));
  // Another encoding must beat the current best clearly: a stray character that happens to be
  // a letter elsewhere ("»" is "ť" in ISO-8859-2) must not flip a Spanish page.
  const margin = MARGIN_SHARE * highBytes(sample);
  let best = scores[0]!;
  for (const s of scores) if (s.score > best.score + margin) best = s;
  const lang = language?.toLowerCase().split(/[-_]/)[0];
  const hinted = lang ? scores.find((s) => s.c.languages.includes(lang)) : undefined;
  if (hinted && best.score > 0 && hinted.score >= best.score * LANGUAGE_HINT_SHARE)
    return hinted.c.label;
  return best.c.label;
}

/** Share of letters written with high bytes from which a page is in a non-Latin script
 *  (Polish or Czech prose stays under 20%, French under 10%). */
const MIN_NON_LATIN_HIGH_SHARE = 0.5;

function highLetterShare(bytes: Uint8Array): number {
  let high = 0;
  let ascii = 0;
  for (const b of bytes) {
    if (b >= 0xc0) high++;
    else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
  }
  return high === 0 ? 0 : high / (high + ascii);
}

/** Share of the non-ASCII bytes by which a later candidate must outscore an earlier one. */
const MARGIN_SHARE = 0.1;

function highBytes(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b >= 0x80) n++;
  return n;
}

function decodeSingle(label: string, bytes: Uint8Array): string {
  const text = new TextDecoder(label).decode(bytes);
  // Node decodes windows-1252 as ISO-8859-1 (C1 controls at 0x80-0x9F); see decode.ts.
  return label === 'windows-1252'
    ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
    : text;
}

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Typographic punctuation legitimately found in running text (quotes, dashes, the euro). */
const PUNCTUATION = new Set('‘’‚“”„«»‹›–—…•·€°§©®™\u00a0');

/** +1 for each non-ASCII character among the encoding's common letters, 0 for another letter or
 *  typographic punctuation, -1 for anything else (symbols, controls, undefined bytes). */
function letterScore(text: string, letters: string): number {
  let score = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (letters.includes(ch)) score++;
    else if (!PUNCTUATION.has(ch) && !/\p{L}/u.test(ch)) score--;
  }
  return score;
}

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A cut sample may split a multi-byte character in two: drop up to 3 trailing high bytes. */
function trimPartialTail(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes.length - end < 3 && bytes[end - 1]! >= 0x80) end--;
  return bytes.subarray(0, end);
}

/** Share of non-ASCII characters that must sit next to another non-ASCII character: CJK prose
 *  runs on, while a Latin page misread as two-byte text gives isolated ideographs between ASCII
 *  letters ("für" read as GBK). */
const MIN_CLUSTERED_SHARE = 0.5;
/** Share of characters that must be among the commonest of the script: any Chinese or Korean
 *  prose is full of them (的 alone is ~4% of Chinese text), while bytes of another CJK encoding
 *  decode to rare characters. Kana need no such test: only Japanese text yields many. */
const MIN_COMMON_SHARE = 0.05;
const COMMON_HAN = new Set(
  '的一是不了在人有我他这這中大来來上国國个個到说說们們为為子和你地出道也时時年得就那要下以生会會自着著去之过過家学學对對可里裡后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經头頭面公同三已老从從动動两兩长長知民样樣现現分将將外但身些与與高意进進把法此实實回二理美点點月明其种種声聲全工己话話儿兒者向情部正名定女问問力机機给給等几幾很业業最间間新什打便位因重被走电電四第门門相次东東政海口使教西再平真听聽世气氣信北少关關并並内內加化由却卻代军軍产產入先山五太水万萬市眼体體别別处處总總才场場师師书書比住员員九笑性通目华華报報立马馬命张張活难難神数數件安表原车車白应應路期叫死常提感金何更反合放做系计計，。、',
);
const COMMON_HANGUL = new Set(
  '이다는의에을를하고가서지한로기사리도수있정자대어시아나인일보부그게요들면해만상까적것주라전생중람없제여우않내경계들은했습니니과위며방에서된할동원장로운국민',
);

function looksLike(text: string, script: Script, min: number): boolean {
  if (scriptShare(text, script) < min) return false;
  const chars = [...text];
  let nonAscii = 0;
  let clustered = 0;
  let common = 0;
  const commonSet = script === 'han' ? COMMON_HAN : script === 'hangul' ? COMMON_HANGUL : null;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if ((chars[i - 1]?.charCodeAt(0) ?? 0) >= 0x80 || (chars[i + 1]?.charCodeAt(0) ?? 0) >= 0x80)
      clustered++;
    if (commonSet?.has(ch)) common++;
  }
  if (nonAscii === 0 || clustered / nonAscii < MIN_CLUSTERED_SHARE) return false;
  return !commonSet || common / nonAscii >= MIN_COMMON_SHARE;
}

function scriptShare(text: string, script: Script): number {
  let nonAscii = 0;
  let hits = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    nonAscii++;
    if (inScript(cp, script)) hits++;
  }
  return nonAscii === 0 ? 0 : hits / nonAscii;
}

function inScript(cp: number, script: Script): boolean {
  if (script === 'kana') return cp >= 0x3040 && cp <= 0x30ff;
  if (script === 'hangul') return cp >= 0xac00 && cp <= 0xd7a3;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xffef)
  );
}
