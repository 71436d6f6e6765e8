// A local HTTP server for fetch and poll tests: routes are plain functions of the request, and
// a few canned faults (silent headers, stall mid-body, endless body, compression bombs) are built in. Listens on
// 127.0.0.1 only, on a port the OS picks; every response loop is bounded and stops on close.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FaultServer {
  origin: string;
  /** Requests seen, as "METHOD path". */
  log: string[];
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const routes = new Map<string, Route>();
  const log: string[] = [];
  const server: Server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` with a status and headers. */
export function send(
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Route {
  return (_req, res) => void res.writeHead(status, headers).end(body);
}

/** Writes half of `body` and then stalls (never ends) until the client gives up. */
export function stallMidBody(body: string): Route {
  return (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/rss+xml',
      'content-length': String(Buffer.byteLength(body)),
    });
    res.write(body.slice(0, Math.floor(body.length / 2)));
  };
}

/**
 * Streams up to `totalBytes` (2 GB in the tests) in 64 KiB chunks, chunked (no Content-Length),
 * with back-pressure: it writes only as fast as the client reads and stops when it hangs up.
 */
export function endlessBody(totalBytes: number, contentType = 'application/rss+xml'): Route {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on('close', () => (sent = totalBytes));
    pump();
  };
}

export type ContentEncoding = 'gzip' | 'deflate' | 'br';

const COMPRESS: Record<ContentEncoding, (body: Buffer) => Buffer> = {
  gzip: (body) => gzipSync(body),
  deflate: (body) => deflateSync(body),
  br: (body) => brotliCompressSync(body),
};

/** Sends `body` compressed with `encoding`, labelled as such. */
export function compressed(
  body: string,
  encoding: ContentEncoding,
  contentType = 'application/rss+xml; charset=utf-8',
): Route {
  const bytes = COMPRESS[encoding](Buffer.from(body, 'utf8'));
  return send(200, bytes, { 'content-type': contentType, 'content-encoding': encoding });
}

/** A small compressed body that inflates to `inflatedBytes` of zeros. */
export function compressionBomb(inflatedBytes: number, encoding: ContentEncoding = 'gzip'): Route {
  const bomb = COMPRESS[encoding](Buffer.alloc(inflatedBytes));
  return send(200, bomb, { 'content-type': 'application/rss+xml', 'content-encoding': encoding });
}

/** Accepts the request and never answers, not even the headers, until the client gives up. */
export function silentHeaders(): Route {
  return () => undefined;
}
