/** Why a fetch or an article was skipped: a short, fixed name for metrics and summaries. */
export type SkipReason =
  | "refused-address"
  | "bad-url"
  | "too-many-redirects"
  | "too-large"
  | "timeout"
  | "http-error"
  | "network-error"
  | "unsupported-type"
  | "not-a-feed"
  | "empty-extraction"
  | "extract-failed"
  | "paywalled"
  | "write-failed";

/** A fetch or an article that could not be taken, with its reason and a readable detail. */
export class SkipError extends Error {
  constructor(
    readonly reason: SkipReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "SkipError";
  }
}
