import { spawnSync } from "node:child_process";
import { postgresBinaries } from "./postgres.js";

/** The Debian servers some suites start (`.ci/run` apt-installs each). */
export type SystemServer = "redis-server" | "haproxy" | "postgresql";

function installed(server: SystemServer): boolean {
  if (server === "postgresql") return postgresBinaries() !== undefined;
  return spawnSync("sh", ["-c", `command -v ${server}`], { stdio: "ignore" }).status === 0;
}

/**
 * Whether a suite that starts these servers should run: when all are installed, and always under
 * `CI` (where `.ci/run` installs them, so a missing one fails instead of skipping green). Locally,
 * without them, the suite is skipped with a message naming what to install.
 */
export function runsWithServers(what: string, ...servers: SystemServer[]): boolean {
  const missing = servers.filter((s) => !installed(s));
  if (missing.length === 0 || process.env.CI) return true;
  console.warn(
    `Skipping ${what}: apt-get install ${missing.join(" ")} (see .ci/run). Under CI this fails instead.`,
  );
  return false;
}
