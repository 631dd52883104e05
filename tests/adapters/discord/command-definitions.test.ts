import { ApplicationCommandOptionType } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { discordCommandDefinitions } from "../../../src/adapters/discord/command-definitions.js";
import { FormErrors } from "../../fakes/discord/form-errors.js";
import { checkCommands } from "../../fakes/discord/validate.js";

describe("GIVEN the command table", () => {
  const definitions = discordCommandDefinitions(true);

  it("WHEN turned into Discord commands THEN there is one slash command per entry", () => {
    expect(definitions.map((d) => d.name)).toEqual(commands.map((c) => c.name));
    expect(definitions.every((d) => d.type === 1)).toBe(true);
  });

  it("WHEN turned into Discord commands THEN Discord's rules for names, lengths and option order hold", () => {
    const errors = new FormErrors();
    checkCommands(definitions, errors);
    expect(errors.problems).toEqual([]);
  });

  it("WHEN turned into Discord commands THEN every command gets a boolean private option, last", () => {
    for (const definition of definitions) {
      const last = definition.options?.at(-1);
      expect(last).toMatchObject({
        name: "private",
        type: ApplicationCommandOptionType.Boolean,
        required: false,
      });
    }
    expect(definitions[0]?.options?.at(-1)?.description).toBe("Only you see the answer (default: yes)");
    expect(discordCommandDefinitions(false)[0]?.options?.at(-1)?.description).toBe(
      "Only you see the answer (default: no)",
    );
  });

  it("WHEN an option names an autocomplete source THEN the Discord option has autocomplete", () => {
    const quote = definitions.find((d) => d.name === "quote");
    expect(quote?.options?.map((o) => [o.name, o.required, "autocomplete" in o && o.autocomplete])).toEqual([
      ["speaker", true, true],
      ["about", false, true],
      ["private", false, false],
    ]);
  });
});
