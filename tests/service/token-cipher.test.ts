import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TokenCipher } from "../../src/service/token-cipher.js";

const key = (id: string) => ({ id, key: randomBytes(32) });
const TOKEN = "xoxb-1234-5678-secretsecret";

describe("TokenCipher (AES-256-GCM)", () => {
  it("GIVEN a sealed token THEN the ciphertext hides it, differs each time, and opens back", () => {
    const cipher = new TokenCipher([key("k1")]);
    const [a, b] = [cipher.seal(TOKEN, "team:T1"), cipher.seal(TOKEN, "team:T1")];
    expect(a.keyId).toBe("k1");
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(Buffer.from(a.ciphertext, "base64").toString("latin1")).not.toContain("secret");
    expect(cipher.open(a, "team:T1")).toBe(TOKEN);
  });

  it("GIVEN a ciphertext moved to another row, or altered THEN it does not open", () => {
    const cipher = new TokenCipher([key("k1")]);
    const sealed = cipher.seal(TOKEN, "team:T1");
    expect(() => cipher.open(sealed, "team:T2")).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    expect(() => cipher.open({ ...sealed, ciphertext: bytes.toString("base64") }, "team:T1")).toThrow();
  });

  it("GIVEN a new key put first THEN old ciphertexts still open, are flagged for re-sealing, and new ones use the new key", () => {
    const old = key("k1");
    const sealedBefore = new TokenCipher([old]).seal(TOKEN, "team:T1");
    const rotated = new TokenCipher([key("k2"), old]);
    expect(rotated.open(sealedBefore, "team:T1")).toBe(TOKEN);
    expect(rotated.needsResealing(sealedBefore)).toBe(true);
    const sealedAfter = rotated.seal(TOKEN, "team:T1");
    expect([sealedAfter.keyId, rotated.needsResealing(sealedAfter)]).toEqual(["k2", false]);
  });

  it("GIVEN the old key dropped too early THEN opening says which key is missing", () => {
    const sealed = new TokenCipher([key("k1")]).seal(TOKEN, "team:T1");
    expect(() => new TokenCipher([key("k2")]).open(sealed, "team:T1")).toThrow(/k1/u);
  });
});
