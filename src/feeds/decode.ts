// Bytes of a feed or OPML document to text. Feeds lie about their encoding often enough that
// we trust the bytes first: a byte-order mark wins; bytes that are valid UTF-8 are UTF-8 even
// when a header or XML declaration claims ISO-8859-1 (real Latin-1 text with accents is almost
// never valid UTF-8 by chance); otherwise the declared encoding (XML declaration, then the HTTP
// header), and windows-1252 when nothing usable is declared (the usual mislabelled "Latin-1").

/** Bytes of the document start searched for an XML declaration or meta charset. */
const DECLARATION_WINDOW_BYTES = 1024;

export function decodeDocument(
  bytes: Uint8Array,
  contentType: string | null,
): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to what the document says it is
  }
  const declared = declaredInDocument(bytes) ?? charsetOf(contentType);
  if (declared !== null && !/^utf-?8$/i.test(declared)) {
    try {
      return decodeAs(bytes, declared);
    } catch {
      // an encoding name TextDecoder does not know: use the common fallback
    }
  }
  return decodeAs(bytes, 'windows-1252');
}

function decodeAs(bytes: Uint8Array, encoding: string): { text: string; encoding: string } {
  const decoder = new TextDecoder(encoding);
  const text = decoder.decode(bytes);
  // WHATWG maps the "iso-8859-1" and "latin1" labels to windows-1252 as well.
  return {
    text: decoder.encoding === 'windows-1252' ? fixCp1252(text) : text,
    encoding: decoder.encoding,
  };
}

/**
 * windows-1252's printable characters at 0x80-0x9F (curly quotes, dashes, the euro sign). Node
 * 20's TextDecoder decodes that label as ISO-8859-1, giving C1 controls instead, so we map them
 * back (WHATWG Encoding, index-windows-1252). The extract stage keeps the same table in
 * src/extract/decode.ts (stages do not import each other): keep both in sync.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** The charset parameter of a Content-Type header, or null. */
export function charsetOf(contentType: string | null): string | null {
  const m = contentType ? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType) : null;
  return m?.[1] ?? null;
}

function declaredInDocument(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, DECLARATION_WINDOW_BYTES));
  const xml = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}
