import type { types } from "@slack/bolt";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { type EndpointFixture, startEndpointFixture } from "../fakes/discord/endpoint-fixture.js";
import { commandInteraction } from "../fakes/discord/payloads.js";
import { FAKE_BOT } from "../fakes/slack/fake-slack-api.js";
import { type HttpHarness, startHttpHarness, TEST_SIGNING_SECRET } from "../fakes/slack/harness.js";
import { appMentionEnvelope } from "../fakes/slack/payloads.js";
import { JSON_TYPE } from "../fakes/slack/signed-request.js";
import { recordFigures, Tally } from "../helpers/reliability/figures.js";
import { hostileText } from "../helpers/reliability/hostile-text.js";
import { discordMessageProblems, slackMessageProblems } from "../helpers/reliability/payload-checks.js";
import { closeIdleConnections, sendRaw } from "../helpers/reliability/raw-http.js";
import { signedSlackCommand } from "../helpers/reliability/valid-requests.js";
import { seedAsker } from "../helpers/seed-engine.js";

// Over real HTTP, through the adapters' own listeners and the platforms' fakes.
const CASES_PER_PLATFORM = 200;
const MENTION_CASES = 100;
const FIGURES = "hostile-input";
const names = commands.map((c) => c.name);
// Discord delivers string options of at most 6,000 characters.
const discordValue = hostileText.map((text) => text.slice(0, 6000));

let discord: EndpointFixture;
let slack: HttpHarness;
beforeAll(async () => {
  const asker = await seedAsker();
  [discord, slack] = await Promise.all([startEndpointFixture(asker), startHttpHarness({ asker })]);
});
afterAll(async () => {
  await Promise.all([discord?.stop(), slack?.close()]);
  closeIdleConnections();
});

/** The `ts` of the event an Events API callback carries. */
function eventTs(body: Record<string, unknown>): unknown {
  const event = body.event as Record<string, unknown> | undefined;
  return event?.ts;
}

describe("GIVEN hostile text sent over HTTP as the platforms send it", () => {
  it(`WHEN ${CASES_PER_PLATFORM} signed Slack slash commands carry hostile text THEN each is answered in its ack within Block Kit limits, escaped, and nothing goes to the response_url`, async () => {
    const tally = new Tally();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), hostileText, async (command, text) => {
        const id = `h${n++}`;
        const request = signedSlackCommand(TEST_SIGNING_SECRET, {
          command: `/${command}`,
          text,
          responseUrl: slack.fake.responseUrl(id),
        });
        const sent = Date.now();
        const ack = await sendRaw(slack.eventsUrl, request);
        expect(ack.status).toBe(200);
        slack.fake.acceptAck({ kind: "slash_commands", body: ack.text, afterMs: Date.now() - sent });
        const payload = JSON.parse(ack.text) as Record<string, unknown>;
        const message = { text: String(payload.text), blocks: payload.blocks as types.KnownBlock[] };
        expect(slackMessageProblems(message)).toEqual([]);
        tally.add(String(payload.response_type));
      }),
      { numRuns: CASES_PER_PLATFORM },
    );
    expect(slack.fake.responses.entries).toEqual([]);
    expect(slack.fake.rejections.entries).toEqual([]);
    recordFigures(FIGURES, "slack over HTTP", { cases: tally.total, outcomes: tally.counts });
  }, 120_000);

  it(`WHEN ${MENTION_CASES} signed @Backstory mentions carry hostile text THEN each is answered once through the Web API with a message the fake Slack accepts`, async () => {
    const tally = new Tally();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostileText, fc.boolean(), async (text, privately) => {
        n += 1;
        const ts = `1700000100.${String(n).padStart(6, "0")}`;
        const typed = `<@${FAKE_BOT.userId}> ${text}${privately ? " private" : ""}`;
        const before = slack.fake.calls.entries.filter((c) => c.method.startsWith("chat.")).length;
        const body = JSON.stringify(appMentionEnvelope({ text: typed, ts }));
        expect((await slack.send(body, JSON_TYPE)).status).toBe(200);
        await slack.handled.waitFor((r) => eventTs(r.body) === ts, `the app to finish with mention ${n}`);
        const posted = slack.fake.calls.entries.filter((c) => c.method.startsWith("chat.")).slice(before);
        expect(posted).toHaveLength(1);
        tally.add(
          `${posted[0]?.method}${posted[0]?.error === undefined ? "" : ` refused: ${posted[0].error}`}`,
        );
      }),
      { numRuns: MENTION_CASES },
    );
    expect(slack.fake.rejections.entries).toEqual([]);
    expect(tally.total).toBe(MENTION_CASES);
    recordFigures(FIGURES, "slack mentions over HTTP", { cases: tally.total, outcomes: tally.counts });
  }, 120_000);

  it(`WHEN ${CASES_PER_PLATFORM} signed Discord interactions carry hostile options THEN each is answered with a message the fake Discord accepts, mentioning no one`, async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), discordValue, discordValue, async (command, a, b) => {
        const [first, second] = commands.find((c) => c.name === command)?.options ?? [];
        const options: Record<string, string> = {};
        if (first) options[first.name] = a;
        if (second) options[second.name] = b;
        const interaction = discord.fake.track((c) => commandInteraction(c, command, options));
        const response = await discord.deliver(interaction);
        expect(response.status).toBe(200);
        const body = response.json() as { type: number; data?: unknown };
        if (body.type === 4) expect(discordMessageProblems(body.data)).toEqual([]);
        tally.add(`type ${body.type}`);
        const outcome = await interaction.outcome(10_000);
        tally.add(outcome.via);
      }),
      { numRuns: CASES_PER_PLATFORM },
    );
    expect(discord.fake.rejections).toEqual([]);
    recordFigures(FIGURES, "discord over HTTP", { cases: CASES_PER_PLATFORM, outcomes: tally.counts });
  }, 120_000);
});
