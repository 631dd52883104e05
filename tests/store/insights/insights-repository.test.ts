import { describe, expect, it } from "vitest";
import { insightsRepository } from "../../../src/store/insights/insights-repository.js";
import type { QuestionRecord } from "../../../src/store/insights/records.js";
import { migrate } from "../../../src/store/migrate.js";
import { MIGRATIONS } from "../../../src/store/migrations/index.js";
import { type DatabaseEngine, databaseEngines } from "../../helpers/databases.js";

const engines = databaseEngines();

async function repositoryOn(engine: DatabaseEngine) {
  const db = engine.open();
  await migrate(db, MIGRATIONS);
  return insightsRepository(db);
}

function question(id: string, overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    id,
    askedAt: 1_764_000_000_000,
    platform: "discord",
    workspace: "G1",
    channel: "C1",
    userKey: "k-alice",
    command: "quote",
    args: { speaker: "petro", private: false },
    items: 2,
    latencyMs: 12.4,
    citations: [
      { docId: "petro-flights", paragraph: 3 },
      { docId: "tariffs", paragraph: 1 },
    ],
    ...overrides,
  };
}

describe.each(engines)("the insights repository on $name", (engine) => {
  it("stores a question and reads it back whole, votes counted at zero", async () => {
    const repo = await repositoryOn(engine);
    await repo.recordQuestion(question("q1"));
    expect(await repo.questionsSince(0)).toEqual([
      { ...question("q1"), latencyMs: 12, helpful: 0, notHelpful: 0 },
    ]);
  });

  it("stores a batch of questions in one go, or none of it when one cannot be stored", async () => {
    const repo = await repositoryOn(engine);
    await repo.recordQuestions([question("b1"), question("b2", { askedAt: 1_764_000_000_001 })]);
    expect((await repo.questionsSince(0)).map((q) => q.id)).toEqual(["b1", "b2"]);
    // b1 again: the id is taken, so the whole batch is refused and b3 is not half-stored.
    await expect(repo.recordQuestions([question("b3"), question("b1")])).rejects.toThrow();
    expect((await repo.questionsSince(0)).map((q) => q.id)).toEqual(["b1", "b2"]);
  });

  it("leaves out what is not known (no workspace, channel or user)", async () => {
    const repo = await repositoryOn(engine);
    const { workspace: _w, channel: _c, userKey: _u, ...bare } = question("q1", { platform: "cli" });
    await repo.recordQuestion(bare);
    const [stored] = await repo.questionsSince(0);
    expect(stored).not.toHaveProperty("workspace");
    expect(stored).not.toHaveProperty("userKey");
    expect(stored?.platform).toBe("cli");
  });

  it("keeps one vote per user per answer: a second click changes it, the same click again changes nothing", async () => {
    const repo = await repositoryOn(engine);
    await repo.recordQuestion(question("q1"));
    const vote = { questionId: "q1", userKey: "k-bob", helpful: false, votedAt: 1 };
    expect(await repo.recordVote(vote)).toBe("recorded");
    expect(await repo.recordVote({ ...vote, votedAt: 2 })).toBe("unchanged");
    expect(await repo.recordVote({ ...vote, helpful: true, votedAt: 3 })).toBe("changed");
    expect(await repo.recordVote({ ...vote, userKey: "k-carol" })).toBe("recorded");
    const [stored] = await repo.questionsSince(0);
    expect(stored).toMatchObject({ helpful: 1, notHelpful: 1 });
  });

  it("refuses a vote on a question it does not hold", async () => {
    const repo = await repositoryOn(engine);
    expect(await repo.recordVote({ questionId: "made-up", userKey: "k", helpful: true, votedAt: 1 })).toBe(
      "unknown",
    );
    expect(await repo.questionsSince(0)).toEqual([]);
  });

  it("reads only the questions asked since a time, oldest first", async () => {
    const repo = await repositoryOn(engine);
    await repo.recordQuestion(question("late", { askedAt: 300 }));
    await repo.recordQuestion(question("early", { askedAt: 100 }));
    await repo.recordQuestion(question("middle", { askedAt: 200 }));
    expect((await repo.questionsSince(200)).map((q) => q.id)).toEqual(["middle", "late"]);
  });

  it("purges questions older than the cutoff with their votes, and keeps the rest", async () => {
    const repo = await repositoryOn(engine);
    await repo.recordQuestion(question("old", { askedAt: 100 }));
    await repo.recordQuestion(question("new", { askedAt: 900 }));
    await repo.recordVote({ questionId: "old", userKey: "k", helpful: false, votedAt: 101 });
    await repo.recordVote({ questionId: "new", userKey: "k", helpful: true, votedAt: 901 });
    expect(await repo.purgeBefore(500)).toBe(1);
    expect(await repo.questionsSince(0)).toMatchObject([{ id: "new", helpful: 1, notHelpful: 0 }]);
    expect(await repo.recordVote({ questionId: "old", userKey: "k", helpful: true, votedAt: 2 })).toBe(
      "unknown",
    );
  });

  it("stores a setting once: the first value proposed wins for every later caller", async () => {
    const repo = await repositoryOn(engine);
    expect(await repo.setting("secret", "first")).toBe("first");
    expect(await repo.setting("secret", "second")).toBe("first");
  });

  it("keeps hostile text as data", async () => {
    const repo = await repositoryOn(engine);
    const hostile = `'); DROP TABLE insights_votes; -- $1 \u0000 ${"é".repeat(500)}`;
    await repo.recordQuestion(question("q1", { args: { query: hostile } }));
    const [stored] = await repo.questionsSince(0);
    expect(stored?.args).toEqual({ query: hostile });
  });
});
