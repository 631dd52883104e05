import ipaddr from "ipaddr.js";

/**
 * Address ranges (ipaddr.js names) that `INGEST_ALLOW_PRIVATE=true` opens: a feed
 * on this machine or an intranet. Link-local (169.254.169.254, the cloud metadata
 * service), unspecified, multicast, broadcast, CGNAT and reserved ranges stay refused.
 */
export const PRIVATE_RANGES: readonly string[] = Object.freeze(["loopback", "private", "uniqueLocal"]);

/** Thrown when a host resolves to (or is) an address the fetcher may not connect to. */
export class AddressRefusedError extends Error {
  readonly code = "INGEST_ADDRESS_REFUSED";
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`refused: ${host} is ${address} (${range}), not a public address`);
    this.name = "AddressRefusedError";
  }
}

/**
 * The range of an address when the fetcher must not connect to it, or undefined when it
 * may (a public unicast address, or one of `allowed`). IPv4-mapped IPv6 (`::ffff:10.0.0.1`)
 * is judged as the IPv4 address it carries; text that is not an address is refused.
 */
export function refusedRange(address: string, allowed: readonly string[] = []): string | undefined {
  if (!ipaddr.isValid(address)) return "not an address";
  const range = ipaddr.process(address).range();
  if (range === "unicast" || allowed.includes(range)) return undefined;
  return range;
}

/** The host of a URL as an address literal (IPv6 brackets removed), or undefined for a name. */
export function addressLiteral(hostname: string): string | undefined {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : undefined;
}
