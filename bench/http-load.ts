import { readFile } from "node:fs/promises";
import autocannon from "autocannon";
import { textToInvocation } from "../commands/text-to-invocation.js";
import { startApp } from "./http-app.js";
import {
  createDiscordSigner,
  discordCommandBody,
  SLACK_TEST_SECRET,
  slackSignatureHeaders,
  slackSlashCommandBody,
} from "./http-payloads.js";
import { type Delivery, isAnswer, type Sink, startSink } from "./http-sink.js";
import { commandQueries, loadQueries } from "./queries.js";
import { round, roundSummary, type Summary, summarize } from "./stats.js";

/** What the HTTP benchmark is given. */
export interface HttpInput {
  corpusPath: string;
  snapshotDir: string;
  /** Seconds of measured load per endpoint (30 by default, 5 with `--quick`). */
  durationSec: number;
  /** Seconds of unmeasured load first, so the JIT has warmed up. */
  warmupSec: number;
  connections: number;
  heapMb: number;
  logLevel: string;
  /** Write a V8 CPU profile of the app under load into this folder. */
  cpuProfDir?: string;
  /**
   * The questions, as typed in Slack ("/search oil"): the serve step's set drawn from the
   * corpus with the seed; the checked-in `bench/queries.json` when absent.
   */
  questions?: readonly string[];
  /** Also load an app of this many cluster workers (WEB_CONCURRENCY) with the answer cache off; ≤ 1: not. */
  clusterWorkers: number;
}

/** One endpoint under load. */
export interface EndpointResult {
  endpoint: string;
  connections: number;
  durationSec: number;
  /** HTTP responses received. */
  requests: number;
  requestsPerSec: number;
  /** Of the HTTP response (Slack: the ack, carrying the answer when it was ready within 2 s; Discord: the answer itself), ms. */
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Commands answered with a rendered answer within the run. */
  answered: number;
  answeredPerSec: number;
  /** Answers that were a warning instead (refusal, rate limit, failure). */
  refused: number;
  /**
   * Slack: from sending the command to its answer arriving, in the ack's body (the
   * HTTP latency of that request) or, when slower than the ack budget, at the response_url, ms.
   */
  delivery?: Summary;
  /** Slack: answers and refusals that came through the response_url (slower than the ack budget) rather than in the ack. */
  viaResponseUrl?: number;
  /** Slack: commands acked empty whose answer had not reached the response_url 5 s after the run. */
  undelivered?: number;
}

/** The app under HTTP load. */
export interface HttpResult {
  /** Spawning the web process until `/readyz` says ready (from the snapshot; includes tsx). */
  readyMs: number;
  rssMbAfterReady?: number;
  rssMbAfterLoad?: number;
  /**
   * `GET /healthz` under the same load: the ceiling of the HTTP stack and of the
   * load generator on this machine, to tell a slow app from a saturated client.
   */
  healthz: { requestsPerSec: number; p50: number; p99: number };
  /** Slack with the answer cache as deployed: after the warm-up every query of the set repeats. */
  slack: EndpointResult;
  discord: EndpointResult;
  /** Slack on a second app with the answer cache off: every command searched and rendered afresh. */
  slackUncached?: EndpointResult;
  /** RSS of that app (one process) after its load, MB. */
  rssMbUncached?: number;
  /** The same load on an app of `workers` cluster workers (WEB_CONCURRENCY), cache off; RSS of all its processes. */
  slackUncachedCluster?: EndpointResult & { workers: number; rssMbAfterLoad?: number };
  /** Where the questions came from: drawn from the corpus with the seed, or the checked-in set. */
  questionSet: { source: "drawn" | "checked-in"; questions: number };
  /** The deployed app's answer cache over the whole run (from its `/metrics`). */
  answerCache?: { hits: number; misses: number };
  /** Discord answers that were deferred and edited in later (took over 2 s). */
  discordDeferred: number;
}

const APPLICATION_ID = "100000000000000001";
// Users the load is spread over: each stays within the default rate limit (10 at once, 30 a minute).
const USERS = 20_000;

/**
 * Starts the real web process and loads it with autocannon on 127.0.0.1: signed
 * Slack slash commands (`/slack/events`, HMAC v0) answered in the ack's body, or at
 * a local response_url when slower than the ack budget, then signed Discord
 * interactions (`/discord/interactions`, Ed25519) answered in the HTTP response,
 * each at fixed concurrency for a bounded run.
 */
export async function measureHttp(input: HttpInput): Promise<HttpResult> {
  const queries = input.questions
    ? input.questions.map((text): HttpQuestion => ({ text }))
    : commandQueries(await loadQueries());
  const sink = await startSink();
  const signer = createDiscordSigner();
  const launch = {
    corpusPath: input.corpusPath,
    snapshotDir: input.snapshotDir,
    slackSigningSecret: SLACK_TEST_SECRET,
    slackApiUrl: sink.slackApiUrl,
    discordPublicKeyHex: signer.publicKeyHex,
    discordApplicationId: APPLICATION_ID,
    discordApiUrl: sink.discordApiUrl,
    heapMb: input.heapMb,
    logLevel: input.logLevel,
  };
  const app = await startApp({ ...launch, ...(input.cpuProfDir ? { cpuProfDir: input.cpuProfDir } : {}) });
  const counter = { seq: 0 };
  let result: HttpResult;
  try {
    const rssMbAfterReady = await rssMb(app.pid);
    const slackLoad = (durationSec: number) => loadSlack(app.url, sink, queries, counter, input, durationSec);
    const discordLoad = (durationSec: number) =>
      loadDiscord(app.url, signer.headers, queries, counter, input, durationSec);
    const healthz = await loadHealthz(app.url, input.connections, Math.min(input.durationSec, 5));
    // Every query asked once first, so the measured run is the repeated-question regime
    // (the "answer cache off" app below measures new questions).
    await loadSlack(app.url, sink, queries, counter, input, 0, queries.length);
    if (input.warmupSec > 0) await slackLoad(input.warmupSec);
    const slack = await slackLoad(input.durationSec);
    if (input.warmupSec > 0) await discordLoad(input.warmupSec);
    const discord = await discordLoad(input.durationSec);
    result = {
      readyMs: app.readyMs,
      healthz,
      slack,
      discord,
      discordDeferred: sink.discordRestCalls,
      questionSet: { source: input.questions ? "drawn" : "checked-in", questions: queries.length },
    };
    const answerCache = await cacheCounts(app.url);
    if (answerCache) result.answerCache = answerCache;
    if (rssMbAfterReady !== undefined) result.rssMbAfterReady = rssMbAfterReady;
    const after = await rssMb(app.pid);
    if (after !== undefined) result.rssMbAfterLoad = after;
  } finally {
    await app.stop();
  }
  // The same Slack load on an app that answers every command afresh: the cost of a new question.
  const uncached = await startApp({ ...launch, answerCacheSize: 0 });
  try {
    const load = (durationSec: number) => loadSlack(uncached.url, sink, queries, counter, input, durationSec);
    if (input.warmupSec > 0) await load(input.warmupSec);
    result.slackUncached = {
      ...(await load(input.durationSec)),
      endpoint: "slack /slack/events, answer cache off",
    };
    const rss = await rssMb(uncached.pid);
    if (rss !== undefined) result.rssMbUncached = rss;
  } finally {
    await uncached.stop();
  }
  try {
    if (input.clusterWorkers > 1) {
      // The same again with cluster workers sharing the port: what more processes buy, and cost.
      const workers = input.clusterWorkers;
      const clustered = await startApp({ ...launch, answerCacheSize: 0, webConcurrency: workers });
      try {
        const load = (durationSec: number) =>
          loadSlack(clustered.url, sink, queries, counter, input, durationSec);
        if (input.warmupSec > 0) await load(input.warmupSec);
        result.slackUncachedCluster = {
          ...(await load(input.durationSec)),
          endpoint: `slack /slack/events, answer cache off, ${workers} cluster workers`,
          workers,
        };
        const rss = await rssMb(clustered.pid);
        if (rss !== undefined) result.slackUncachedCluster.rssMbAfterLoad = rss;
      } finally {
        await clustered.stop();
      }
    }
    return result;
  } finally {
    await sink.close();
  }
}

/** A question the HTTP load sends, as typed in Slack. */
interface HttpQuestion {
  text: string;
}

/** Hits and misses of the app's answer cache, read from its `/metrics`. */
async function cacheCounts(url: string): Promise<{ hits: number; misses: number } | undefined> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const read = (result: string) =>
      Number(
        new RegExp(`^backstory_answer_cache_total\\{result="${result}"\\} (\\d+)`, "mu").exec(text)?.[1] ?? 0,
      );
    return { hits: read("hit"), misses: read("miss") };
  } catch {
    return undefined;
  }
}

async function loadSlack(
  url: string,
  sink: Sink,
  queries: readonly HttpQuestion[],
  counter: { seq: number },
  input: HttpInput,
  durationSec: number,
  /** Send exactly this many commands instead of loading for `durationSec`. */
  amount?: number,
): Promise<EndpointResult> {
  const sent = new Map<number, number>();
  // Answers that came in the ack's body, and commands acked empty (answered later at the response_url).
  const inAck = new Map<number, Delivery>();
  const ackedEmpty = new Set<number>();
  const request: autocannon.Request = {
    method: "POST",
    path: "/slack/events",
    setupRequest: (req, context) => {
      const seq = ++counter.seq;
      const query = queries[seq % queries.length] as HttpQuestion;
      const [command = "/search", ...words] = query.text.split(" ");
      const body = slackSlashCommandBody({
        command,
        text: words.join(" "),
        responseUrl: sink.responseUrl(seq),
        userId: `U${String(seq % USERS).padStart(6, "0")}`,
      });
      const headers = {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignatureHeaders(body, SLACK_TEST_SECRET, Math.floor(Date.now() / 1000)),
      };
      // One request at a time per connection (no pipelining): the context a request is set up
      // with is the one its response is reported with, so it tells which command was answered.
      context.seq = seq;
      sent.set(seq, performance.now());
      return { ...req, headers, body };
    },
    onResponse: (status, body, context) => {
      const seq = context.seq;
      if (typeof seq !== "number" || status !== 200) return;
      if (body === "") ackedEmpty.add(seq);
      else inAck.set(seq, { at: performance.now(), answered: isAnswer(body) });
    },
  };
  const started = performance.now();
  const result = await autocannon({
    url,
    connections: input.connections,
    ...(amount === undefined ? { duration: durationSec } : { amount }),
    requests: [request],
  });
  const ended = performance.now();
  const pending = () => [...ackedEmpty].filter((seq) => !sink.deliveries.has(seq)).length;
  for (let waited = 0; waited < 5_000 && pending() > 0; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const delays: number[] = [];
  let answered = 0;
  let refused = 0;
  let viaResponseUrl = 0;
  for (const [seq, at] of sent) {
    const delivery = inAck.get(seq) ?? sink.deliveries.get(seq);
    if (!delivery) continue;
    delays.push(delivery.at - at);
    if (delivery.at > ended) continue;
    if (delivery.answered) answered++;
    else refused++;
    if (!inAck.has(seq)) viaResponseUrl++;
  }
  const windowSec = (ended - started) / 1000;
  return {
    ...endpointFigures("slack /slack/events", result, input.connections, windowSec),
    answered,
    answeredPerSec: round(answered / windowSec, 1),
    refused,
    ...(delays.length > 0 ? { delivery: roundSummary(summarize(delays)) } : {}),
    viaResponseUrl,
    undelivered: pending(),
  };
}

async function loadDiscord(
  url: string,
  sign: (body: string, seconds: number) => Record<string, string>,
  queries: readonly HttpQuestion[],
  counter: { seq: number },
  input: HttpInput,
  durationSec: number,
): Promise<EndpointResult> {
  const tally = { answered: 0, refused: 0 };
  const request: autocannon.Request = {
    method: "POST",
    path: "/discord/interactions",
    setupRequest: (req) => {
      const seq = ++counter.seq;
      const query = queries[seq % queries.length] as HttpQuestion;
      const parsed = textToInvocation(query.text, { platform: "cli" });
      const body = discordCommandBody({
        id: String(500_000_000_000_000_000n + BigInt(seq)),
        applicationId: APPLICATION_ID,
        command: parsed.command,
        args: parsed.args,
        userId: String(400_000_000_000_000_000n + BigInt(seq % USERS)),
      });
      const headers = { "content-type": "application/json", ...sign(body, Math.floor(Date.now() / 1000)) };
      return { ...req, headers, body };
    },
    onResponse: (status, body) => {
      if (status === 200 && body.includes('"embeds"')) tally.answered++;
      else tally.refused++;
    },
  };
  const started = performance.now();
  const result = await autocannon({
    url,
    connections: input.connections,
    duration: durationSec,
    requests: [request],
  });
  const windowSec = (performance.now() - started) / 1000;
  return {
    ...endpointFigures("discord /discord/interactions", result, input.connections, windowSec),
    answered: tally.answered,
    answeredPerSec: round(tally.answered / windowSec, 1),
    refused: tally.refused,
  };
}

async function loadHealthz(
  url: string,
  connections: number,
  durationSec: number,
): Promise<HttpResult["healthz"]> {
  const result = await autocannon({ url: `${url}/healthz`, connections, duration: durationSec });
  return {
    requestsPerSec: round(result.requests.total / result.duration, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

function endpointFigures(
  endpoint: string,
  result: autocannon.Result,
  connections: number,
  windowSec: number,
): Omit<EndpointResult, "answered" | "answeredPerSec" | "refused"> {
  const requests = result.requests.total;
  return {
    endpoint,
    connections,
    durationSec: round(windowSec, 2),
    requests,
    requestsPerSec: round(requests / windowSec, 1),
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.mean, 2),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Resident memory of a process (Linux `/proc`), in MB; undefined elsewhere. */
/** RSS of a process and its children (cluster workers), MB. */
async function rssMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/mu.exec(status)?.[1];
    if (kb === undefined) return undefined;
    const children = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "");
    let total = Number(kb) / 1024;
    for (const child of children.split(/\s+/u).filter(Boolean)) total += (await rssMb(Number(child))) ?? 0;
    return Math.round(total * 10) / 10;
  } catch {
    return undefined;
  }
}
