import { commands } from "../../../commands/index.js";
import { sendJson } from "../respond.js";
import type { Route } from "../router.js";

/** `GET /api/commands` → the command table (names, options, examples) for the playground's completion. */
export function commandsRoute(): Route {
  const table = commands.map((c) => ({
    name: c.name,
    description: c.description,
    examples: c.examples,
    options: c.options.map((o) => ({
      name: o.name,
      description: o.description,
      type: o.type,
      required: o.required === true,
      ...(o.autocomplete ? { autocomplete: o.autocomplete } : {}),
    })),
  }));
  return {
    name: "/api/commands",
    methods: ["GET"],
    path: "/api/commands",
    handler: ({ res }) => sendJson(res, 200, { commands: table }),
  };
}
