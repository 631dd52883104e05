/** Stable codes for the errors a command or the engine can report. */
export type ErrorCode =
  | "unknown_command"
  | "missing_option"
  | "invalid_option"
  | "index_not_ready"
  | "rate_limited"
  | "internal";

/**
 * An error that is a value: a code for programs and a message fit to show a user.
 * Adapters decide how to show it; details stay in the log.
 */
export class BackstoryError extends Error {
  readonly code: ErrorCode;
  /** What the user is told. Never contains internals. */
  readonly userMessage: string;

  constructor(code: ErrorCode, userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = "BackstoryError";
    this.code = code;
    this.userMessage = userMessage;
  }
}

/** Wraps anything thrown into a BackstoryError, keeping the original as `cause`. */
export function asBackstoryError(error: unknown): BackstoryError {
  if (error instanceof BackstoryError) return error;
  return new BackstoryError("internal", "Something went wrong while answering.", { cause: error });
}
