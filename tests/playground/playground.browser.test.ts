import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/service/app-paths.js";
import { openChromiumPage, runsChromium } from "../helpers/chromium.js";
import { copySeedCorpus, type SeedCorpusCopy } from "../helpers/seed-corpus-copy.js";
import { startTestService, type TestService } from "../helpers/start-test-service.js";

const run = runsChromium("the playground browser test");
const SCREENSHOT = join(packageRoot(), "test-artifacts", "playground.png");

const HOSTILE = `---
title: "<img src=x onerror=window.__pwned=1> Hostile **title**"
published: 2025-02-02
---
# Hostile

The <script>window.__pwned=2</script> harbour report links [here](javascript:window.__pwned=3) with <b>tags</b>, **stars** and <!channel>.
`;

// 450 paragraphs; the 300th alone names the zanzibar ferry.
const LONG = `# Long harbour log\n\n${Array.from({ length: 450 }, (_, i) =>
  i === 299 ? "The zanzibar ferry resumed its crossings on Monday." : `Entry ${i + 1} of the harbour log.`,
).join("\n\n")}\n`;

describe.skipIf(!run)("the playground in a real browser", () => {
  let corpus: SeedCorpusCopy;
  let app: TestService;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    corpus = await copySeedCorpus();
    await writeFile(join(corpus.corpusDir, "hostile.md"), HOSTILE);
    await writeFile(join(corpus.corpusDir, "long.md"), LONG);
    app = await startTestService({
      corpusDir: corpus.corpusDir,
      snapshotDir: corpus.snapshotDir,
      role: "web",
    });
    ({ browser, page } = await openChromiumPage(pageErrors));
    await page.goto(app.url);
    await page.waitForSelector("body[data-ready=true]");
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await corpus?.remove();
  });

  it("GIVEN /quote pe typed THEN suggests the speaker", async () => {
    await page.locator("#question").pressSequentially("/quote pe", { delay: 20 });
    await page.locator("#suggestions [role=option]", { hasText: "Gustavo Petro" }).waitFor();
    expect(await page.locator("#question").getAttribute("aria-expanded")).toBe("true");
  });

  it("GIVEN /quote petro asked THEN shows the answer as Discord and as Slack would, side by side", async () => {
    await page.locator("#question").fill("");
    await page.locator("#question").pressSequentially("/quote petro", { delay: 10 });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Enter");
    await page.waitForSelector("body[data-answered=true]");
    expect(await page.locator("#discord-view .dc-embed-title").textContent()).toBe("Quotes: Gustavo Petro");
    expect(await page.locator("#slack-view .sl-header").textContent()).toBe("Quotes: Gustavo Petro");
    expect(await page.locator("#discord-view .dc-field").count()).toBe(3);
    expect(await page.locator("#discord-view a.cite").count()).toBe(3);
    expect(await page.locator("#slack-view a.cite").count()).toBe(3);
    const discord = await page.locator(".pane.discord").boundingBox();
    const slack = await page.locator(".pane.slack").boundingBox();
    expect(discord && slack && Math.abs(discord.y - slack.y) < 2 && discord.x < slack.x).toBe(true);
  });

  it("GIVEN a citation clicked THEN opens its article with the cited paragraph highlighted in view", async () => {
    await page.locator("#discord-view a.cite").first().click();
    const cited = page.locator("#article-view .paragraph.cited");
    await cited.waitFor();
    expect(await cited.getAttribute("data-paragraph")).toBe("6");
    expect(await page.locator("#article-view .article-title").textContent()).toBe(
      "Colombian Leader DEFIES Trump—Shocking U.S. Backlash!",
    );
    expect(await cited.locator("mark").textContent()).toContain("Obey the order of humanity");
    // The box is relative to the viewport: scrolled into view means inside 0…1000.
    const box = await cited.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 1000).toBe(true);
    await mkdir(join(packageRoot(), "test-artifacts"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.locator("#slack-view a.cite").nth(1).click();
    await page.locator('#article-view .paragraph.cited[data-paragraph="2"]').waitFor();
    expect(await page.locator("#article-view .paragraph.cited").textContent()).toContain("handcuffs");
  });

  it("GIVEN markup in the corpus THEN it is shown as text and never runs", async () => {
    await page.locator("#question").fill("/search harbour report");
    await page.keyboard.press("Enter");
    await page.locator("#status", { hasText: "for /search harbour report" }).waitFor();
    await page.locator("#slack-view a.cite").first().click();
    await page.locator("#article-view .paragraph.cited").waitFor();
    const title = "<img src=x onerror=window.__pwned=1> Hostile **title**";
    expect(await page.locator("#discord-view").textContent()).toContain(title);
    // Slack's mrkdwn has no escape for * and _: they format there, but the markup stays text.
    expect(await page.locator("#slack-view").textContent()).toContain("<img src=x onerror=window.");
    expect(await page.locator("#article-view .article-title").textContent()).toBe(title);
    expect(await page.locator("#article-view").textContent()).toContain("<script>window.__pwned=2</script>");
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(await page.locator("main img, #article img, main script, #article script").count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("GIVEN a shared link whose question is broken percent-encoding THEN says so instead of throwing", async () => {
    const other = await browser.newPage();
    const errors: string[] = [];
    other.on("pageerror", (error) => errors.push(error.message));
    try {
      await other.goto(`${app.url}/#q=%E0%A4%A`);
      await other.waitForSelector("body[data-ready=true]");
      await other.locator("#status.error", { hasText: "not valid percent-encoding" }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("GIVEN a citation deep in a long article THEN opens the page around it and says which paragraphs it shows", async () => {
    await page.locator("#question").fill("/search zanzibar ferry");
    await page.keyboard.press("Enter");
    await page.locator("#status", { hasText: "for /search zanzibar ferry" }).waitFor();
    await page.locator("#discord-view a.cite").first().click();
    const cited = page.locator('#article-view .paragraph.cited[data-paragraph="300"]');
    await cited.waitFor();
    expect(await cited.textContent()).toContain("zanzibar ferry");
    expect(await page.locator("#article-view .article-page").textContent()).toBe(
      "Showing ¶250–¶449 of 450 paragraphs.",
    );
    expect(await page.locator("#article-view .paragraph").count()).toBe(200);
  });
});
