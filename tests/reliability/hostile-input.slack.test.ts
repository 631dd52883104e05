import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dispatch } from "../../commands/dispatch.js";
import { commands } from "../../commands/index.js";
import { failureMessage as slackFailure } from "../../src/adapters/slack/failure.js";
import { mentionToInvocation } from "../../src/adapters/slack/invocation.js";
import { decodePagingState, encodePagingState, type PagingState } from "../../src/adapters/slack/paging.js";
import { renderSlackAnswer, type SlackMessage } from "../../src/adapters/slack/render-blocks.js";
import type { Engine } from "../../src/core/engine.js";
import { silentLogger } from "../../src/logger.js";
import { answerSlack, expectUserError } from "../helpers/reliability/answer-in-process.js";
import { recordFigures, Tally } from "../helpers/reliability/figures.js";
import { hostileText } from "../helpers/reliability/hostile-text.js";
import { slackMessageProblems } from "../helpers/reliability/payload-checks.js";
import { seedEngine } from "../helpers/seed-engine.js";

// Per command: 5,000 Slack texts here + 5,000 Discord option sets in hostile-input.discord = 10,000.
const CASES = 5000;
// Platforms deliver text as UTF-8 JSON: it never holds a lone surrogate.
const LONE_SURROGATE = /\p{Cs}/u;
const FIGURES = "hostile-input";
// Slack messages (an @mention) carry up to 40,000 characters.
const SLACK_MESSAGE_LIMIT = 40_000;

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe("GIVEN hostile text typed into every command in Slack, answered in-process", () => {
  for (const command of commands.map((c) => c.name)) {
    it(`WHEN ${CASES} hostile /${command} texts arrive THEN every reply is within Block Kit limits, escapes every <, > and &, and only user errors escape`, () => {
      const tally = new Tally();
      const slash = fc.constantFrom(`/${command}`, "/backstory", "/BACKSTORY", `/${command.toUpperCase()}`);
      fc.assert(
        fc.property(slash, hostileText, (name, text) => {
          const typed = name.toLowerCase() === "/backstory" ? `${command} ${text}` : text;
          expect(slackMessageProblems(answerSlack(engine, name, typed, tally))).toEqual([]);
        }),
        { numRuns: CASES },
      );
      expect(tally.total).toBe(CASES);
      recordFigures(FIGURES, `slack /${command}`, { cases: tally.total, outcomes: tally.counts });
    }, 120_000);
  }

  it("WHEN 3000 hostile @Backstory mentions arrive THEN each parses to a command or a user error and renders safely", () => {
    const tally = new Tally();
    fc.assert(
      fc.property(hostileText, (text) => {
        let message: SlackMessage;
        try {
          const invocation = mentionToInvocation(`<@U0BOT> ${text}`, "U0ANA");
          const answer = dispatch(invocation, { engine });
          tally.add("answered");
          message = renderSlackAnswer(answer, {
            args: invocation.args,
            visibility: invocation.visibility ?? "public",
          });
        } catch (error) {
          tally.add(`refused:${expectUserError(error).code}`);
          message = slackFailure(error, silentLogger, { stage: "app_mention" });
        }
        expect(slackMessageProblems(message)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    recordFigures(FIGURES, "slack mentions", { cases: tally.total, outcomes: tally.counts });
  }, 60_000);

  it("WHEN 3000 forged button values are clicked THEN they decode to nothing or to a state naming a command, never throwing, and genuine values among them decode to what they carry", () => {
    const forged = fc.oneof(
      hostileText,
      fc.jsonValue().map((v) => JSON.stringify(v)),
      hostileText.map((t) => JSON.stringify({ v: 1, c: t, a: { topic: t }, p: 0, s: "public" })),
      hostileText.map((t) =>
        JSON.stringify({ v: 1, c: "quote", a: { speaker: t }, p: 1, s: "private", b: t }),
      ),
    );
    // Values the bot itself makes, with hostile arguments: each must come back as it went.
    const genuine = fc
      .tuple(
        hostileText.filter((t) => !LONE_SURROGATE.test(t)).map((t) => t.slice(0, 400)),
        fc.nat({ max: 10_000 }),
        fc.constantFrom("private", "public"),
      )
      .map(([t, page, visibility]): PagingState => ({ command: "why", args: { topic: t }, page, visibility }))
      // A state too long for a button value gets no buttons at all: only values the bot sends are clicked.
      .filter((state) => encodePagingState(state) !== undefined);
    const value = fc.oneof(
      forged.map((v) => ({ v, sent: undefined as PagingState | undefined })),
      genuine.map((state) => ({ v: encodePagingState(state) ?? "", sent: state as PagingState | undefined })),
    );
    const tally = new Tally();
    fc.assert(
      fc.property(value, ({ v, sent }) => {
        const state = decodePagingState(v);
        tally.add(
          `${sent === undefined ? "forged" : "genuine"} ${state === undefined ? "refused" : "decoded"}`,
        );
        if (sent !== undefined) expect(state).toEqual(sent);
        if (state === undefined) return;
        expect(state.command.length).toBeGreaterThan(0);
        // Only a real Slack user id can be named as the sharer: no `<!channel>` through a button.
        if (state.sharedBy !== undefined) expect(state.sharedBy).toMatch(/^[UW][A-Z0-9]+$/u);
      }),
      { numRuns: 3000 },
    );
    // Both sides were exercised: genuine values all decoded, and forgeries were refused.
    expect(tally.counts["genuine decoded"]).toBeGreaterThan(0);
    expect(tally.counts["genuine refused"]).toBeUndefined();
    expect(tally.counts["forged refused"]).toBeGreaterThan(0);
    expect(tally.total).toBe(3000);
    recordFigures(FIGURES, "slack buttons", { cases: 3000, outcomes: tally.counts });
  });
});

describe("GIVEN the longest texts Slack delivers", () => {
  it("WHEN a 100,000-character text in one word reaches every command THEN each answers in under a second", () => {
    const word = "@everyone".repeat(Math.ceil(100_000 / 9));
    for (const command of commands.map((c) => c.name)) {
      const started = performance.now();
      const message = answerSlack(engine, "/backstory", `${command} ${word}`, new Tally());
      expect(performance.now() - started).toBeLessThan(1000);
      expect(slackMessageProblems(message)).toEqual([]);
    }
  });

  it("WHEN a 40,000-character text of 20,000 words arrives THEN it is parsed and answered in under a second", () => {
    const text = "a ".repeat(SLACK_MESSAGE_LIMIT / 2);
    const started = performance.now();
    const message = answerSlack(engine, "/search", text, new Tally());
    const elapsed = performance.now() - started;
    recordFigures(FIGURES, "slack 20,000 words", { elapsedMs: Math.round(elapsed) });
    expect(slackMessageProblems(message)).toEqual([]);
    expect(elapsed).toBeLessThan(1000);
  }, 60_000);
});
