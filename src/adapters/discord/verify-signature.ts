import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { MAX_CLOCK_SKEW_SECONDS } from "../deadlines.js";

/** An Ed25519 public key from the 64 hex characters shown on the Discord application's page. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/iu.test(hex)) throw new Error("A Discord public key is 64 hexadecimal characters.");
  const x = Buffer.from(hex, "hex").toString("base64url");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
}

/** The headers Discord signs a request with. */
export interface SignatureHeaders {
  signature: string | undefined;
  timestamp: string | undefined;
}

/**
 * Whether Discord signed this request: `X-Signature-Ed25519` is the signature
 * of `X-Signature-Timestamp` followed by the raw body. Requests whose timestamp
 * is more than five minutes away from `nowSeconds` are refused (replays).
 */
export function isSignedByDiscord(
  key: KeyObject,
  headers: SignatureHeaders,
  body: Buffer,
  nowSeconds: number = Date.now() / 1000,
): boolean {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/iu.test(signature) || !/^\d{1,15}$/u.test(timestamp)) {
    return false;
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, "utf8"), body]),
      key,
      Buffer.from(signature, "hex"),
    );
  } catch {
    return false;
  }
}
