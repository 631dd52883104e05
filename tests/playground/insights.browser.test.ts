import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openChromiumPage, runsChromium } from "../helpers/chromium.js";
import { copySeedCorpus, type SeedCorpusCopy } from "../helpers/seed-corpus-copy.js";
import { startTestService, type TestService } from "../helpers/start-test-service.js";

const run = runsChromium("the insights browser test");
const TOKEN = "browser-admin-token-0123456789";

describe.skipIf(!run)("votes and the admin page in a real browser", () => {
  let corpus: SeedCorpusCopy;
  let app: TestService;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    corpus = await copySeedCorpus();
    app = await startTestService({
      corpusDir: corpus.corpusDir,
      snapshotDir: corpus.snapshotDir,
      role: "web",
      env: { ADMIN_TOKEN: TOKEN },
    });
    ({ browser, page } = await openChromiumPage(pageErrors));
  });

  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await browser?.close();
    await app?.stop();
    await corpus?.remove();
  });

  async function askInPlayground(q: string) {
    await page.goto(app.url);
    await page.waitForSelector("body[data-ready=true]");
    await page.locator("#question").fill(q);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Enter");
    await page.waitForSelector("body[data-answered=true]");
  }

  it("GIVEN an answer in the playground WHEN 👎 is clicked under the Slack view, then Next under Discord THEN the vote is thanked and stored once, and paging asks no new question", async () => {
    await askInPlayground("/who petro");
    await page.locator("#slack-view button", { hasText: "Not helpful" }).click();
    await page.locator("#status", { hasText: "Thanks — noted." }).waitFor();
    await page.locator("#discord-view button", { hasText: "Next" }).click();
    await page.locator("#discord-view", { hasText: "page 2/" }).waitFor();
    await page.locator("#discord-view button", { hasText: "Helpful" }).first().click();
    await page.locator("#status", { hasText: "Thanks — noted." }).waitFor();

    await app.service.insights?.flush();
    const stored = await app.service.store?.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM insights_questions WHERE command = 'who'",
    );
    expect(stored).toEqual([{ n: 1 }]);
    const votes = await app.service.store?.query<{ helpful: unknown }>("SELECT helpful FROM insights_votes");
    expect(votes?.map((v) => Boolean(v.helpful))).toEqual([true]);
  });

  it("GIVEN a question the archive cannot answer WHEN the editor signs in to /admin THEN it leads the page, with the chart", async () => {
    await askInPlayground("/search qqxxv zzyzx");
    await app.service.insights?.flush();
    await page.goto(`${app.url}/admin`);
    await page.locator("#token").fill(TOKEN);
    await page.locator("button[type=submit]", { hasText: "Sign in" }).click();
    await page.locator("h1", { hasText: "Backstory insights" }).waitFor();
    const firstGap = page.locator("#unanswered + p + table tbody tr").first();
    expect(await firstGap.locator("td").first().textContent()).toBe("qqxxv zzyzx");
    expect(await page.locator("svg.chart rect.bar").count()).toBeGreaterThan(0);
    const box = await page.locator("svg.chart").boundingBox();
    expect(box && box.width > 100 && box.height > 50).toBe(true);
    expect(await page.locator("script").count()).toBe(0);
    await page.locator("button", { hasText: "Sign out" }).click();
    await page.locator("#token").waitFor();
  });
});
