import type { Config } from "../config.js";
import { type IngestItem, ingest, summaryLine } from "../ingest/ingest.js";
import { fetchPolicyFrom } from "../ingest/policy-from-config.js";
import { SafeFetcher } from "../ingest/safe-fetch.js";
import { stripControls } from "./terminal-safe.js";

/**
 * `backstory ingest <url>…`: fetches the pages, feeds and sitemaps into the corpus,
 * with a progress line on a terminal, a line per article added, updated or skipped,
 * and a summary. Exit code 0 when nothing was skipped, 1 when something was.
 */
export async function ingestCommand(
  corpusDir: string,
  urls: readonly string[],
  config: Pick<Config, "ingest">,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const tty = stderr.isTTY === true;
  const fetcher = new SafeFetcher(fetchPolicyFrom(config));
  const clear = () => tty && stderr.write("\r\u001b[2K");
  try {
    const summary = await ingest(corpusDir, urls, fetcher, {
      onItem: (item) => {
        if (item.outcome === "unchanged") return;
        clear();
        stderr.write(`${stripControls(describe(item))}\n`);
      },
      onProgress: (done, total) => {
        if (tty) stderr.write(`\rIngesting ${done}/${total} articles…`);
      },
    });
    clear();
    stderr.write(`Ingested into ${stripControls(corpusDir)}: ${summaryLine(summary)}\n`);
    return Object.keys(summary.skipped).length > 0 ? 1 : 0;
  } finally {
    await fetcher.close();
  }
}

function describe(item: IngestItem): string {
  if (item.outcome === "skipped") return `skipped (${item.reason}): ${item.detail ?? item.url}`;
  const date = item.published ? ` (${item.published})` : "";
  return `${item.outcome}: ${item.title ?? item.url}${date} → ${item.file}`;
}
