/**
 * A bounded soak of the web service on 127.0.0.1: signed Slack slash commands to
 * `/slack/events` and signed Discord interactions to `/discord/interactions`, mixed
 * commands at a fixed rate, for a fixed time. It samples RSS, the heap's floor (its
 * lowest use in the minute, i.e. after collections) and event-loop delay every
 * second, prints per-minute figures
 * (requests, errors, p50/p99 latency, memory, loop delay) and exits 1 when any
 * request failed, memory grew past its bound, or a minute's p99 passed its bound.
 *
 * `npm run soak` (10 minutes at 20 requests/s), or `npx tsx scripts/soak.ts --minutes 2 --rate 20`.
 * Options: --minutes N, --rate R (requests/s), --max-heap-growth-mb, --max-rss-growth-mb,
 * --max-p99-ms, --json PATH (write the figures as JSON).
 *
 * The service runs in this process (so its event loop and memory are the ones
 * sampled); the load generator and the stand-ins for Slack and Discord are small
 * beside it and run here too.
 */
import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, createServer, type IncomingMessage, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { startService } from "../src/entry/start-service.js";
import { createLogger } from "../src/logger.js";
import { fromPackageRoot, publicDir } from "../src/service/app-paths.js";

// ---- options ------------------------------------------------------------------------------------

const { values: flags } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    rate: { type: "string", default: "20" },
    "max-heap-growth-mb": { type: "string", default: "32" },
    "max-rss-growth-mb": { type: "string", default: "96" },
    "max-p99-ms": { type: "string", default: "1000" },
    corpus: { type: "string", default: "corpus" },
    json: { type: "string" },
  },
});
const MINUTES = Number(flags.minutes);
const RATE = Number(flags.rate);
const MAX_HEAP_GROWTH_MB = Number(flags["max-heap-growth-mb"]);
const MAX_RSS_GROWTH_MB = Number(flags["max-rss-growth-mb"]);
const MAX_P99_MS = Number(flags["max-p99-ms"]);
if (!(MINUTES > 0) || !(RATE > 0)) throw new Error("--minutes and --rate must be positive numbers");

// Slack's and Discord's own limit on how long an answer may take to start is 3 s; a
// request with nothing after 10 s is counted as failed.
const REQUEST_TIMEOUT_MS = 10_000;
const APPLICATION_ID = "300000000000000099";
const SIGNING_SECRET = "soak-signing-secret-0123456789";
const BOT_TOKEN = "xoxb-soak-0000-bot-token";
// The service's default rate limit is 30 answers a minute per user; users rotate so
// that each stays at half of it and every request is answered.
const PER_USER_PER_MINUTE = 15;
const USERS = Math.max(1, Math.ceil((RATE * 60) / 2 / PER_USER_PER_MINUTE));

/** Commands as typed in Slack, and the same as Discord options. */
const MIX: { slack: [string, string]; discord: [string, Record<string, string>] }[] = [
  { slack: ["/quote", "petro"], discord: ["quote", { speaker: "petro" }] },
  { slack: ["/quote", "petro about visa"], discord: ["quote", { speaker: "petro", about: "visa" }] },
  { slack: ["/why", "visa"], discord: ["why", { topic: "visa" }] },
  { slack: ["/timeline", ""], discord: ["timeline", {}] },
  { slack: ["/timeline", "tariffs"], discord: ["timeline", { topic: "tariffs" }] },
  { slack: ["/search", "deportation flights"], discord: ["search", { query: "deportation flights" }] },
  { slack: ["/who", "rubio"], discord: ["who", { name: "rubio" }] },
  { slack: ["/sources", ""], discord: ["sources", {}] },
  { slack: ["/help", ""], discord: ["help", {}] },
  { slack: ["/backstory", "search colombia public"], discord: ["search", { query: "colombia" }] },
];

// ---- stand-ins for Slack's API, response_urls and Discord's webhooks --------------------------------

type Waiter = (payload: Record<string, unknown>) => void;
const waiting = new Map<string, Waiter>();

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function startPlatforms(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (path === "/slack/api/auth.test")
        return json(200, { ok: true, user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0" });
      const response = /^\/response\/(.+)$/u.exec(path)?.[1];
      const webhook = /\/webhooks\/\d+\/([^/]+)\/messages\/@original$/u.exec(path)?.[1];
      const key = response ?? (webhook ? decodeURIComponent(webhook) : undefined);
      if (key === undefined) return json(404, { ok: false, error: "not_found" });
      const payload = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
      waiting.get(key)?.(payload);
      return webhook ? json(200, { id: "1", channel_id: "2", ...payload }) : json(200, { ok: true });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

// ---- load -----------------------------------------------------------------------------------------

// Idle sockets are closed by this side after 2 s, well before the server's 5 s keep-alive
// timeout, so a request is never written onto a socket the server is closing.
const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 2000 });

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

/** The payload that will be delivered for `key` (response_url or webhook edit); rejects on timeout unless cancelled. */
function expectDelivery(key: string): { promise: Promise<Record<string, unknown>>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<Record<string, unknown>>((resolve, reject) => {
    timer = setTimeout(() => {
      waiting.delete(key);
      reject(new Error(`no delivery for ${key} within ${REQUEST_TIMEOUT_MS} ms`));
    }, REQUEST_TIMEOUT_MS);
    waiting.set(key, (payload) => {
      clearTimeout(timer);
      waiting.delete(key);
      resolve(payload);
    });
  });
  return {
    promise,
    cancel: () => {
      clearTimeout(timer);
      waiting.delete(key);
    },
  };
}

async function askSlack(url: string, responseOrigin: string, n: number): Promise<void> {
  const [command, text] = MIX[n % MIX.length]?.slack ?? ["/help", ""];
  const id = `s${n}`;
  const body = new URLSearchParams({
    token: "legacy",
    team_id: "T0",
    channel_id: "C0",
    user_id: `U${String(Math.floor(n / 2) % USERS).padStart(6, "0")}`,
    user_name: "soak",
    command,
    text,
    response_url: `${responseOrigin}/response/${id}`,
    trigger_id: "1.2.3",
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex");
  const delivered = expectDelivery(id);
  const response = await post(url, body, {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${signature}`,
  }).catch((error: unknown) => {
    delivered.cancel();
    throw error;
  });
  if (response.status !== 200) {
    delivered.cancel();
    throw new Error(`slack ${command}: HTTP ${response.status}`);
  }
  // A fast answer comes back in the ack itself; only an empty ack means it follows at the response_url.
  let payload: Record<string, unknown>;
  if (response.text.trim() === "") {
    payload = await delivered.promise;
  } else {
    delivered.cancel();
    payload = JSON.parse(response.text) as Record<string, unknown>;
  }
  if (
    String(payload.text ?? "").startsWith(":warning:") ||
    JSON.stringify(payload.blocks ?? "").includes(":warning:")
  ) {
    throw new Error(`slack ${command}: answered with a failure: ${String(payload.text).slice(0, 120)}`);
  }
}

async function askDiscord(url: string, key: KeyObject, n: number): Promise<void> {
  const [command, options] = MIX[n % MIX.length]?.discord ?? ["help", {}];
  const id = String(400_000_000_000_000_000n + BigInt(n));
  const token = `soak-${id}`;
  const body = JSON.stringify({
    id,
    application_id: APPLICATION_ID,
    type: 2,
    token,
    version: 1,
    guild_id: "1",
    channel_id: "2",
    member: {
      user: { id: String(500_000_000_000_000_000n + BigInt(Math.floor(n / 2) % USERS)), username: "soak" },
    },
    locale: "en-US",
    data: {
      id: `cmd-${command}`,
      name: command,
      type: 1,
      options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })),
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(`${timestamp}${body}`), key).toString("hex");
  // A deferred answer (type 5) is complete when its edit arrives, which may come right after the response.
  const edited = expectDelivery(token);
  const response = await post(url, body, {
    "content-type": "application/json",
    "x-signature-timestamp": timestamp,
    "x-signature-ed25519": signature,
  }).catch((error: unknown) => {
    edited.cancel();
    throw error;
  });
  const answer =
    response.status === 200
      ? (JSON.parse(response.text) as { type: number; data?: { content?: string } })
      : undefined;
  if (answer?.type !== 5) edited.cancel();
  if (answer === undefined) throw new Error(`discord ${command}: HTTP ${response.status}`);
  const data = answer.type === 5 ? await edited.promise : answer.data;
  if (answer.type !== 4 && answer.type !== 5)
    throw new Error(`discord ${command}: response type ${answer.type}`);
  if (typeof data?.content === "string" && data.content.startsWith("⚠️")) {
    throw new Error(`discord ${command}: answered with a failure: ${data.content.slice(0, 120)}`);
  }
}

// ---- figures --------------------------------------------------------------------------------------

interface Minute {
  minute: number;
  sent: number;
  ok: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  rssMb: number;
  heapMb: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

// ---- run ------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const platforms = await startPlatforms();
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  const publicKeyHex = Buffer.from(String(jwk.x), "base64url").toString("hex");
  const snapshotDir = mkdtempSync(join(tmpdir(), "backstory-soak-"));
  const logged = { lines: 0, warn: 0, error: 0, samples: [] as string[] };
  const logSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line === "") continue;
        logged.lines++;
        const level = (JSON.parse(line) as { level?: number }).level ?? 30;
        if (level >= 50) logged.error++;
        else if (level >= 40) logged.warn++;
        if (level >= 40 && logged.samples.length < 10) logged.samples.push(line.slice(0, 300));
      }
      done();
    },
  });
  const config = loadConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    CORPUS_DIR: fromPackageRoot(flags.corpus ?? "corpus"),
    SNAPSHOT_DIR: snapshotDir,
    WATCH_CORPUS: "false",
    DISCORD_PUBLIC_KEY: publicKeyHex,
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: `${platforms.origin}/discord/api`,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${platforms.origin}/slack/api/`,
  });
  const service = await startService({
    config,
    logger: createLogger({ level: "info", destination: logSink }),
    role: "web",
    publicDir: publicDir(),
  });
  const base = service.http?.url.replace("localhost", "127.0.0.1") ?? "";
  const slackUrl = `${base}/slack/events`;
  const discordUrl = `${base}/discord/interactions`;
  console.log(
    `soak: ${MINUTES} min at ${RATE} requests/s on ${base} (Slack and Discord alternating, ${MIX.length} commands, ${USERS} users each); ` +
      `bounds: heap floor growth ≤ ${MAX_HEAP_GROWTH_MB} MB, RSS growth ≤ ${MAX_RSS_GROWTH_MB} MB, p99 ≤ ${MAX_P99_MS} ms, 0 errors`,
  );

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const minutes: Minute[] = [];
  const errors: string[] = [];
  let current = {
    sent: 0,
    ok: 0,
    errors: 0,
    latencies: [] as number[],
    rss: [] as number[],
    heap: [] as number[],
  };
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const end = started + MINUTES * 60_000;
  let n = 0;

  // Forcing a collection would stall the loop being measured: the heap's floor over a
  // minute (sampled each second) is what survives collections.
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    current.rss.push(usage.rss);
    current.heap.push(usage.heapUsed);
  }, 1000);

  const closeMinute = () => {
    const sorted = [...current.latencies].sort((a, b) => a - b);
    const row: Minute = {
      minute: minutes.length + 1,
      sent: current.sent,
      ok: current.ok,
      errors: current.errors,
      p50Ms: Math.round(percentile(sorted, 50)),
      p99Ms: Math.round(percentile(sorted, 99)),
      maxMs: Math.round(sorted.at(-1) ?? 0),
      rssMb: mb(median(current.rss.length ? current.rss : [process.memoryUsage().rss])),
      heapMb: mb(Math.min(...(current.heap.length ? current.heap : [process.memoryUsage().heapUsed]))),
      loopDelayP99Ms: Math.round(loop.percentile(99) / 1e5) / 10,
      loopDelayMaxMs: Math.round(loop.max / 1e5) / 10,
    };
    minutes.push(row);
    loop.reset();
    console.log(
      `min ${String(row.minute).padStart(2)}: sent ${row.sent}, ok ${row.ok}, errors ${row.errors}, ` +
        `latency p50 ${row.p50Ms} ms p99 ${row.p99Ms} ms max ${row.maxMs} ms, RSS ${row.rssMb} MB, heap floor ${row.heapMb} MB, ` +
        `loop delay p99 ${row.loopDelayP99Ms} ms max ${row.loopDelayMaxMs} ms, answers in flight ${service.asker.inFlight}`,
    );
    current = { sent: 0, ok: 0, errors: 0, latencies: [], rss: [], heap: [] };
  };

  let nextMinute = started + 60_000;
  // A fixed schedule (request k at start + k/rate), not a fixed pause: slow answers do not lower the rate.
  while (performance.now() < end) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (due >= end) break;
    if (performance.now() >= nextMinute) {
      closeMinute();
      nextMinute += 60_000;
    }
    const k = n++;
    const bucket = current;
    bucket.sent++;
    const t0 = performance.now();
    const work = (
      k % 2 === 0 ? askSlack(slackUrl, platforms.origin, k) : askDiscord(discordUrl, privateKey, k)
    ).then(
      () => {
        bucket.ok++;
        bucket.latencies.push(performance.now() - t0);
      },
      (error: unknown) => {
        bucket.errors++;
        const at = ((performance.now() - started) / 1000).toFixed(1);
        const what = `${k % 2 === 0 ? "slack" : "discord"} #${k} at ${at} s: ${error instanceof Error ? error.message : String(error)}`;
        if (errors.length < 20) errors.push(what);
      },
    );
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }
  await Promise.all([...inFlight]);
  clearInterval(sampler);
  closeMinute();
  loop.disable();
  await service.shutdown("soak over");
  agent.destroy();
  platforms.server.closeAllConnections();
  await new Promise<void>((resolve) => platforms.server.close(() => resolve()));
  rmSync(snapshotDir, { recursive: true, force: true });

  // Growth: the first minute (warm-up included) against the last.
  const full = minutes.filter((m) => m.sent > 0);
  const first = full[0];
  const last = full.at(-1);
  const heapGrowthMb = first && last ? Math.round((last.heapMb - first.heapMb) * 10) / 10 : 0;
  const rssGrowthMb = first && last ? Math.round((last.rssMb - first.rssMb) * 10) / 10 : 0;
  const totals = {
    sent: minutes.reduce((s, m) => s + m.sent, 0),
    ok: minutes.reduce((s, m) => s + m.ok, 0),
    errors: minutes.reduce((s, m) => s + m.errors, 0),
  };
  const worstP99 = Math.max(...minutes.map((m) => m.p99Ms));
  const failures: string[] = [];
  if (totals.errors > 0) failures.push(`${totals.errors} requests failed: ${errors.slice(0, 5).join("; ")}`);
  if (heapGrowthMb > MAX_HEAP_GROWTH_MB)
    failures.push(`the heap floor grew ${heapGrowthMb} MB (bound ${MAX_HEAP_GROWTH_MB} MB)`);
  if (rssGrowthMb > MAX_RSS_GROWTH_MB)
    failures.push(`RSS grew ${rssGrowthMb} MB (bound ${MAX_RSS_GROWTH_MB} MB)`);
  if (worstP99 > MAX_P99_MS) failures.push(`a minute's p99 was ${worstP99} ms (bound ${MAX_P99_MS} ms)`);
  const summary = {
    minutes: MINUTES,
    rate: RATE,
    ...totals,
    heapGrowthMb,
    rssGrowthMb,
    worstP99Ms: worstP99,
    logLines: logged.lines,
    logWarnings: logged.warn,
    logErrors: logged.error,
    logSamples: logged.samples,
    perMinute: minutes,
    failures,
  };
  console.log(
    `total: sent ${totals.sent}, ok ${totals.ok}, errors ${totals.errors}; heap floor growth ${heapGrowthMb} MB, RSS growth ${rssGrowthMb} MB, worst p99 ${worstP99} ms; ` +
      `log: ${logged.lines} lines, ${logged.warn} warnings, ${logged.error} errors`,
  );
  if (flags.json) writeFileSync(flags.json, `${JSON.stringify(summary, null, 2)}\n`);
  if (failures.length > 0) {
    console.error(`soak FAILED:\n  - ${failures.join("\n  - ")}`);
    return 1;
  }
  console.log("soak passed");
  return 0;
}

process.exitCode = await main();
