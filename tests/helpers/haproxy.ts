import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";

/** A real HAProxy (Debian's) balancing round robin over local servers. */
export interface TestProxy {
  url: string;
  config: string;
  stop(): Promise<void>;
}

/**
 * The proxy's configuration: round robin, a server out of rotation as soon as its
 * `/readyz` fails or its port refuses, and a request whose connection to a server
 * failed retried on the other one (`retry-on conn-failure` + `option redispatch`).
 * Only connection failures are retried: a request that reached a server may have been
 * acted on (a message posted), so it is never sent twice; Slack and Discord retry
 * or time out by their own rules.
 */
export function haproxyConfig(port: number, servers: readonly { name: string; port: number }[]): string {
  return [
    "global",
    "  maxconn 512",
    "defaults",
    "  mode http",
    "  timeout connect 500ms",
    "  timeout client 30s",
    "  timeout server 30s",
    "  retries 3",
    "  option redispatch 1",
    "  retry-on conn-failure",
    "  option forwardfor",
    "frontend web",
    `  bind 127.0.0.1:${port}`,
    "  default_backend replicas",
    "backend replicas",
    "  balance roundrobin",
    "  option httpchk GET /readyz",
    "  http-check expect status 200",
    "  default-server check inter 300ms fall 1 rise 2",
    ...servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port}`),
    "",
  ].join("\n");
}

/** Starts `haproxy -db` (foreground) in front of `servers`; resolves once it accepts connections. */
export async function startHaproxy(servers: readonly { name: string; port: number }[]): Promise<TestProxy> {
  const dir = await mkdtemp(join(tmpdir(), "backstory-haproxy-"));
  const port = await freePort();
  const config = haproxyConfig(port, servers);
  const file = join(dir, "haproxy.cfg");
  await writeFile(file, config);
  const child: ChildProcess = spawn("haproxy", ["-f", file, "-db"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const stop = async () => {
    process.off("exit", kill);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`haproxy did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `http://127.0.0.1:${port}`, config, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
