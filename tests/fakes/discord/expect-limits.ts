import { expect } from "vitest";
import { FormErrors } from "./form-errors.js";
import { checkMessage, isEmptyMessage } from "./validate.js";

/**
 * Asserts that a message body is one Discord would accept (same checks as the
 * fake's) and that it pings no one.
 */
export function expectWithinDiscordLimits(message: unknown, use: "create" | "edit" = "create"): void {
  const errors = new FormErrors();
  checkMessage(message, [], use, errors);
  expect(errors.problems).toEqual([]);
  expect(isEmptyMessage(message as Record<string, unknown>)).toBe(false);
  expect((message as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
}

/** Removes markdown escapes: what a Discord client shows for escaped text. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^\p{L}\p{N}\s])/gu, "$1");
}
