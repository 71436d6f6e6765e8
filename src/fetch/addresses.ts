// The SSRF guard: which IP addresses a fetch may connect to. By default nothing on this machine
// or its networks: loopback, private (RFC 1918, ULA), carrier-grade NAT, link-local (which holds
// the cloud metadata address 169.254.169.254), multicast, reserved and documentation ranges. The
// check runs on the address actually connected to (a DNS lookup hook in the HTTP agent), so a
// public name that resolves to 10.0.0.1, or a redirect to one, is refused just the same.
import { BlockList, isIP } from 'node:net';

/** IPv4 and IPv6 ranges no fetch may reach unless allowed (IANA special-purpose registries). */
export const BLOCKED_RANGES: readonly string[] = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private (RFC 1918)
  '100.64.0.0/10', // carrier-grade NAT (RFC 6598)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, cloud metadata
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation
  '203.0.113.0/24', // documentation
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, broadcast
  '::/128', // unspecified
  '::1/128', // loopback
  '64:ff9b::/96', // NAT64 (maps onto IPv4, checked as such below too)
  '100::/64', // discard
  '2001:db8::/32', // documentation
  'fc00::/7', // unique local (private; holds AWS's fd00:ec2::254 metadata)
  'fe80::/10', // link-local
  'ff00::/8', // multicast
];

export class AddressPolicy {
  private readonly blocked = new BlockList();
  private readonly allowed = new BlockList();

  /** `allow`: CIDR ranges or single addresses reachable despite the blocks (tests, intranets). */
  constructor(allow: readonly string[] = []) {
    for (const range of BLOCKED_RANGES) addRange(this.blocked, range);
    for (const range of allow) addRange(this.allowed, range);
  }

  /** True when a fetch may connect to this IP address. */
  permits(address: string): boolean {
    const family = isIP(address);
    if (family === 0) return false;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.allowed.check(address, type)) return true;
    const mapped = mappedIpv4(address);
    if (mapped !== null) return this.permits(mapped);
    return !this.blocked.check(address, type);
  }
}

/** Parses `a.b.c.d/n`, `x::/n` or a bare address into the list; throws on nonsense. */
function addRange(list: BlockList, range: string): void {
  const [address = '', bits] = range.trim().split('/');
  const family = isIP(address);
  if (family === 0) throw new Error(`not an IP range: ${range}`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) list.addAddress(address, type);
  else list.addSubnet(address, Number.parseInt(bits, 10), type);
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 IPv6 address, else null. */
function mappedIpv4(address: string): string | null {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(
    address,
  );
  if (m === null) return null;
  if (m[1] !== undefined) return m[1];
  const hi = Number.parseInt(m[2]!, 16);
  const lo = Number.parseInt(m[3]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}
