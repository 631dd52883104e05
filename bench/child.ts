import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** How a measuring child process is started. */
export interface ChildOptions {
  /** V8 old-space limit in MB (the 100k corpus needs more than the default). */
  heapMb?: number;
  /** Write a V8 CPU profile of the child into this folder (`node --cpu-prof`). */
  cpuProfDir?: string;
  /** Kill the child after this long. Default 45 minutes. */
  timeoutMs?: number;
}

const INPUT_VARIABLE = "BACKSTORY_BENCH_INPUT";
const DEFAULT_HEAP_MB = 12_288;

/**
 * Runs `bench/workers/<name>.ts` in a fresh Node process (with `--expose-gc`
 * and tsx), so that each measurement starts with a clean heap and its RSS is
 * its own. The input goes in as JSON; the child sends its result back over IPC.
 */
export function runChild<I, R>(name: string, input: I, options: ChildOptions = {}): Promise<R> {
  const script = fileURLToPath(new URL(`./workers/${name}.ts`, import.meta.url));
  const execArgv = [
    "--expose-gc",
    `--max-old-space-size=${options.heapMb ?? DEFAULT_HEAP_MB}`,
    "--import",
    "tsx",
    ...(options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : []),
  ];
  return new Promise<R>((resolve, reject) => {
    const child = fork(script, [], {
      execArgv,
      env: { ...process.env, [INPUT_VARIABLE]: JSON.stringify(input) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      serialization: "advanced",
    });
    let result: { ok: true; value: R } | { ok: false; error: string } | undefined;
    const timer = setTimeout(
      () => {
        child.kill("SIGKILL");
        reject(new Error(`bench child ${name} timed out`));
      },
      options.timeoutMs ?? 45 * 60_000,
    );
    child.on("message", (message) => {
      result = message as typeof result;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (result?.ok) resolve(result.value);
      else if (result) reject(new Error(`bench child ${name} failed: ${result.error}`));
      else reject(new Error(`bench child ${name} exited (${signal ?? code}) without a result`));
    });
  });
}

/**
 * The body of a child script: reads its input, runs `work`, sends the result to
 * the parent and exits (so timers or sockets left open never hold it).
 */
export function childMain<I, R>(work: (input: I) => Promise<R>): void {
  const raw = process.env[INPUT_VARIABLE];
  if (raw === undefined || !process.send) {
    process.stderr.write("This script is a benchmark worker: run `npm run bench`.\n");
    process.exit(2);
  }
  const send = (message: unknown): Promise<void> =>
    new Promise((resolve) => {
      process.send?.(message, undefined, {}, () => resolve());
    });
  work(JSON.parse(raw) as I).then(
    async (value) => {
      await send({ ok: true, value });
      process.exit(0);
    },
    async (error: unknown) => {
      await send({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      process.exit(1);
    },
  );
}

/** Collects garbage (when run with `--expose-gc`) so memory figures are of live data. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/** Memory of this process now, in MB. */
export interface MemoryFigures {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

/** This process's memory after a full collection, in MB. */
export function memoryNow(): MemoryFigures {
  collectGarbage();
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
  };
}
