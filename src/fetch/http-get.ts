// One GET with everything a polite, safe fetcher needs, in the order it happens:
//   1. refuse non-http(s) URLs and IP-literal hosts the address policy blocks (before connecting);
//   2. send a clear User-Agent, Accept-Encoding and the conditional headers (ETag, Last-Modified);
//   3. follow redirects by hand, at most `maxRedirects`, refusing loops and non-http(s) targets
//      (each hop connects through the guarded agent, so a redirect to 127.0.0.1 is refused too);
//   4. stream the body through the decoder and count DEcompressed bytes against the size cap,
//      so a 2 GB body or a gzip bomb stops at the cap and is never held in memory;
//   5. time out on connect, on headers, on a body that stalls, and on the whole fetch.
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { request, type Dispatcher } from 'undici';
import type { AddressPolicy } from './addresses.js';
import { FetchError, parseRetryAfter } from './fetch-error.js';

export interface HttpLimits {
  userAgent: string;
  /** Largest body accepted, after decompression (bytes). */
  maxBytes: number;
  headersTimeoutMs: number;
  /** Longest silence while the body streams (a server that stalls mid-body). */
  bodyTimeoutMs: number;
  /** Longest a whole fetch may take, redirects included. */
  totalTimeoutMs: number;
  maxRedirects: number;
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
  /** The Accept header: feeds and pages ask for different things. */
  accept?: string;
}

export type HttpResult =
  | {
      kind: 'ok';
      /** The URL after redirects. */
      url: string;
      status: number;
      contentType: string | null;
      body: Uint8Array;
      etag: string | null;
      lastModified: string | null;
    }
  | {
      kind: 'not-modified';
      url: string;
      status: 304;
      etag: string | null;
      lastModified: string | null;
    };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function httpGet(
  url: string,
  conditional: Conditional,
  limits: HttpLimits,
  dispatcher: Dispatcher,
  policy: AddressPolicy,
  now: () => Date,
): Promise<HttpResult> {
  const signal = AbortSignal.timeout(limits.totalTimeoutMs);
  const visited = new Set<string>();
  let current = checkUrl(url, url, policy);
  for (let hop = 0; ; hop++) {
    visited.add(current.href);
    const response = await send(current, conditional, limits, dispatcher, signal, url);
    const header = (name: string) => headerValue(response.headers[name]);
    if (REDIRECTS.has(response.statusCode)) {
      await response.body.dump().catch(() => undefined);
      const location = header('location');
      if (location === null)
        throw new FetchError(
          url,
          'http',
          `HTTP ${response.statusCode} without a Location`,
          response.statusCode,
        );
      const next = checkUrl(resolveLocation(location, current, url), url, policy);
      if (visited.has(next.href))
        throw new FetchError(
          url,
          'redirect-loop',
          `redirect loop at ${next.href}`,
          response.statusCode,
        );
      if (hop + 1 > limits.maxRedirects)
        throw new FetchError(
          url,
          'too-many-redirects',
          `more than ${limits.maxRedirects} redirects`,
          response.statusCode,
        );
      current = next;
      continue;
    }
    const etag = header('etag');
    const lastModified = header('last-modified');
    if (response.statusCode === 304) {
      await response.body.dump().catch(() => undefined);
      return { kind: 'not-modified', url: current.href, status: 304, etag, lastModified };
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump().catch(() => undefined);
      const status = response.statusCode;
      const retryAfter = parseRetryAfter(header('retry-after'), now());
      const reason = status === 410 ? 'gone' : 'http';
      const wait = retryAfter === null ? '' : ` (Retry-After ${Math.round(retryAfter / 1000)} s)`;
      throw new FetchError(url, reason, `HTTP ${status}${wait}`, status, retryAfter);
    }
    const body = await readBody(response, limits, url, signal);
    return {
      kind: 'ok',
      url: current.href,
      status: response.statusCode,
      contentType: header('content-type'),
      body,
      etag,
      lastModified,
    };
  }
}

function checkUrl(candidate: string, original: string, policy: AddressPolicy): URL {
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    throw new FetchError(original, 'bad-url', `not a URL: ${candidate}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError(
      original,
      'bad-url',
      `only http and https are fetched, not ${parsed.protocol}`,
    );
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !policy.permits(host)) {
    throw new FetchError(
      original,
      'blocked',
      `address ${host} is not allowed (loopback, private, link-local or reserved)`,
    );
  }
  return parsed;
}

function resolveLocation(location: string, base: URL, original: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    throw new FetchError(
      original,
      'http',
      `redirect to an invalid Location: ${location.slice(0, 200)}`,
    );
  }
}

async function send(
  target: URL,
  conditional: Conditional,
  limits: HttpLimits,
  dispatcher: Dispatcher,
  signal: AbortSignal,
  original: string,
): Promise<Dispatcher.ResponseData> {
  const headers: Record<string, string> = {
    'user-agent': limits.userAgent,
    accept: conditional.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  try {
    return await request(target, {
      method: 'GET',
      headers,
      dispatcher,
      signal,
      headersTimeout: limits.headersTimeoutMs,
      bodyTimeout: limits.bodyTimeoutMs,
    });
  } catch (error) {
    throw classify(error, original, limits, signal);
  }
}

async function readBody(
  response: Dispatcher.ResponseData,
  limits: HttpLimits,
  url: string,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const declared = Number.parseInt(headerValue(response.headers['content-length']) ?? '', 10);
  const encoding = (headerValue(response.headers['content-encoding']) ?? 'identity')
    .trim()
    .toLowerCase();
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    response.body.destroy();
    throw new FetchError(
      url,
      'too-large',
      `body of ${declared} bytes declared, over the cap of ${limits.maxBytes}`,
    );
  }
  const decoder = decoderFor(encoding);
  const chunks: Buffer[] = [];
  let total = 0;
  // Set when the cap stops the read: destroying the streams then raises their own abort
  // errors, and the cap is the reason to report.
  let capped: FetchError | null = null;
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.byteLength;
      if (total > limits.maxBytes) {
        throw (capped = new FetchError(
          url,
          'too-large',
          `body passed the cap of ${limits.maxBytes} bytes${decoder ? ' after decompression' : ''}; stopped reading`,
        ));
      }
      chunks.push(chunk);
    }
  };
  try {
    if (decoder === null) await pipeline(response.body as Readable, collect, { signal });
    else await pipeline(response.body as Readable, decoder, collect, { signal });
  } catch (error) {
    if (capped !== null) throw capped;
    if (error instanceof FetchError) throw error;
    if (isZlibError(error))
      throw new FetchError(url, 'corrupt', `${encoding} body does not decompress`, null, null, {
        cause: error,
      });
    throw classify(error, url, limits, signal);
  }
  const body = Buffer.concat(chunks, total);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

function decoderFor(encoding: string) {
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return null; // identity, or an encoding we did not ask for: take the bytes as they are
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** Turns undici, DNS and abort errors into a FetchError with a reason and a short detail. */
function classify(
  error: unknown,
  url: string,
  limits: HttpLimits,
  signal?: AbortSignal,
): FetchError {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'ESTORYLINE_BLOCKED')
      return new FetchError(url, 'blocked', e.message, null, null, { cause: error });
    if (code === 'UND_ERR_HEADERS_TIMEOUT')
      return timeout(url, `no response headers within ${limits.headersTimeoutMs} ms`, error);
    if (code === 'UND_ERR_BODY_TIMEOUT')
      return timeout(url, `body stalled for ${limits.bodyTimeoutMs} ms`, error);
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return timeout(url, 'connect timed out', error);
    if (e.name === 'TimeoutError' || (e.name === 'AbortError' && signal?.aborted === true))
      return timeout(url, `took longer than ${limits.totalTimeoutMs} ms`, error);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return new FetchError(url, 'network', `DNS lookup failed (${code})`, null, null, {
        cause: error,
      });
    if (code.startsWith('E') && code.length > 1 && !code.startsWith('ERR_')) {
      return new FetchError(url, 'network', `${code}`, null, null, { cause: error });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError(url, 'network', message, null, null, { cause: error });
}

function timeout(url: string, detail: string, cause: unknown): FetchError {
  return new FetchError(url, 'timeout', detail, null, null, { cause });
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}
