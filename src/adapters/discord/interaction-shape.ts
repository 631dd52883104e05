import type { APIInteraction } from "discord.js";
import { z } from "zod";

const user = z.looseObject({ id: z.string() });
const option = z.looseObject({
  name: z.string(),
  type: z.number(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});
const commandData = z.looseObject({
  name: z.string(),
  type: z.number().optional(),
  options: z.array(option).optional(),
});
const base = z.looseObject({
  id: z.string(),
  token: z.string(),
  locale: z.string().optional(),
  member: z.looseObject({ user }).optional(),
  user: user.optional(),
});

// What fromApiInteraction reads of each interaction type (ping, command, component,
// autocomplete); other types are answered "unsupported" and need only an id and a token.
const SHAPE_OF_TYPE: Record<number, z.ZodType> = {
  1: z.looseObject({ id: z.string() }),
  2: base.extend({ data: commandData.extend({ type: z.number() }) }),
  3: base.extend({
    data: z.looseObject({ component_type: z.number(), custom_id: z.string() }),
    message: z.looseObject({
      flags: z.number().optional(),
      embeds: z.array(z.looseObject({ footer: z.looseObject({ text: z.string() }).optional() })),
    }),
  }),
  4: base.extend({ data: commandData }),
};
const typed = z.looseObject({ type: z.number().int() });

/** A signed body read as an interaction, or why it is not one (for a 400). */
export type InteractionRead = { ok: true; interaction: APIInteraction } | { ok: false; problem: string };

/**
 * Reads a signed request body as an interaction, checking the shape of every
 * field the adapter reads (Discord signs what it sends, but a bug or a replayed
 * hand-made body must get a 400, not a TypeError): option values are strings,
 * numbers or booleans, components come with their message, members with their user.
 */
export function readInteraction(body: Buffer): InteractionRead {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    return { ok: false, problem: "the body is not JSON" };
  }
  const kind = typed.safeParse(value);
  if (!kind.success) return { ok: false, problem: describe(kind.error) };
  const parsed = (SHAPE_OF_TYPE[kind.data.type] ?? base).safeParse(value);
  if (!parsed.success) return { ok: false, problem: describe(parsed.error, kind.data.type) };
  return { ok: true, interaction: value as APIInteraction };
}

function describe(error: z.ZodError, type?: number): string {
  const where = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ");
  return `not an interaction Backstory can read${type === undefined ? "" : ` (type ${type})`}: ${where}`;
}
