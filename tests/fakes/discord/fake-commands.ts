import { invalid, notFound, type Reply } from "./fake-http.js";
import { FormErrors } from "./form-errors.js";
import { snowflake } from "./payloads.js";
import { checkCommands } from "./validate.js";

/** Application commands as the fake's REST API keeps them, per scope. */
export class FakeCommandStore {
  /** Registered commands by scope: `global` or the guild id. */
  readonly byScope = new Map<string, Record<string, unknown>[]>();
  /** How many bulk overwrites (PUT) were accepted. */
  writes = 0;

  constructor(private readonly applicationId: string) {}

  /** `GET` or `PUT` (bulk overwrite) of a scope's commands. */
  route(method: string, scope: string, body: unknown): Reply {
    if (method === "GET") return { status: 200, body: this.byScope.get(scope) ?? [] };
    if (method !== "PUT") return notFound();
    const errors = new FormErrors();
    checkCommands(body, errors);
    if (!errors.ok) return invalid(errors);
    const stored = (body as Record<string, unknown>[]).map((command) => this.stored(command, scope));
    this.byScope.set(scope, stored);
    this.writes++;
    return { status: 200, body: stored };
  }

  /** A command as Discord returns it: ids and defaults added, `false` option flags left out. */
  private stored(command: Record<string, unknown>, scope: string): Record<string, unknown> {
    const options = Array.isArray(command.options) ? (command.options as Record<string, unknown>[]) : [];
    return {
      id: snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      default_member_permissions: null,
      type: 1,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...(scope === "global" ? {} : { guild_id: scope }),
      ...command,
      options: options.map((option) => {
        const copy = { ...option };
        if (copy.required === false) delete copy.required;
        if (copy.autocomplete === false) delete copy.autocomplete;
        return copy;
      }),
    };
  }
}
