import { afterEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { CHANNEL_ID } from "../fakes/discord/payloads.js";
import { createDiscordSigner } from "../fakes/discord/signing.js";
import {
  FAKE_ADMIN,
  type FakeSlackApi,
  startFakeSlackApi,
  TEST_BOT_TOKEN,
} from "../fakes/slack/fake-slack-api.js";
import { channelAsker, MANAGE_CHANNELS } from "../helpers/channel-commands.js";
import { fixtureSite } from "../helpers/fixture-site.js";
import { LIGHTHOUSE_STORY, publishStory, rssFeed } from "../helpers/news-fixtures.js";
import { copySeedCorpus, type SeedCorpusCopy } from "../helpers/seed-corpus-copy.js";
import { getJson, startTestService, type TestService } from "../helpers/start-test-service.js";

const SECRET = "test-signing-secret";
const signer = createDiscordSigner();
let corpus: SeedCorpusCopy | undefined;
let app: TestService | undefined;
let discord: FakeDiscord | undefined;
let slack: FakeSlackApi | undefined;

afterEach(async () => {
  await app?.stop();
  await discord?.close();
  await slack?.close();
  await corpus?.remove();
  app = corpus = discord = slack = undefined;
});

describe("following a story", () => {
  it("GIVEN channels following a person THEN a feed's new article quoting them brings one cited digest to each, once", async () => {
    const site = await fixtureSite({ "/feed.xml": { type: "application/rss+xml", body: rssFeed([]) } });
    discord = await FakeDiscord.start();
    slack = await startFakeSlackApi();
    corpus = await copySeedCorpus();
    app = await startTestService({
      corpusDir: corpus.corpusDir,
      snapshotDir: corpus.snapshotDir,
      role: "web",
      env: {
        FEEDS: site.url("/feed.xml"),
        INGEST_ALLOW_PRIVATE: "true",
        INGEST_HOST_GAP_MS: "0",
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_URL: discord.apiUrl,
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        DISCORD_PUBLIC_KEY: signer.publicKeyHex,
        SLACK_API_URL: slack.apiUrl,
      },
    });
    const running = app.service.digests;
    expect(running).toBeDefined();
    if (!running) return;
    await app.service.feeds?.pollAll();
    // The channels follow through the commands themselves: a Discord member who manages the channel, a Slack admin.
    const fakes = { url: app.url, slack };
    const { slash, discord: interact } = channelAsker(() => fakes, SECRET, signer, discord.applicationId);
    expect(await interact("follow", { topic: "Solberg" }, MANAGE_CHANNELS)).toContain("now follows");
    expect(await slash("/follow", "solberg", FAKE_ADMIN)).toContain("now follows");
    expect(await slash("/follow", "volcano", FAKE_ADMIN)).toContain("now follows");

    publishStory(site, {
      path: "/news/lighthouse",
      headline: "Cape lighthouse to close for repairs",
      paragraphs: LIGHTHOUSE_STORY,
      published: "2025-07-02",
      feedTitle: "Lighthouse",
    });
    const article = site.url("/news/lighthouse");
    const reloaded = app.nextReload((o) => o.ok && o.serving.engine.documents.some((d) => d.url === article));
    await app.service.feeds?.pollAll();
    await reloaded;
    await running.digests.settled();
    await running.digests.run();

    const answer = (await getJson<Answer>(`${app.url}/api/ask?q=${encodeURIComponent("/quote solberg")}`))
      .body;
    expect(answer.items[0]?.citation.url).toBe(article);

    expect(discord.channelMessages).toHaveLength(1);
    const posted = discord.channelMessages[0];
    expect(posted?.channelId).toBe(CHANNEL_ID);
    const embeds = (posted?.body.embeds ?? []) as { title: string; fields: { value: string }[] }[];
    const embed = embeds[0];
    expect(embed?.title).toBe("New on “Solberg”");
    expect(JSON.stringify(embed?.fields)).toContain("The lamp has burned for ninety years");
    expect(JSON.stringify(embed?.fields)).toContain(article);
    expect(posted?.body.allowed_mentions).toEqual({ parse: [] });
    expect(discord.rejections).toEqual([]);

    const slackPosts = slack.calls.entries.filter((c) => c.method === "chat.postMessage");
    expect(slackPosts).toHaveLength(1);
    expect(slackPosts[0]?.args.channel).toBe("C0NEWS");
    expect(JSON.stringify(slackPosts[0]?.args.blocks)).toContain("The lamp has burned for ninety years");
    expect(slack.rejections.entries).toEqual([]);

    // Never the same item twice: another run, another poll, nothing new to say.
    await running.digests.run();
    await app.service.feeds?.pollAll();
    await running.digests.run();
    expect(discord.channelMessages).toHaveLength(1);
    expect(slack.calls.entries.filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
  });
});
