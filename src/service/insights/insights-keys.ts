import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from "node:crypto";
import { randomToken } from "../random-pool.js";

/**
 * The keyed hashes of the insights, all from one server secret: a reader's pseudonymous key
 * (stable, one-way: the platform id never reaches the database) and the signed answer ids the
 * vote buttons carry (a made-up or altered id fails the check, so any process can take a click
 * without remembering what it sent).
 */
export interface InsightsKeys {
  /** HMAC-SHA256 of `platform:user`, hex; the same user on the same platform always gets the same key. */
  userKey(platform: string, user: string): string;
  /** A new answer id with its tag: `<id>.<tag>`, 29 URL-safe characters. */
  newAnswerId(): string;
  /** A new answer id (see newAnswerId) and the question id it names. */
  newAnswer(): { questionId: string; answerId: string };
  /** The question id a signed answer id names, or undefined when the tag does not match. */
  questionIdOf(answerId: string): string | undefined;
}

const SIGNED = /^([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{16})$/u;

/** The insights keys from a secret (at least 32 characters). */
export function insightsKeys(secret: string): InsightsKeys {
  const key = createSecretKey(Buffer.from(secret, "utf8"));
  const hmac = (purpose: string, text: string) =>
    createHmac("sha256", key).update(`${purpose}\u0000${text}`).digest();
  const tag = (id: string) => hmac("answer", id).subarray(0, 12).toString("base64url");
  const newAnswer = () => {
    const questionId = randomToken(9, "base64url");
    return { questionId, answerId: `${questionId}.${tag(questionId)}` };
  };
  return {
    userKey: (platform, user) => hmac("user", `${platform}:${user}`).toString("hex").slice(0, 32),
    newAnswerId: () => newAnswer().answerId,
    newAnswer,
    questionIdOf: (answerId) => {
      const match = SIGNED.exec(answerId);
      if (!match?.[1] || !match[2]) return undefined;
      const expected = Buffer.from(tag(match[1]));
      const given = Buffer.from(match[2]);
      return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : undefined;
    },
  };
}

/** A fresh secret for when `INSIGHTS_SECRET` is unset (kept in the database by the caller). */
export function generatedSecret(): string {
  return randomBytes(32).toString("hex");
}
