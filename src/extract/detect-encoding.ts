// Guesses the legacy encoding of bytes that are not valid UTF-8 and declare nothing. A small
// detector of our own rather than a dependency: the candidates are the encodings news pages
// actually use, tried in an order where a wrong early match is unlikely (a strict multi-byte
// decode fails fast on bytes of another encoding, and each multi-byte candidate must also
// produce the script it is for). Single-byte pages fall back to windows-1251 or windows-1252.

/** Share of decoded non-ASCII characters that must be kana for a Japanese guess. Kana are
 *  20-40% of any Japanese prose; mis-decoded Korean or Chinese bytes give almost none. */
const MIN_KANA_SHARE = 0.15;
/** Share of non-ASCII characters that must be Hangul syllables for a Korean guess. */
const MIN_HANGUL_SHARE = 0.5;
/** Share of non-ASCII characters that must be CJK ideographs for a Chinese guess. */
const MIN_HAN_SHARE = 0.5;
/** Share of high bytes in 0xC0-0xFF (Cyrillic letters in windows-1251) for a Cyrillic guess.
 *  Western European text uses mostly 0xE0-0xFC accented letters too, so we also require that
 *  high bytes are a large share of all letters: accents are sparse, Cyrillic is every letter. */
const MIN_CYRILLIC_LETTER_SHARE = 0.5;
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

export function detectLegacyEncoding(bytes: Uint8Array): string {
  const cut = bytes.length > SAMPLE_BYTES;
  const sample = cut ? trimPartialTail(bytes.subarray(0, SAMPLE_BYTES)) : bytes;
  for (const c of MULTI_BYTE) {
    const text = strictDecode(c.label, sample);
    if (text !== null && scriptShare(text, c.script) >= c.min) return c.label;
  }
  return looksCyrillic(sample) ? 'windows-1251' : 'windows-1252';
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

function looksCyrillic(bytes: Uint8Array): boolean {
  let letters = 0;
  let high = 0;
  for (const b of bytes) {
    if (b >= 0xc0) high++;
    else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
  }
  return high > 0 && high / (high + letters) >= MIN_CYRILLIC_LETTER_SHARE;
}
