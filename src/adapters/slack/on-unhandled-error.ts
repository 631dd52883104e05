import type { App, CodedError } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { newReference } from "../../present/failure.js";

/**
 * The last stop for errors no listener handled (a response_url that refused a
 * message, an authorization failure): logged with a reference id, and swallowed so
 * the app keeps serving other requests.
 */
export function onUnhandledError(app: App, logger: Logger): void {
  app.error(async ({ error, body }: { error: CodedError; body: unknown }) => {
    const type = typeof body === "object" && body !== null && "type" in body ? String(body.type) : undefined;
    logger.error(
      { reference: newReference(), code: error.code, bodyType: type, err: error },
      "slack: unhandled error",
    );
  });
}
