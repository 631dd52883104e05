import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { get } from "node:http";
import { join } from "node:path";
import { PROJECT_ROOT } from "./corpora.js";
import { freePort } from "./free-port.js";

/** How to start the app for the HTTP benchmark. */
export interface AppLaunch {
  corpusPath: string;
  snapshotDir: string;
  slackSigningSecret: string;
  slackApiUrl: string;
  discordPublicKeyHex: string;
  discordApplicationId: string;
  discordApiUrl: string;
  heapMb: number;
  /** LOG_LEVEL of the app (default `info`, as deployed; its stdout goes to /dev/null). */
  logLevel: string;
  /** ANSWER_CACHE_SIZE of the app (default: the app's own default, as deployed). */
  answerCacheSize?: number;
  /** Write a V8 CPU profile of the app into this folder (on its graceful exit). */
  cpuProfDir?: string;
  /** WEB_CONCURRENCY of the app: node:cluster workers sharing the port (default 1, no cluster). */
  webConcurrency?: number;
}

/** The app, running in its own process. */
export interface RunningApp {
  url: string;
  pid: number;
  /** From spawning the process to `/readyz` answering 200 (starts from the snapshot). */
  readyMs: number;
  /** The app's stderr so far (errors, if any). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the real web process (`src/entry/web.ts`, the Procfile's `web`) through
 * tsx, configured by its environment like a deployment: HTTP on 127.0.0.1, Slack
 * in HTTP mode and the Discord interactions endpoint with test credentials whose
 * APIs point at the benchmark's stand-in, the snapshot written by the build step,
 * no corpus watching. The rate limit stays at its default (the load spreads
 * over many users). Waits until `/readyz` says ready.
 */
export async function startApp(launch: AppLaunch, timeoutMs = 20 * 60_000): Promise<RunningApp> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    CORPUS_DIR: launch.corpusPath,
    SNAPSHOT_DIR: launch.snapshotDir,
    LOG_LEVEL: launch.logLevel,
    ...(launch.answerCacheSize !== undefined && { ANSWER_CACHE_SIZE: String(launch.answerCacheSize) }),
    WEB_CONCURRENCY: String(launch.webConcurrency ?? 1),
    LOG_FORMAT: "json",
    WATCH_CORPUS: "false",
    SLACK_BOT_TOKEN: "xoxb-backstory-bench",
    SLACK_SIGNING_SECRET: launch.slackSigningSecret,
    SLACK_APP_TOKEN: "",
    SLACK_API_URL: launch.slackApiUrl,
    DISCORD_PUBLIC_KEY: launch.discordPublicKeyHex,
    DISCORD_APPLICATION_ID: launch.discordApplicationId,
    DISCORD_API_URL: launch.discordApiUrl,
    DISCORD_TOKEN: "",
    DISCORD_GUILD_ID: "",
  };
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${launch.heapMb}`,
      ...(launch.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${launch.cpuProfDir}`] : []),
      "--import",
      "tsx",
      join(PROJECT_ROOT, "src", "entry", "web.ts"),
    ],
    { cwd: PROJECT_ROOT, env, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-20_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const app: RunningApp = {
    url,
    pid: child.pid ?? -1,
    readyMs: 0,
    stderr: () => stderr,
    stop: (graceMs = 15_000) => stop(child, graceMs),
  };
  try {
    await waitUntilReady(url, child, started + timeoutMs, launch.webConcurrency ?? 1);
  } catch (error) {
    await app.stop(2_000);
    throw new Error(`${(error as Error).message}\n${stderr.slice(-4_000)}`);
  }
  app.readyMs = performance.now() - started;
  return app;
}

// With cluster workers, each new connection goes to the next worker: ready when a round of
// them (two per worker, each on its own connection) says so in a row.
async function waitUntilReady(
  url: string,
  child: ChildProcess,
  deadline: number,
  workers: number,
): Promise<void> {
  let inARow = 0;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    }
    const ready = await readyOnNewConnection(`${url}/readyz`);
    inARow = ready ? inARow + 1 : 0;
    if (inARow >= 2 * workers) return;
    if (ready) continue;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the app was not ready in time");
}

// fetch keeps connections alive (and drops a Connection header): a plain request without an agent opens its own.
function readyOnNewConnection(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: 5_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("error", () => resolve(false));
    request.on("timeout", () => request.destroy());
  });
}

async function stop(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
