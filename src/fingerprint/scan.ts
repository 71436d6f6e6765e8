// The hot path of normalisation: one pass over a paragraph that yields the hashes of its
// normalised words without building the normalised string. Same rules as normaliseText
// (normalise.ts), which stays the readable reference; scan.test.ts checks that they agree.
// NFKC runs only when the text has non-ASCII characters; lower-casing is V8's native one.

/**
 * The word hashes of a text as pairs (data[2k], data[2k+1]) in a typed array that grows by
 * doubling: one buffer is reused for every article (profiled: a fresh number[] per article cost
 * its growth copies and a garbage collection every few hundred articles).
 */
export class WordBuffer {
  data = new Uint32Array(4096);
  length = 0;

  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = a;
    this.data[this.length + 1] = b;
    this.length += 2;
  }

  /** The pairs pushed so far (a view, valid until the next push or clear). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}

const FNV_PRIME = 0x01000193;
const SECOND_PRIME = 0x5bd1e995;
const OFFSET_A = 0x811c9dc5;
const OFFSET_B = 0x9747b28c;

const LETTER = 1;
const NUMBER = 2;
const OTHER = 3;
/** Character classes of the Basic Multilingual Plane, filled lazily (0 = not yet known). */
const classes = new Uint8Array(65536);
const IS_LETTER = /\p{L}/u;
const IS_NUMBER = /\p{N}/u;
const APOSTROPHES = new Set(
  ["'", '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc', '`', '\u00b4'].map((c) =>
    c.charCodeAt(0),
  ),
);

const ASCII_CLASSES = new Uint8Array(128).map((_, code) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
    ? LETTER
    : code >= 48 && code <= 57
      ? NUMBER
      : OTHER,
);

function classOf(code: number): number {
  let c = classes[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = IS_LETTER.test(ch) ? LETTER : IS_NUMBER.test(ch) ? NUMBER : OTHER;
    classes[code] = c;
  }
  return c;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Appends two independent 32-bit hashes of every normalised word of `text` to `out` (as pairs:
 * out[2k], out[2k+1]). Returns the number of words found. One flat loop without closures: the
 * running hashes stay in registers (captured variables would live in a heap context).
 */
export function scanWords(input: string, out: WordBuffer): number {
  // ASCII text (most English news) needs neither NFKC nor the Unicode tables; the ASCII loop
  // gives up at the first other character, and what it pushed is dropped.
  const start = out.length;
  const asciiWords = scanAscii(input, out);
  if (asciiWords >= 0) return asciiWords;
  out.length = start;
  const text = input.normalize('NFKC').toLowerCase();
  const n = text.length;
  let words = 0;
  let a = OFFSET_A;
  let b = OFFSET_B;
  let length = 0;
  let prevWord = false;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const classAndWidth = classify(text, i, code);
    const cls = classAndWidth & 3;
    const w = classAndWidth >>> 2;
    if (cls !== OTHER) {
      let end = i + w;
      let step = 1;
      if (!prevWord && cls === LETTER && w === 1) {
        const abbreviationEnd = dottedAbbreviationEnd(text, i);
        if (abbreviationEnd > i) {
          end = abbreviationEnd;
          step = 2; // letters only, the dots are dropped
        }
      }
      for (let k = i; k < end; k += step) {
        let c = text.charCodeAt(k);
        if (c >= 65 && c <= 90) c |= 0x20;
        a = Math.imul(a ^ c, FNV_PRIME);
        b = Math.imul(b ^ c, SECOND_PRIME);
        length++;
      }
      prevWord = true;
      i = end;
      continue;
    }
    if (code !== 32 && isDroppedMark(text, i, code, prevWord)) {
      i++;
      continue;
    }
    if (length > 0) {
      out.push(fmix(a ^ length), fmix(b ^ length));
      words++;
      a = OFFSET_A;
      b = OFFSET_B;
      length = 0;
    }
    prevWord = false;
    i += w;
  }
  if (length > 0) {
    out.push(fmix(a ^ length), fmix(b ^ length));
    words++;
  }
  return words;
}

/** ASCII word characters mapped to their lower-case code; 0 for every other character. */
const ASCII_WORD = new Uint8Array(128).map((_, code) =>
  ASCII_CLASSES[code] === OTHER ? 0 : code >= 65 && code <= 90 ? code | 0x20 : code,
);
const APOSTROPHE = 39;
const BACKTICK = 96;
const COMMA = 44;
const DOT = 46;

/**
 * scanWords for text without a character above U+007F: the same rules on a lookup table, one
 * branch per character (profiled: ~3x faster than the general loop on 500-word articles).
 * Returns -1, having pushed some words, at the first character above U+007F.
 * Inside a word, a word character continues it and an apostrophe before a letter is dropped;
 * a letter starting a word may open a dotted abbreviation (u.s.); a comma between a digit and
 * exactly three digits is a thousands separator; anything else ends the word.
 */
function scanAscii(text: string, out: WordBuffer): number {
  const n = text.length;
  let words = 0;
  let a = OFFSET_A;
  let b = OFFSET_B;
  let length = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code >= 128) return -1;
    const lower = ASCII_WORD[code]!;
    if (lower !== 0) {
      if (length === 0 && lower >= 97 && text.charCodeAt(i + 1) === DOT) {
        const end = dottedAbbreviationEnd(text, i);
        if (end > i) {
          for (let k = i; k < end; k += 2) {
            const code = text.charCodeAt(k);
            if (code >= 128) return -1;
            const c = ASCII_WORD[code]!;
            a = Math.imul(a ^ c, FNV_PRIME);
            b = Math.imul(b ^ c, SECOND_PRIME);
            length++;
          }
          i = end;
          continue;
        }
      }
      // The rest of the run of word characters, in a loop of its own (the hot loop).
      let c = lower;
      do {
        a = Math.imul(a ^ c, FNV_PRIME);
        b = Math.imul(b ^ c, SECOND_PRIME);
        length++;
        i++;
        const next = i < n ? text.charCodeAt(i) : 0;
        if (next >= 128) return -1;
        c = ASCII_WORD[next]!;
      } while (c !== 0);
      continue;
    }
    if (length > 0) {
      if ((code === APOSTROPHE || code === BACKTICK) && isAsciiLetter(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      if (code === COMMA && isDigit(text.charCodeAt(i - 1)) && isDigitGroup(text, i + 1)) {
        i++;
        continue;
      }
      out.push(fmix(a ^ length), fmix(b ^ length));
      words++;
      a = OFFSET_A;
      b = OFFSET_B;
      length = 0;
    }
    i++;
  }
  if (length > 0) {
    out.push(fmix(a ^ length), fmix(b ^ length));
    words++;
  }
  return words;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** Class of the character at i in the low 2 bits, its width in code units above them. */
function classify(text: string, i: number, code: number): number {
  if (code < 128) return ASCII_CLASSES[code]! | 4;
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return classOf(code) | 4;
  const pair = text.slice(i, i + 2);
  return (IS_LETTER.test(pair) ? LETTER : IS_NUMBER.test(pair) ? NUMBER : OTHER) | 8;
}

/** An apostrophe inside a word (trump's -> trumps) or a thousands comma: dropped, not a break. */
function isDroppedMark(text: string, i: number, code: number, prevWord: boolean): boolean {
  if (prevWord && (code === 39 || APOSTROPHES.has(code)))
    return i + 1 < text.length && letterAt(text, i + 1);
  return code === 44 && i > 0 && isDigit(text.charCodeAt(i - 1)) && isDigitGroup(text, i + 1);
}

function letterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_CLASSES[code] === LETTER;
  if (code < 0xd800 || code > 0xdbff) return classOf(code) === LETTER;
  return IS_LETTER.test(text.slice(i, i + 2));
}

/** The two hashes scanWords gives an already normalised word (for tests and tools). */
export function wordHashes(word: string): [number, number] {
  let a = OFFSET_A;
  let b = OFFSET_B;
  for (let i = 0; i < word.length; i++) {
    a = Math.imul(a ^ word.charCodeAt(i), FNV_PRIME);
    b = Math.imul(b ^ word.charCodeAt(i), SECOND_PRIME);
  }
  return [fmix(a ^ word.length), fmix(b ^ word.length)];
}

/** End of "u.s."-style letters-and-dots starting at i (two units or more), else i. */
function dottedAbbreviationEnd(text: string, i: number): number {
  let j = i;
  let units = 0;
  while (
    j + 1 < text.length &&
    text.charCodeAt(j + 1) === 46 &&
    classOf(text.charCodeAt(j)) === LETTER
  ) {
    const code = text.charCodeAt(j);
    if (code >= 0xd800 && code <= 0xdfff) break;
    j += 2;
    units++;
  }
  return units >= 2 ? j : i;
}

function isDigitGroup(text: string, i: number): boolean {
  return (
    isDigit(text.charCodeAt(i)) &&
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    !isDigit(text.charCodeAt(i + 3))
  );
}

function fmix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
