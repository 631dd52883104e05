import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "./free-port.js";

/** A throw-away redis-server on 127.0.0.1 (Debian's), for one test file. */
export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (SIGKILL: nothing to keep); resolves once it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after `stop`), as a Redis that comes back. */
  restart(): Promise<void>;
}

/**
 * Starts `redis-server` on a free port of 127.0.0.1, without persistence, and
 * resolves once it accepts connections. Call `stop()` in `afterAll`; the server is
 * also killed if the test process exits first.
 */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const kill = () => child?.kill("SIGKILL");
  process.once("exit", kill);
  const start = async () => {
    const started = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--protected-mode",
        "yes",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
      started.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${output}`));
      });
    });
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await stop();
      process.off("exit", kill);
    },
    restart: async () => {
      await stop();
      await start();
    },
  };
}
