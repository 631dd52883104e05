/**
 * Writes the Slack app manifest built from the command table, ready to paste at
 * api.slack.com/apps → Create New App → From a manifest.
 *
 * Run: `npx tsx scripts/slack-manifest.ts [--url https://host[/slack/events] [--installs]] [--out file | --stdout]`.
 * Without `--url` the manifest is for Socket Mode (no public URL needed); with it, for
 * HTTP mode; `--installs` (with `--url`) adds the OAuth redirect URL and the uninstall events,
 * for an app other workspaces install (SLACK_CLIENT_ID…). Writes `slack-manifest.json` unless told otherwise.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSlackManifest } from "../src/adapters/slack/manifest.js";

const EVENTS_PATH = "/slack/events";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      out: { type: "string", default: "slack-manifest.json" },
      stdout: { type: "boolean", default: false },
      name: { type: "string" },
      installs: { type: "boolean", default: false },
    },
  });
  const requestUrl = values.url === undefined ? undefined : eventsUrl(values.url);
  const manifest = buildSlackManifest({
    socketMode: requestUrl === undefined,
    ...(requestUrl === undefined ? {} : { requestUrl }),
    ...(values.name === undefined ? {} : { name: values.name }),
    installs: values.installs,
  });
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  if (values.stdout) {
    process.stdout.write(json);
    return;
  }
  const path = resolve(values.out);
  await writeFile(path, json);
  const mode = requestUrl === undefined ? "Socket Mode" : `HTTP mode at ${requestUrl}`;
  process.stderr.write(`Wrote ${path} (${mode}).\n`);
}

/** Accepts the server's base URL or the full events URL. */
function eventsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/u, "");
  return trimmed.endsWith(EVENTS_PATH) ? trimmed : `${trimmed}${EVENTS_PATH}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
