import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { buildConnector } from "undici";
import { AddressRefusedError, addressLiteral, refusedRange } from "./address-policy.js";

/** How names are resolved: node's `dns.lookup` by default; tests map names to addresses of their choosing. */
export type Resolver = (
  hostname: string,
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, callback) =>
  dnsLookup(hostname, { all: true, verbatim: true } satisfies LookupAllOptions, callback);

/**
 * A `lookup` for `net.connect` that resolves the name and refuses it when any of its
 * addresses is not public (one private answer among public ones is how DNS rebinding
 * starts), so a connection is only ever opened to an address that was checked.
 */
export function safeLookup(allowed: readonly string[], resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const family = typeof options === "object" ? options.family : undefined;
      const usable = addresses.filter((a) => !family || a.family === family);
      if (usable.length === 0) return callback(new Error(`${hostname} has no address`), "", 0);
      for (const { address } of usable) {
        const range = refusedRange(address, allowed);
        if (range) return callback(new AddressRefusedError(hostname, address, range), "", 0);
      }
      if (typeof options === "object" && options.all) return (callback as AllCallback)(null, usable);
      const first = usable[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

type AllCallback = (error: Error | null, addresses: LookupAddress[]) => void;

/**
 * An undici connector that checks every connection three times: an address literal in the
 * URL before connecting (no lookup happens for one), each resolved address (safeLookup), and
 * the socket's remote address once connected (what was actually reached).
 */
export function safeConnector(
  allowed: readonly string[],
  timeoutMs: number,
  resolve?: Resolver,
): buildConnector.connector {
  const connect = buildConnector({ timeout: timeoutMs, lookup: safeLookup(allowed, resolve) });
  return (options, callback) => {
    const literal = addressLiteral(options.hostname);
    const literalRange = literal === undefined ? undefined : refusedRange(literal, allowed);
    if (literal && literalRange) {
      return callback(new AddressRefusedError(options.hostname, literal, literalRange), null);
    }
    connect(options, (error, socket) => {
      if (error) return callback(error, null);
      const remote = socket?.remoteAddress;
      const range = remote === undefined ? "no remote address" : refusedRange(remote, allowed);
      if (range) {
        socket?.destroy();
        return callback(new AddressRefusedError(options.hostname, remote ?? "?", range), null);
      }
      callback(null, socket as NonNullable<typeof socket>);
    });
  };
}
