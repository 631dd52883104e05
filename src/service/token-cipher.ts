import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** A secret as stored: which key sealed it, and the sealed bytes (IV, tag, ciphertext) in base64. */
export interface Sealed {
  keyId: string;
  ciphertext: string;
}

/** One AES-256 key and its id (stored beside each ciphertext it seals). */
export interface CipherKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals secrets at rest with AES-256-GCM. The first key seals; every key opens what
 * it sealed, so keys rotate without downtime: put the new key first, and rewrite
 * (re-seal) what `needsResealing` reports until the old key seals nothing, then drop it.
 * `context` (e.g. the row's key) is authenticated with the secret: a ciphertext copied
 * to another row does not open.
 */
export class TokenCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: CipherKey;

  constructor(keys: readonly CipherKey[]) {
    const [first] = keys;
    if (first === undefined) throw new Error("TokenCipher needs at least one key");
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new Error(`key ${id} is not 32 bytes`);
    }
    this.current = first;
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
  }

  /** The id of the key that seals now. */
  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: string, context: string): Sealed {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.current.key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return {
      keyId: this.current.id,
      ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64"),
    };
  }

  /** Opens a sealed secret; throws when its key is unknown or it was altered (or moved). */
  open(sealed: Sealed, context: string): string {
    const key = this.keys.get(sealed.keyId);
    if (key === undefined) {
      throw new Error(`sealed with key ${sealed.keyId}, which ENCRYPTION_KEY no longer lists`);
    }
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  }

  /** Whether a secret was sealed with an older key (rotation rewrites it). */
  needsResealing(sealed: Sealed): boolean {
    return sealed.keyId !== this.current.id;
  }
}
