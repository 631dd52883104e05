import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SlackInstallations } from "../../src/service/slack-installations.js";
import { TokenCipher } from "../../src/service/token-cipher.js";
import { migrate } from "../../src/store/migrate.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { databaseEngines } from "../helpers/databases.js";

const engines = databaseEngines();
const key = (id: string) => ({ id, key: randomBytes(32) });
const installation = (team: string, token: string) => ({
  team: { id: team, name: team },
  enterprise: undefined,
  bot: { token, userId: `U${team}BOT`, id: `B${team}`, scopes: ["commands"] },
  isEnterpriseInstall: false,
});

describe.each(engines)("SlackInstallations on $name", (engine) => {
  async function repository(keys: { id: string; key: Buffer }[]) {
    const db = engine.open();
    await migrate(db, MIGRATIONS);
    return { db, installs: new SlackInstallations(db, new TokenCipher(keys)) };
  }

  it("GIVEN installs of two workspaces THEN each is found by its team, a reinstall replaces it, a delete removes it", async () => {
    const { installs } = await repository([key("k1")]);
    await installs.save({ teamId: "T1" }, installation("T1", "xoxb-one"));
    await installs.save({ teamId: "T2" }, installation("T2", "xoxb-two"));
    await installs.save({ teamId: "T1" }, installation("T1", "xoxb-one-again"));
    expect(await installs.find({ teamId: "T1" })).toMatchObject({ bot: { token: "xoxb-one-again" } });
    expect(await installs.find({ teamId: "T2" })).toMatchObject({ bot: { token: "xoxb-two" } });
    expect(await installs.find({ teamId: "T3" })).toBeUndefined();
    expect(await installs.delete({ teamId: "T1" })).toBe(true);
    expect(await installs.delete({ teamId: "T1" })).toBe(false);
    expect(await installs.find({ teamId: "T1" })).toBeUndefined();
  });

  it("GIVEN an org-wide install THEN it is found for any team of the enterprise asking as an enterprise install", async () => {
    const { installs } = await repository([key("k1")]);
    await installs.save({ enterpriseId: "E1", isEnterpriseInstall: true }, { enterprise: { id: "E1" } });
    expect(await installs.find({ enterpriseId: "E1", teamId: "T9", isEnterpriseInstall: true })).toEqual({
      enterprise: { id: "E1" },
    });
  });

  it("GIVEN a new key put first THEN a read re-seals with it, resealAll does the rest, and the old key can then go", async () => {
    const old = key("k1");
    const first = await repository([old]);
    await first.installs.save({ teamId: "T1" }, installation("T1", "xoxb-one"));
    await first.installs.save({ teamId: "T2" }, installation("T2", "xoxb-two"));
    const fresh = key("k2");
    const rotated = new SlackInstallations(first.db, new TokenCipher([fresh, old]));
    await rotated.find({ teamId: "T1" });
    expect(await rotated.countByKey()).toEqual({ k1: 1, k2: 1 });
    expect(await rotated.resealAll()).toBe(1);
    expect(await rotated.countByKey()).toEqual({ k2: 2 });
    const newOnly = new SlackInstallations(first.db, new TokenCipher([fresh]));
    expect(await newOnly.find({ teamId: "T2" })).toMatchObject({ bot: { token: "xoxb-two" } });
  });
});
