/** Calls the playground's JSON API; errors carry the server's user-facing message. */

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * @param {string} path
 * @param {Record<string, string>} params
 * @param {AbortSignal} [signal]
 */
async function getJson(path, params = {}, signal) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { accept: "application/json" }, signal });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `HTTP ${response.status}`,
    );
  }
  return body;
}

/** The command table: names, options (with their completion source) and examples. */
export const fetchCommands = () => getJson("/api/commands").then((body) => body.commands);

/**
 * The answer with its Discord and Slack renderings.
 * @param {string} q the slash command as typed
 * @param {number} page 0-based page of items
 * @param {string} [answerId] the answer already shown, when this is another page of it (not a new question)
 */
export const fetchRendering = (q, page = 0, answerId) =>
  getJson("/api/render", { q, page: String(page), ...(answerId === undefined ? {} : { answer: answerId }) });

/**
 * Rates an answer: Helpful (true) or Not helpful (false). Resolves with the server's thanks.
 * @param {string} answerId
 * @param {boolean} helpful
 */
export async function sendVote(answerId, helpful) {
  const url = new URL("/api/vote", window.location.origin);
  url.searchParams.set("answer", answerId);
  url.searchParams.set("helpful", String(helpful));
  const response = await fetch(url, { method: "POST", headers: { accept: "application/json" } });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? "http_error",
      body?.error?.message ?? `HTTP ${response.status}`,
    );
  }
  return body.message;
}

/**
 * Suggestions for an option's value.
 * @param {string} source speakers, entities or topics
 * @param {string} q what was typed so far
 * @param {AbortSignal} [signal]
 */
export const fetchSuggestions = (source, q, signal) =>
  getJson("/api/complete", { source, q }, signal).then((body) => body.suggestions);

/**
 * A page of an article with its paragraphs (at most 200, from paragraph `from`).
 * @param {string} id
 * @param {number} [from] the first paragraph's number
 */
export const fetchDocument = (id, from = 1) =>
  getJson(`/api/document/${encodeURIComponent(id)}`, from > 1 ? { from: String(from) } : {});
