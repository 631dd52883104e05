/**
 * `npm run bench:insights [-- N]`: what the insights cost at N stored questions (default
 * 100,000) on the embedded SQLite file, or on PostgreSQL when DATABASE_URL is set (use a
 * throw-away database: its insights tables are emptied first). Prints the write rate through the
 * repository (one question, one vote in three, as the service writes them: one statement each)
 * and the time and memory to read and build the report the CLI and /admin show.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReport } from "../src/service/insights/report.js";
import { insightsRepository } from "../src/store/insights/insights-repository.js";
import { migrate } from "../src/store/migrate.js";
import { MIGRATIONS } from "../src/store/migrations/index.js";
import { openDatabase } from "../src/store/open-database.js";

const N = Number(process.argv[2] ?? 100_000);
const DAY = 86_400_000;
const WORDS = [
  "petro",
  "visa",
  "tariff",
  "flights",
  "oil",
  "colombia",
  "trump",
  "rubio",
  "coffee",
  "deportation",
];

const dataDir = mkdtempSync(join(tmpdir(), "backstory-bench-insights-"));
const url = process.env.DATABASE_URL;
const db = openDatabase(url ? { databaseUrl: url, dataDir } : { dataDir });
try {
  await migrate(db, MIGRATIONS);
  if (url) await db.script("DELETE FROM insights_votes; DELETE FROM insights_questions");
  const repo = insightsRepository(db);
  const now = Date.now();
  let started = performance.now();
  let writes = 0;
  for (let i = 0; i < N; i++) {
    await repo.recordQuestion({
      id: `q${i}`,
      askedAt: now - (i % 180) * DAY,
      platform: i % 2 ? "slack" : "discord",
      userKey: `u${i % 500}`,
      command: ["why", "quote", "search"][i % 3] ?? "why",
      args: { topic: `${WORDS[i % 10]} ${WORDS[(i * 7) % 10]}` },
      items: i % 5 === 0 ? 0 : 5,
      latencyMs: 3,
      citations: [
        { docId: "d1", paragraph: 2 },
        { docId: "d2", paragraph: 4 },
      ],
    });
    writes++;
    if (i % 3 === 0) {
      await repo.recordVote({ questionId: `q${i}`, userKey: "v", helpful: i % 2 === 0, votedAt: now });
      writes++;
    }
  }
  const writeSeconds = (performance.now() - started) / 1000;
  for (const days of [7, 180]) {
    global.gc?.();
    started = performance.now();
    const rows = await repo.questionsSince(now - days * DAY);
    const readMs = performance.now() - started;
    started = performance.now();
    buildReport(rows, { since: now - days * DAY, until: now });
    const reportMs = performance.now() - started;
    console.log(
      `${db.kind}: report of ${days} days (${rows.length} questions): read ${readMs.toFixed(0)} ms, build ${reportMs.toFixed(0)} ms, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
    );
  }
  console.log(
    `${db.kind}: ${writes} writes in ${writeSeconds.toFixed(1)} s (${Math.round(writes / writeSeconds)} a second)`,
  );
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
