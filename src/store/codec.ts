// Conversions between in-memory values and column values, shared by every table file.
import { gunzipSync, gzipSync } from 'node:zlib';

/** Page bodies are kept gzip-compressed: HTML shrinks ~5x and is read back rarely (reprocess). */
export function compress(bytes: Uint8Array): Buffer {
  return gzipSync(bytes);
}

export function decompress(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gunzipSync(bytes));
}

/**
 * A MinHash signature as bytes, little-endian whatever the host, so a database file or dump
 * moved between machines decodes to the same numbers.
 */
export function encodeSignature(signature: Uint32Array): Buffer {
  const out = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i++) out.writeUInt32LE(signature[i]!, i * 4);
  return out;
}

export function decodeSignature(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** Stored in place of the paragraphs when they are exactly the text split at blank lines. */
const PARAGRAPHS_OF_TEXT = '';
const PARAGRAPH_BREAK = '\n\n';

/**
 * An article's paragraphs as stored. The text is almost always the paragraphs joined by blank
 * lines, so storing both kept every body twice (a third of an article row, bench/scale lane);
 * then only a marker is stored. The marker is not JSON, so it can never be mistaken for a list,
 * and it is written only when splitting the text gives back exactly these paragraphs.
 */
export function encodeParagraphs(text: string, paragraphs: readonly string[]): string {
  const split = decodeParagraphs(text, PARAGRAPHS_OF_TEXT);
  const same = split.length === paragraphs.length && split.every((p, i) => p === paragraphs[i]);
  return same ? PARAGRAPHS_OF_TEXT : toJson(paragraphs);
}

export function decodeParagraphs(text: string, stored: string): string[] {
  if (stored !== PARAGRAPHS_OF_TEXT) return fromJson<string[]>(stored);
  return text === '' ? [] : text.split(PARAGRAPH_BREAK);
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Times are stored as `toISOString()` text so that text order is time order. */
export function isoTime(date: Date): string {
  return date.toISOString();
}

/** Host name without a leading `www.`, or null for non-http(s) URLs. */
export function domainOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** The URL as it may appear in logs: a password never does. */
export function withoutPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password === '') return databaseUrl;
    url.password = '***';
    return url.toString();
  } catch {
    return databaseUrl;
  }
}
