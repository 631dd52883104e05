import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/core/answer.js";
import { silentLogger } from "../../../src/logger.js";
import { FollowDigests } from "../../../src/service/follows/follow-digests.js";
import type { Follow } from "../../../src/store/follows.js";
import { FollowsRepository } from "../../../src/store/follows.js";
import { migrate } from "../../../src/store/migrate.js";
import { MIGRATIONS } from "../../../src/store/migrations/index.js";
import { openDatabase } from "../../../src/store/open-database.js";
import { engineFor } from "../../helpers/article-engine.js";
import { tempCorpus } from "../../helpers/temp-corpus.js";

const MINUTE = 60_000;
const OLD = {
  id: "old",
  title: "Old",
  published: "2025-01-01",
  text: '"We start in May," said Dana Whitfield, the mayor, about the tram.',
};
const FIRST = {
  id: "first",
  title: "First",
  published: "2025-02-01",
  text: '"The tram will be late," said Dana Whitfield on Monday.',
};
const SECOND = {
  id: "second",
  title: "Second",
  published: "2025-02-03",
  text: '"The tram is now on time," said Dana Whitfield on Wednesday.',
};
const ELSE = {
  id: "else",
  title: "Else",
  published: "2025-02-03",
  text: "The harbour reopened after storms, officials said on Thursday.",
};

async function setUp() {
  const db = openDatabase({ dataDir: tempCorpus({}) });
  await migrate(db, MIGRATIONS);
  const follows = new FollowsRepository(db);
  const posted: { follow: Follow; digest: Answer }[] = [];
  let now = 1_000_000;
  const digests = new FollowDigests({
    follows,
    posters: [{ platform: "discord", post: async (follow, digest) => void posted.push({ follow, digest }) }],
    intervalMs: 30 * MINUTE,
    logger: silentLogger,
    now: () => now,
  });
  return {
    db,
    follows,
    posted,
    digests,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

describe("follow digests", () => {
  it("GIVEN a followed person THEN only articles arriving after the follow bring a digest, at most one per interval, never an item twice", async () => {
    const t = await setUp();
    t.digests.noteEngine(await engineFor(OLD));
    await t.follows.follow({
      platform: "discord",
      workspace: "g",
      channel: "c",
      topic: "Whitfield",
      createdBy: "u",
      createdAt: t.now(),
    });
    await t.digests.run();
    expect(t.posted).toHaveLength(0);

    t.advance(MINUTE);
    t.digests.noteEngine(await engineFor(OLD, FIRST, ELSE));
    await t.digests.run();
    expect(t.posted).toHaveLength(1);
    const first = t.posted[0]?.digest;
    expect(first?.items.map((i) => i.citation.docId)).toEqual(["first"]);
    expect(first?.title).toBe("New on “Whitfield”");

    t.advance(MINUTE);
    t.digests.noteEngine(await engineFor(OLD, FIRST, ELSE, SECOND));
    await t.digests.run();
    expect(t.posted).toHaveLength(1);

    t.advance(30 * MINUTE);
    await t.digests.run();
    expect(t.posted).toHaveLength(2);
    expect(t.posted[1]?.digest.items.map((i) => i.citation.docId)).toEqual(["second"]);

    t.advance(31 * MINUTE);
    await t.digests.run();
    expect(t.posted).toHaveLength(2);
    await t.db.close();
  });

  it("GIVEN a poster that fails THEN nothing is recorded and the digest comes at the next run", async () => {
    const t = await setUp();
    let fail = true;
    const posted: Answer[] = [];
    const digests = new FollowDigests({
      follows: t.follows,
      posters: [
        {
          platform: "discord",
          post: async (_, digest) => {
            if (fail) throw new Error("503 from the platform");
            posted.push(digest);
          },
        },
      ],
      intervalMs: 30 * MINUTE,
      logger: silentLogger,
      now: t.now,
    });
    digests.noteEngine(await engineFor(OLD));
    await t.follows.follow({
      platform: "discord",
      workspace: "g",
      channel: "c",
      topic: "tram",
      createdBy: "u",
      createdAt: t.now(),
    });
    t.advance(MINUTE);
    digests.noteEngine(await engineFor(OLD, FIRST));
    await digests.run();
    fail = false;
    await digests.run();
    expect(posted).toHaveLength(1);
    await t.db.close();
  });
});
