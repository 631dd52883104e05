import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordSigner } from "../fakes/discord/signing.js";
import {
  FAKE_ADMIN,
  type FakeSlackApi,
  startFakeSlackApi,
  TEST_BOT_TOKEN,
} from "../fakes/slack/fake-slack-api.js";
import { channelAsker, MANAGE_CHANNELS } from "../helpers/channel-commands.js";
import { fixtureSite } from "../helpers/fixture-site.js";
import { articlePage, reportParagraphs } from "../helpers/news-fixtures.js";
import { copySeedCorpus, type SeedCorpusCopy } from "../helpers/seed-corpus-copy.js";
import { startTestService, type TestService } from "../helpers/start-test-service.js";

const SECRET = "test-signing-secret";
const signer = createDiscordSigner();
let corpus: SeedCorpusCopy;
let slack: FakeSlackApi;
let app: TestService;

beforeAll(async () => {
  corpus = await copySeedCorpus();
  slack = await startFakeSlackApi();
  app = await startTestService({
    corpusDir: corpus.corpusDir,
    snapshotDir: corpus.snapshotDir,
    role: "web",
    env: {
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_PUBLIC_KEY: signer.publicKeyHex,
      DISCORD_APPLICATION_ID: "300000000000000099",
      INGEST_ALLOW_PRIVATE: "true",
      INGEST_HOST_GAP_MS: "0",
      FOLLOW_ALLOWED_USERS: "U0LISTED",
    },
  });
});

afterAll(async () => {
  await app.stop();
  await slack.close();
  await corpus.remove();
});

const { slash, discord } = channelAsker(
  () => ({ url: app.url, slack }),
  SECRET,
  signer,
  "300000000000000099",
);

describe("/follow, /unfollow, /following and /add in a channel", () => {
  it("GIVEN a Slack admin THEN /follow and /unfollow act on the channel and /following lists it; a member is refused", async () => {
    expect(await slash("/follow", "Harbour Bridge", "U0ANA")).toContain(
      "Only members who can manage this channel",
    );
    expect(await slash("/follow", "Harbour Bridge", FAKE_ADMIN)).toContain(
      "This channel now follows “Harbour Bridge”",
    );
    expect(await slash("/follow", "harbour bridge", "U0LISTED")).toContain("already follows");
    expect(await slash("/following", "", "U0ANA")).toContain("This channel follows “Harbour Bridge”");
    expect(await slash("/unfollow", "Harbour Bridge", "U0ANA")).toContain("Only members");
    expect(await slash("/unfollow", "Harbour Bridge", FAKE_ADMIN)).toContain("no longer follows");
    expect(slack.calls.entries.some((c) => c.method === "users.info" && c.args.user === FAKE_ADMIN)).toBe(
      true,
    );
  });

  it("GIVEN a Discord member with Manage Channels THEN /follow works; without it, it is refused", async () => {
    expect(await discord("follow", { topic: "tram" }, "0")).toContain(
      "Only members who can manage this channel",
    );
    expect(await discord("follow", { topic: "tram" }, MANAGE_CHANNELS)).toContain(
      "This channel now follows “tram”",
    );
    expect(await discord("following", {}, "0")).toContain("This channel follows “tram”");
  });

  it("GIVEN /backstory add with a page URL THEN the article is ingested now and the answer says what was added", async () => {
    const site = await fixtureSite();
    site.route("/story", {
      type: "text/html",
      body: articlePage({
        headline: "Ferry fares frozen",
        paragraphs: reportParagraphs("ferry fare freeze"),
        jsonLd: { "@type": "NewsArticle", headline: "Ferry fares frozen", datePublished: "2025-09-10" },
      }),
    });
    const answer = await slash("/backstory", `add ${site.url("/story")}`, FAKE_ADMIN);
    expect(answer).toContain("Added: “Ferry fares frozen” (2025-09-10), 4 paragraphs.");
    expect(app.service.engines.current().documents.some((d) => d.title === "Ferry fares frozen")).toBe(true);
    expect(await slash("/backstory", `add ${site.url("/story")}`, "U0ANA")).toContain("Only members");
    expect(await slash("/backstory", "add http://169.254.169.254/latest/", FAKE_ADMIN)).toContain(
      "Nothing was added",
    );
  });
});
