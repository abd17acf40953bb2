// Who is calling: the socket's address, unless it is one of the configured reverse proxies
// (VALISE_TRUSTED_PROXIES). Then X-Forwarded-For is read from the right: each trusted proxy
// appends the address it saw, so the rightmost address that is not a trusted proxy is the
// client. Anything to its left was written by the client itself and is never believed.
import { BlockList, isIP } from 'node:net';
import { StartRefused } from '../start-refused';

/** Addresses and CIDR ranges, IPv4 or IPv6 ("127.0.0.1", "10.0.0.0/8", "::1"). */
export class AddressList {
  private readonly list = new BlockList();

  constructor(
    entries: readonly string[],
    readonly setting: string,
  ) {
    for (const entry of entries) {
      const [address = '', bits] = entry.split('/');
      const family = isIP(address);
      if (family === 0) throw new StartRefused(`${setting}: "${entry}" is not an address or a CIDR range.`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (bits === undefined) this.list.addAddress(address, type);
      else {
        const prefix = Number(bits);
        if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128))
          throw new StartRefused(`${setting}: "${entry}" has a wrong prefix length.`);
        this.list.addSubnet(address, prefix, type);
      }
    }
  }

  has(address: string): boolean {
    const plain = unmapped(address);
    const family = isIP(plain);
    if (family === 0) return false;
    return this.list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }
}

export class TrustedProxies extends AddressList {
  constructor(entries: readonly string[]) {
    super(entries, 'VALISE_TRUSTED_PROXIES');
  }

  /** The client's address, from the socket's and the X-Forwarded-For header. */
  client(socketAddress: string, forwardedFor: string | undefined): string {
    const socket = unmapped(socketAddress);
    if (!forwardedFor || !this.has(socket)) return socket;
    const hops = forwardedFor
      .split(',')
      .map((hop) => unmapped(hop.trim()))
      .filter((hop) => hop !== '');
    for (let index = hops.length - 1; index >= 0; index--) {
      const hop = hops[index] as string;
      // A hop that is not an address was not written by a proxy we trust: stop believing there.
      if (isIP(hop) === 0) return index === hops.length - 1 ? socket : (hops[index + 1] as string);
      if (!this.has(hop)) return hop;
    }
    // Every hop is a trusted proxy: the request started on one of them.
    return hops[0] ?? socket;
  }
}

/**
 * What the per-address limits count by: an IPv4 address, or the /64 an IPv6 address belongs
 * to. A home line, a phone or a rented server is given a whole /64 (2^64 addresses): counted
 * one by one, a guesser of invitation codes or a flood could send each request from a new one.
 */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${hextets(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, in hex without leading zeros ("::" expanded). */
function hextets(address: string): string[] {
  // A zone ("fe80::1%eth0") names the interface, not the address.
  const [head = '', tail] = (address.split('%')[0] ?? '').split('::');
  const groups = (part: string | undefined) =>
    part ? part.split(':').flatMap((group) => (group.includes('.') ? ipv4Hextets(group) : [group])) : [];
  const left = groups(head);
  const right = groups(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}

/** "192.0.2.1" at the end of an IPv6 address ("64:ff9b::192.0.2.1") is its last two groups. */
function ipv4Hextets(dotted: string): string[] {
  const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/** "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
