// The HTTP agent every fetch goes through: undici with a connector that refuses addresses the
// AddressPolicy blocks. Names are checked as DNS resolves them (so nothing connects to a blocked
// address), and the connected socket's peer is checked again (defence against a resolver that
// answers differently twice, and the only check for IP-literal hosts, which skip the lookup).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import type { AddressPolicy } from './addresses.js';

export class BlockedAddressError extends Error {
  readonly code = 'ESTORYLINE_BLOCKED';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `address ${address} of ${host} is not allowed (loopback, private, link-local or reserved)`,
    );
  }
}

export interface AgentOptions {
  policy: AddressPolicy;
  connectTimeoutMs: number;
  /** Open connections per origin; the per-host gate decides how many requests actually run. */
  connections: number;
}

export function guardedAgent(options: AgentOptions): Agent {
  const { policy } = options;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const allowed = addresses.filter((a) => policy.permits(a.address));
      if (allowed.length === 0) {
        const first = addresses[0]?.address ?? 'none';
        return callback(new BlockedAddressError(hostname, first), '', 0);
      }
      if (lookupOptions.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
  const base = buildConnector({ timeout: options.connectTimeoutMs, lookup });
  const connect: buildConnector.connector = (connectOptions, callback) => {
    base(connectOptions, (error, socket) => {
      if (error !== null) return callback(error, null);
      const peer = socket.remoteAddress;
      if (peer !== undefined && !policy.permits(peer)) {
        socket.destroy();
        return callback(new BlockedAddressError(connectOptions.hostname, peer), null);
      }
      return callback(null, socket);
    });
  };
  return new Agent({ connect, connections: options.connections });
}
