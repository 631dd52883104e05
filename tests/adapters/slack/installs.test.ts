import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/store/database.js";
import { openDatabase } from "../../../src/store/open-database.js";
import { type FakeSlackApi, startFakeSlackApi } from "../../fakes/slack/fake-slack-api.js";
import { databaseEngines } from "../../helpers/databases.js";
import { copySeedCorpus, type SeedCorpusCopy } from "../../helpers/seed-corpus-copy.js";
import {
  encryptionKey,
  installsEnv,
  installWorkspace,
  mentionFrom,
  uninstallFrom,
} from "../../helpers/slack-install.js";
import { startTestService, type TestService } from "../../helpers/start-test-service.js";
import { until } from "../../helpers/until.js";

const NEWSROOM = { teamId: "T0HERALD", teamName: "The Herald", channel: "C0HERALDNEWS" };
const PARTNER = { teamId: "T0GAZETTE", teamName: "The Gazette", channel: "C0GAZETTEDESK" };

let corpus: SeedCorpusCopy;
let fake: FakeSlackApi;
const running: TestService[] = [];
const inspectors: Database[] = [];

beforeAll(async () => {
  corpus = await copySeedCorpus();
});
afterEach(async () => {
  for (const service of running.splice(0)) await service.stop();
  for (const db of inspectors.splice(0)) await db.close();
  await fake?.close();
});
afterAll(async () => {
  await corpus?.remove();
});

const engines = databaseEngines();

describe.each(engines)("Slack installs on $name", (engine) => {
  async function start(keys: string, location = engine.location()) {
    const service = await startTestService({
      corpusDir: corpus.corpusDir,
      snapshotDir: corpus.snapshotDir,
      role: "web",
      captureLogs: true,
      env: {
        ...installsEnv(fake, keys),
        ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : { DATA_DIR: location.dataDir }),
      },
    });
    running.push(service);
    const db = openDatabase(location);
    inspectors.push(db);
    return { service, db, location };
  }

  const postsTo = (channel: string) =>
    fake.calls.entries.filter(
      (c) => c.method === "chat.postMessage" && c.args.channel === channel && !c.error,
    );

  it("GIVEN a workspace installing through the OAuth flow THEN its token is stored sealed, and its mentions are answered with its own token", async () => {
    fake = await startFakeSlackApi();
    const { service, db } = await start(encryptionKey("k1"));
    const done = await installWorkspace(fake, NEWSROOM, { install: service.url, redirect: service.url });
    expect(done.status).toBe(200);

    const token = fake.tokenOf(NEWSROOM.teamId) as string;
    const rows = await db.query<{ install_key: string; key_id: string; ciphertext: string }>(
      "SELECT install_key, key_id, ciphertext FROM slack_installations",
    );
    expect(rows.map((r) => [r.install_key, r.key_id])).toEqual([["team:T0HERALD", "k1"]]);
    expect(rows[0]?.ciphertext).not.toContain(token);
    expect(Buffer.from(rows[0]?.ciphertext ?? "", "base64").toString("latin1")).not.toContain(token);
    expect(
      service
        .logs()
        .map((l) => JSON.stringify(l))
        .join("\n"),
    ).not.toContain(token);

    expect((await mentionFrom(service.url, NEWSROOM.teamId, NEWSROOM.channel, "quote petro")).status).toBe(
      200,
    );
    await until(() => postsTo(NEWSROOM.channel).length === 1, { withinMs: 10_000, everyMs: 50 });
    expect(postsTo(NEWSROOM.channel)[0]?.token).toBe(token);
    expect(fake.rejections.entries).toEqual([]);
  });

  it("GIVEN two workspaces installed THEN each is answered with its own token, in its own channel", async () => {
    fake = await startFakeSlackApi();
    const { service } = await start(encryptionKey("k1"));
    for (const workspace of [NEWSROOM, PARTNER]) {
      expect(
        (await installWorkspace(fake, workspace, { install: service.url, redirect: service.url })).status,
      ).toBe(200);
    }
    await mentionFrom(service.url, NEWSROOM.teamId, NEWSROOM.channel, "sources");
    await mentionFrom(service.url, PARTNER.teamId, PARTNER.channel, "sources");
    await until(() => postsTo(NEWSROOM.channel).length === 1 && postsTo(PARTNER.channel).length === 1, {
      withinMs: 10_000,
      everyMs: 50,
    });
    expect(postsTo(NEWSROOM.channel)[0]?.token).toBe(fake.tokenOf(NEWSROOM.teamId));
    expect(postsTo(PARTNER.channel)[0]?.token).toBe(fake.tokenOf(PARTNER.teamId));
    expect(fake.rejections.entries).toEqual([]);
  });

  it("GIVEN a redirect whose state was not issued with its cookie THEN nothing is installed", async () => {
    fake = await startFakeSlackApi();
    const { service, db } = await start(encryptionKey("k1"));
    const code = fake.approveInstall(NEWSROOM);
    const forged = await fetch(`${service.url}/slack/oauth_redirect?code=${code}&state=forged`);
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(await db.query("SELECT install_key FROM slack_installations")).toEqual([]);
    expect(fake.calls.entries.some((c) => c.method === "oauth.v2.access")).toBe(false);
  });

  it("GIVEN a workspace removing the app THEN its installation is deleted and its mentions go unanswered", async () => {
    fake = await startFakeSlackApi();
    const { service, db } = await start(encryptionKey("k1"));
    await installWorkspace(fake, NEWSROOM, { install: service.url, redirect: service.url });
    expect((await uninstallFrom(service.url, NEWSROOM.teamId)).status).toBe(200);
    await until(async () => (await db.query("SELECT install_key FROM slack_installations")).length === 0, {
      withinMs: 5000,
      everyMs: 50,
    });
    fake.revoke(NEWSROOM.teamId);
    await mentionFrom(service.url, NEWSROOM.teamId, NEWSROOM.channel, "sources");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(postsTo(NEWSROOM.channel)).toEqual([]);
  });

  it("GIVEN tokens revoked THEN the installation goes when the bot's are, and stays when only a user's are", async () => {
    fake = await startFakeSlackApi();
    const { service, db } = await start(encryptionKey("k1"));
    await installWorkspace(fake, NEWSROOM, { install: service.url, redirect: service.url });
    const stored = async () => (await db.query("SELECT install_key FROM slack_installations")).length;
    expect((await uninstallFrom(service.url, NEWSROOM.teamId, "user tokens revoked")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stored()).toBe(1);
    expect((await uninstallFrom(service.url, NEWSROOM.teamId, "bot tokens revoked")).status).toBe(200);
    await until(async () => (await stored()) === 0, { withinMs: 5000, everyMs: 50 });
  });

  it("GIVEN a new key put first in ENCRYPTION_KEY THEN stored installations are re-sealed with it at start and still work", async () => {
    fake = await startFakeSlackApi();
    const old = encryptionKey("k1");
    const first = await start(old);
    await installWorkspace(fake, NEWSROOM, { install: first.service.url, redirect: first.service.url });
    await first.service.stop();
    running.splice(running.indexOf(first.service), 1);

    const second = await start(`${encryptionKey("k2")},${old}`, first.location);
    const rows = await second.db.query<{ key_id: string }>("SELECT key_id FROM slack_installations");
    expect(rows.map((r) => r.key_id)).toEqual(["k2"]);
    await mentionFrom(second.service.url, NEWSROOM.teamId, NEWSROOM.channel, "sources");
    await until(() => postsTo(NEWSROOM.channel).length === 1, { withinMs: 10_000, everyMs: 50 });
    expect(postsTo(NEWSROOM.channel)[0]?.token).toBe(fake.tokenOf(NEWSROOM.teamId));
  });
});
