import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

/** An Ed25519 key pair standing in for Discord's, to sign requests to the interactions endpoint. */
export interface DiscordSigner {
  /** The public key as the Discord developer portal shows it: 64 hex characters. */
  publicKeyHex: string;
  /** Headers signing `body` at `timestamp` (seconds; default now). */
  headers(body: string, timestamp?: number): Record<string, string>;
}

/** A fresh key pair and a signer using it. */
export function createDiscordSigner(): DiscordSigner {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyHex: rawPublicKeyHex(publicKey),
    headers: (body, timestamp = Math.floor(Date.now() / 1000)) => ({
      "content-type": "application/json",
      "x-signature-timestamp": String(timestamp),
      "x-signature-ed25519": sign(null, Buffer.from(`${timestamp}${body}`), privateKey).toString("hex"),
    }),
  };
}

function rawPublicKeyHex(key: KeyObject): string {
  const jwk = key.export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("not an Ed25519 public key");
  return Buffer.from(jwk.x, "base64url").toString("hex");
}
