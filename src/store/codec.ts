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
