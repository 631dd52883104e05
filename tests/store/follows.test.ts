import { describe, expect, it } from "vitest";
import { FollowsRepository, MAX_FOLLOWS_PER_CHANNEL } from "../../src/store/follows.js";
import { migrate } from "../../src/store/migrate.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { databaseEngines } from "../helpers/databases.js";

const engines = databaseEngines();

describe.each(engines)("the follows repository on $name", (engine) => {
  async function repository(): Promise<FollowsRepository> {
    const db = engine.open();
    await migrate(db, MIGRATIONS);
    return new FollowsRepository(db);
  }
  const follow = (channel: string, topic: string, at = 1000) => ({
    platform: "discord" as const,
    workspace: "g1",
    channel,
    topic,
    createdBy: "u1",
    createdAt: at,
  });

  it("GIVEN a channel following topics THEN it lists them, the same topic in another case is already followed", async () => {
    const follows = await repository();
    expect(await follows.follow(follow("c1", "Harbour Bridge"))).toBe("added");
    expect(await follows.follow(follow("c1", "harbour  bridge"))).toBe("already");
    expect(await follows.follow(follow("c1", "tram", 2000))).toBe("added");
    expect(await follows.follow(follow("c2", "tram"))).toBe("added");
    expect((await follows.ofChannel("discord", "c1")).map((f) => f.topic)).toEqual([
      "Harbour Bridge",
      "tram",
    ]);
    expect(await follows.ofChannel("slack", "c1")).toEqual([]);
    expect(await follows.all()).toHaveLength(3);
  });

  it("GIVEN a full channel THEN one more follow is refused", async () => {
    const follows = await repository();
    for (let i = 0; i < MAX_FOLLOWS_PER_CHANNEL; i++) await follows.follow(follow("c1", `topic ${i}`));
    expect(await follows.follow(follow("c1", "one more"))).toBe("full");
  });

  it("GIVEN a digest recorded THEN its items are never unsent again, and unfollowing forgets them", async () => {
    const follows = await repository();
    await follows.follow(follow("c1", "tram"));
    const key = { platform: "discord" as const, channel: "c1", topic: "Tram" };
    expect(await follows.unsent(key, ["a", "b"])).toEqual(["a", "b"]);
    await follows.recordDigest(key, ["a"], 5000);
    await follows.recordDigest(key, ["a"], 6000);
    expect(await follows.unsent(key, ["a", "b"])).toEqual(["b"]);
    expect((await follows.ofChannel("discord", "c1"))[0]?.lastDigestAt).toBe(6000);
    expect(await follows.unfollow(key)).toBe(true);
    expect(await follows.unfollow(key)).toBe(false);
    await follows.follow(follow("c1", "tram"));
    expect(await follows.unsent(key, ["a"])).toEqual(["a"]);
  });
});
