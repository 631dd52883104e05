import { PassThrough } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import { type Config, loadConfig } from "../../src/config.js";
import { type RunningService, startService } from "../../src/entry/start-service.js";
import { createLogger, type Logger, silentLogger } from "../../src/logger.js";
import { publicDir } from "../../src/service/app-paths.js";
import type { Asker } from "../../src/service/asker.js";
import type { ReloadOutcome } from "../../src/service/reloading-engine-source.js";
import type { Role } from "../../src/service/transports/plan.js";
import type { Transport } from "../../src/service/transports/transport.js";
import { type SeedCorpusCopy, seedCorpusForSuite } from "./seed-corpus-copy.js";

/** Options of startTestService: environment variables as the entrypoint would read them. */
export interface TestServiceOptions {
  corpusDir: string;
  snapshotDir: string;
  env?: Record<string, string>;
  role?: Role;
  /** Stand-ins for the transports (default: the real ones). */
  transports?: readonly Transport[];
  wrapAsker?: (asker: Asker) => Asker;
  /** Keep the JSON log lines (to check what is logged). */
  captureLogs?: boolean;
}

/** A service on 127.0.0.1 and an ephemeral port. */
export interface TestService {
  service: RunningService;
  config: Config;
  url: string;
  /** The JSON log lines so far (captureLogs only). */
  logs(): Record<string, unknown>[];
  /** Resolves with the first reload outcome after now that satisfies `check`. */
  nextReload(check: (outcome: ReloadOutcome) => boolean, timeoutMs?: number): Promise<ReloadOutcome>;
  stop(): Promise<void>;
}

/** Starts the service in this process, as `npm start` would, on an ephemeral port. */
export async function startTestService(options: TestServiceOptions): Promise<TestService> {
  const config = loadConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    WATCH_CORPUS: "false",
    CORPUS_DIR: options.corpusDir,
    SNAPSHOT_DIR: options.snapshotDir,
    DATA_DIR: options.snapshotDir,
    ...options.env,
  });
  const lines: string[] = [];
  let logger: Logger = silentLogger;
  if (options.captureLogs) {
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
    logger = createLogger({ level: "debug", destination: stream });
  }
  const service = await startService({
    config,
    logger,
    role: options.role ?? "all",
    ...(options.transports ? { transports: options.transports } : {}),
    publicDir: publicDir(),
    ...(options.wrapAsker ? { wrapAsker: options.wrapAsker } : {}),
  });
  const url = service.http?.url ?? "";
  return {
    service,
    config,
    url,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    nextReload: (check, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`no matching reload within ${timeoutMs} ms`));
        }, timeoutMs);
        const stop = service.engines.subscribe((outcome) => {
          if (!check(outcome)) return;
          clearTimeout(timer);
          stop();
          resolve(outcome);
        });
      }),
    stop: async () => {
      await service.shutdown("test over");
      await service.engines.settled();
    },
  };
}

/** GETs a URL and parses its JSON body as the `T` the caller expects. */
export async function getJson<T>(url: string): Promise<{ status: number; headers: Headers; body: T }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** A suite's service and the corpus copy it serves. */
export type SuiteService = TestService & { corpus: SeedCorpusCopy };

/** What a suite's service is started with, besides the corpus copy it is given. */
export type SuiteServiceOptions = Omit<TestServiceOptions, "corpusDir" | "snapshotDir">;

/**
 * A service on a fresh copy of the seed corpus for the current suite: started
 * before its tests (the options are read then, so they may use servers another
 * `beforeAll` started first), stopped and its copy removed after them.
 */
export function serviceForSuite(
  options: () => SuiteServiceOptions | Promise<SuiteServiceOptions> = () => ({}),
): () => SuiteService {
  const corpus = seedCorpusForSuite();
  let app: SuiteService | undefined;
  beforeAll(async () => {
    const copy = corpus();
    const service = await startTestService({
      corpusDir: copy.corpusDir,
      snapshotDir: copy.snapshotDir,
      ...(await options()),
    });
    app = Object.assign(service, { corpus: copy });
  });
  afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app) throw new Error("the suite's service starts in beforeAll: read it inside a hook or a test");
    return app;
  };
}
