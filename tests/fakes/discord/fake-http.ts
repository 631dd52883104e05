import type { IncomingMessage } from "node:http";
import { FormErrors } from "./form-errors.js";

/** What the fake answers a request: a status and, unless 204, a JSON body. */
export interface Reply {
  status: number;
  body?: unknown;
}

/** The JSON body of a request (undefined when empty, the text when not JSON). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** "type is required", for a callback without one. */
export function typeProblem(): FormErrors {
  const errors = new FormErrors();
  errors.add(["type"], "BASE_TYPE_REQUIRED", "This field is required");
  return errors;
}

export const invalid = (errors: FormErrors): Reply => ({ status: 400, body: errors.toResponse() });
export const notFound = (): Reply => ({ status: 404, body: { message: "404: Not Found", code: 0 } });
export const unauthorized = (): Reply => ({ status: 401, body: { message: "401: Unauthorized", code: 0 } });
export const unknownInteraction = (): Reply => ({
  status: 404,
  body: { message: "Unknown interaction", code: 10062 },
});
export const unknownWebhook = (): Reply => ({
  status: 404,
  body: { message: "Unknown Webhook", code: 10015 },
});
export const emptyMessage = (): Reply => ({
  status: 400,
  body: { message: "Cannot send an empty message", code: 50006 },
});
