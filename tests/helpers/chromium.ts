import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium, which `.ci/run` installs. */
export const CHROMIUM = "/usr/bin/chromium";
const installed = existsSync(CHROMIUM);

/**
 * Whether a suite that drives Chromium runs: always in CI (where a missing Chromium is a
 * failure); locally only when it is installed, saying why it is skipped otherwise.
 */
export function runsChromium(suite: string): boolean {
  const run = installed || Boolean(process.env.CI);
  if (!run) {
    console.warn(
      `Skipping ${suite}: ${CHROMIUM} is missing (apt-get install chromium). In CI it runs and fails instead.`,
    );
  }
  return run;
}

// The machine's closed network refuses many connections: keep Chromium from trying any.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium and opens a large page whose script errors are pushed to `pageErrors`. */
export async function openChromiumPage(pageErrors: string[]): Promise<{ browser: Browser; page: Page }> {
  if (!installed) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium package.`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { browser, page };
}
