import { randomFillSync } from "node:crypto";

// Drawn from the CSPRNG a few kilobytes at a time: a call per request id costs more than the id.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/**
 * `bytes` fresh random bytes (node:crypto's CSPRNG, never handed out twice) as text in
 * `encoding`: request ids and answer ids.
 */
export function randomToken(bytes: number, encoding: "hex" | "base64url"): string {
  if (bytes > POOL_BYTES) return randomFillSync(Buffer.alloc(bytes)).toString(encoding);
  if (used + bytes > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const token = pool.toString(encoding, used, used + bytes);
  used += bytes;
  return token;
}
