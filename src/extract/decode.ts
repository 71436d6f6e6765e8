// Bytes -> string, in the order browsers use (WHATWG Encoding, "encoding sniffing algorithm"):
// byte order mark, then the Content-Type charset, then a <meta> charset in the first bytes, then
// detection. Bytes that are not a text document at all come back as an "unreadable" outcome.
import { detectLegacyEncoding } from './detect-encoding.js';
import { scanUtf8 } from './utf8.js';

export type Decoded =
  | { ok: true; text: string; encoding: string }
  | { ok: false; code: 'INPUT_EMPTY' | 'INPUT_BINARY' | 'INPUT_CORRUPT'; reason: string };

/** How far into the page a <meta charset> is honoured. The HTML standard prescans 1024 bytes;
 *  real pages put long comments and scripts first, so we look a little further. */
const META_PRESCAN_BYTES = 2048;
/** Bytes examined for binary junk: the head of a file tells text from binary. */
const BINARY_SAMPLE_BYTES = 8192;
/** Share of control bytes (C0 except TAB, LF, FF, CR, ESC; and DEL) above which the input is
 *  binary. Text and HTML have essentially none; random bytes have ~13%, images and archives
 *  more. 2% tolerates a stray control character or two in a real page. */
const MAX_CONTROL_BYTE_SHARE = 0.02;
/** A NUL byte never occurs in text that is not UTF-16 (handled by its BOM): one is enough. */
const MAX_NUL_BYTES = 0;
/** Undeclared bytes are "evidently UTF-8" (so invalid sequences mean corruption, not a legacy
 *  encoding) when at least this share of their non-ASCII sequences is valid UTF-8. Measured on
 *  Korean, Chinese and Japanese prose in EUC-KR, GBK, Big5 and Shift_JIS: 7-26% of their
 *  sequences are valid UTF-8 by accident; a UTF-8 text with one damaged spot stays far above. */
const EVIDENT_UTF8_MIN_VALID_SHARE = 0.5;

/** File signatures of common binary formats that may sit where a page was expected. */
const BINARY_MAGIC: ReadonlyArray<readonly number[]> = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, EPUB
  [0x1f, 0x8b], // gzip left compressed
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP, WAV)
];

export function decode(bytes: Uint8Array, contentType: string | null): Decoded {
  if (bytes.length === 0) return empty();
  const bom = bomEncoding(bytes);
  if (bom) return finish(bom.label, bytes.subarray(bom.length), 'byte order mark');
  const binary = binaryReason(bytes);
  if (binary)
    return { ok: false, code: 'INPUT_BINARY', reason: `extract: input is binary: ${binary}` };
  const declared =
    validLabel(charsetFromContentType(contentType)) ?? validLabel(charsetFromMeta(bytes));
  if (declared) return finish(declared, bytes, 'declared charset');
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return text(utf8, 'utf-8');
  const scan = scanUtf8(bytes);
  const validShare = scan.multiByte / (scan.multiByte + scan.invalid);
  if (validShare >= EVIDENT_UTF8_MIN_VALID_SHARE)
    return corrupt(scan.firstInvalid, 'evidently UTF-8');
  return finish(detectLegacyEncoding(bytes, languageFromMarkup(bytes)), bytes, 'detected');
}

function finish(label: string, bytes: Uint8Array, how: string): Decoded {
  if (label === 'utf-8') {
    // The native strict decoder is fast; our own scan runs only to say where it broke.
    const decoded = strictUtf8(bytes);
    return decoded === null
      ? corrupt(scanUtf8(bytes).firstInvalid, `UTF-8 by ${how}`)
      : text(decoded, label);
  }
  const decoded = new TextDecoder(label).decode(bytes);
  return text(label === 'windows-1252' ? fixCp1252(decoded) : decoded, label);
}

function text(decoded: string, encoding: string): Decoded {
  return isBlank(decoded) ? empty() : { ok: true, text: decoded, encoding };
}

/** Whether a string is empty or whitespace only, without copying it (pages can be 50 MB). */
function isBlank(s: string): boolean {
  return !/\S/.test(s);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** windows-1252's printable characters at 0x80-0x9F (curly quotes, dashes, the euro sign).
 *  Node 20's TextDecoder decodes that label as ISO-8859-1, giving C1 controls instead, so we map
 *  them back (WHATWG Encoding, index-windows-1252). Undefined bytes stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function empty(): Decoded {
  return { ok: false, code: 'INPUT_EMPTY', reason: 'extract: input is empty or whitespace only' };
}

function corrupt(at: number, why: string): Decoded {
  return {
    ok: false,
    code: 'INPUT_CORRUPT',
    reason: `extract: invalid UTF-8 at byte ${at} (${why})`,
  };
}

function bomEncoding(b: Uint8Array): { label: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { label: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { label: 'utf-16be', length: 2 };
  return null;
}

function binaryReason(bytes: Uint8Array): string | null {
  if (BINARY_MAGIC.some((m) => m.every((v, i) => bytes[i] === v)))
    return 'known binary file signature';
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES);
  let nul = 0;
  let control = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    if (
      (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) ||
      b === 0x7f
    )
      control++;
  }
  if (nul > MAX_NUL_BYTES) return `${nul} NUL bytes in the first ${sample.length}`;
  if (control / sample.length > MAX_CONTROL_BYTE_SHARE)
    return `${control} control bytes in the first ${sample.length}`;
  return null;
}

/** The encoding's canonical name when the label is one TextDecoder knows, else null. */
export function validLabel(label: string | null): string | null {
  if (!label) return null;
  try {
    const enc = new TextDecoder(label.trim().toLowerCase()).encoding;
    // A page cannot be UTF-16 without a BOM in practice; browsers treat the label as UTF-8.
    return enc.startsWith('utf-16') ? 'utf-8' : enc;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null): string | null {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m ? m[1]! : null;
}

/** The page's declared language (<html lang>, a content-language <meta>) from the first bytes:
 *  a hint for telling single-byte encodings apart. */
function languageFromMarkup(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_PRESCAN_BYTES));
  const m =
    /<html[^>]*\slang\s*=\s*["']?([a-z]{2,3})/i.exec(head) ??
    /<meta[^>]+http-equiv\s*=\s*["']?content-language["']?[^>]+content\s*=\s*["']?([a-z]{2,3})/i.exec(
      head,
    );
  return m ? m[1]! : null;
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_PRESCAN_BYTES));
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct ? direct[1]! : null;
}
