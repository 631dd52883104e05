import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { parseAskedLine } from "../../src/adapters/discord/asked-line.js";
import { autocompleteChoices } from "../../src/adapters/discord/autocomplete.js";
import {
  type ButtonState,
  decodeButtonState,
  encodeButtonState,
} from "../../src/adapters/discord/button-state.js";
import type { Engine } from "../../src/core/engine.js";
import { fixedEngine } from "../../src/core/engine-source.js";
import { createAsker } from "../../src/service/asker.js";
import { FormErrors } from "../fakes/discord/form-errors.js";
import { checkChoices } from "../fakes/discord/validate.js";
import { answerDiscord, discordOptions } from "../helpers/reliability/answer-in-process.js";
import { recordFigures, Tally } from "../helpers/reliability/figures.js";
import { hostileText } from "../helpers/reliability/hostile-text.js";
import { discordMessageProblems } from "../helpers/reliability/payload-checks.js";
import { seedEngine } from "../helpers/seed-engine.js";

// Per command: 5,000 Discord option sets here + 5,000 Slack texts in hostile-input.slack = 10,000.
const CASES = 5000;
// Platforms deliver text as UTF-8 JSON: it never holds a lone surrogate.
const LONE_SURROGATE = /\p{Cs}/u;
const FIGURES = "hostile-input";

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe("GIVEN hostile option values in every Discord command, answered in-process", () => {
  for (const command of commands.map((c) => c.name)) {
    it(`WHEN ${CASES} hostile /${command} option sets arrive THEN every reply is within Discord's limits, mentions no one, and only user errors escape`, () => {
      const tally = new Tally();
      const page = fc.oneof(fc.integer({ min: -3, max: 50 }), fc.constantFrom(Number.NaN, 1e9));
      fc.assert(
        fc.property(discordOptions(command), page, (options, p) => {
          expect(discordMessageProblems(answerDiscord(engine, command, options, p, tally))).toEqual([]);
        }),
        { numRuns: CASES },
      );
      expect(tally.total).toBe(CASES);
      recordFigures(FIGURES, `discord /${command}`, { cases: tally.total, outcomes: tally.counts });
    }, 120_000);
  }

  it("WHEN 3000 hostile values are typed into autocompleted options THEN at most 25 suggestions of at most 100 characters come back", () => {
    const asker = createAsker(fixedEngine(engine));
    const focusable = commands.flatMap((c) =>
      c.options.filter((o) => o.autocomplete !== undefined).map((o) => [c.name, o.name] as const),
    );
    let suggested = 0;
    fc.assert(
      fc.property(fc.constantFrom(...focusable), hostileText, ([command, option], typed) => {
        const choices = autocompleteChoices(asker, command, [{ name: option, value: typed, focused: true }]);
        const errors = new FormErrors();
        checkChoices({ choices }, [], errors);
        expect(errors.problems).toEqual([]);
        suggested += choices.length;
      }),
      { numRuns: 3000 },
    );
    recordFigures(FIGURES, "discord autocomplete", { cases: 3000, suggestions: suggested });
  });

  it("WHEN 3000 forged button ids and footers arrive THEN they decode to nothing or to a well-formed request, never throwing, and genuine ids among them decode to what they carry", () => {
    const forged = fc.oneof(
      hostileText,
      hostileText.map((t) => `bs1:g:1:quote:${t}`),
      hostileText.map((t) => `bs1:p:999999:${t}:~`),
      fc.string({ unit: "binary", maxLength: 200 }),
    );
    // Ids the bot itself makes, with hostile arguments: each must come back as it went. (Discord
    // delivers options as UTF-8 JSON, so their text is always well formed.)
    const genuine = fc
      .tuple(
        hostileText.filter((t) => !LONE_SURROGATE.test(t)),
        fc.nat({ max: 999_999 }),
      )
      .map(([t, page]): ButtonState => ({ action: "page", command: "quote", page, args: { speaker: t } }));
    const customId = fc.oneof(
      forged.map((id) => ({ id, sent: undefined as ButtonState | undefined })),
      genuine.map((state) => ({ id: encodeButtonState(state), sent: state as ButtonState | undefined })),
    );
    const footer = fc.oneof(
      hostileText,
      hostileText.map((t) => `/quote speaker:${JSON.stringify(t)} · 2 sources`),
    );
    const tally = new Tally();
    fc.assert(
      fc.property(customId, footer, ({ id, sent }, text) => {
        const state = decodeButtonState(id);
        tally.add(
          `${sent === undefined ? "forged" : "genuine"} ${state === undefined ? "refused" : "decoded"}`,
        );
        if (state !== undefined) {
          expect(state.command).toMatch(/^[a-z0-9_-]{1,32}$/u);
          expect(Number.isInteger(state.page) && state.page >= 0).toBe(true);
        }
        if (sent !== undefined) {
          expect(state).toMatchObject({ action: sent.action, command: sent.command, page: sent.page });
          // Arguments too long for the id are read back from the message instead.
          if (state?.args !== undefined) expect(state.args).toEqual(sent.args);
        }
        const asked = parseAskedLine(text);
        if (asked !== undefined) expect(asked.command).toMatch(/^[a-z0-9_-]{1,32}$/u);
      }),
      { numRuns: 3000 },
    );
    // Both sides were exercised: genuine ids all decoded, and forgeries were refused.
    expect(tally.counts["genuine decoded"]).toBeGreaterThan(0);
    expect(tally.counts["genuine refused"]).toBeUndefined();
    expect(tally.counts["forged refused"]).toBeGreaterThan(0);
    expect(tally.total).toBe(3000);
    recordFigures(FIGURES, "discord buttons", { cases: 3000, outcomes: tally.counts });
  });
});
