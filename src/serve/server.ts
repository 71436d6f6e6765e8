// Binding the app to a socket: the only part of serve that tests do not drive through inject().
import type { FastifyInstance } from 'fastify';

export interface ListenOptions {
  host: string;
  port: number;
}

/** Starts listening and returns the address served ("http://127.0.0.1:3000"). */
export async function startServer(app: FastifyInstance, options: ListenOptions): Promise<string> {
  return app.listen({ host: options.host, port: options.port });
}
