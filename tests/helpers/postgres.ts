import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";

/** A throw-away PostgreSQL server on 127.0.0.1, for one test file. */
export interface TestPostgres {
  /** `postgres://…/postgres` on the server (superuser `backstory`, no password). */
  url: string;
  /** Creates an empty database and returns its URL (one per test keeps tests apart). */
  createDatabase(): string;
  /** Stops the server and removes its files. */
  stop(): void;
}

/** Debian's server binaries (`apt-get install postgresql`), newest version first; undefined when absent. */
export function postgresBinaries(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

/**
 * Whether the PostgreSQL half of a suite should run: when the server binaries are installed, and
 * always under `CI` (where `.ci/run` installs them, so a missing server fails instead of skipping
 * green). Locally, without them, the suite is skipped with a message saying why.
 */
export function runsWithPostgres(what: string): boolean {
  if (postgresBinaries() !== undefined || process.env.CI) return true;
  console.warn(
    `Skipping ${what} on PostgreSQL: no server (apt-get install postgresql). Under CI this fails instead.`,
  );
  return false;
}

let databases = 0;

/**
 * Starts a fresh cluster (initdb, then pg_ctl on a free port, Unix socket in its own folder,
 * fsync off). initdb refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinaries();
  if (bin === undefined)
    throw new Error("PostgreSQL is not installed: apt-get install postgresql (see .ci/run)");
  const dir = mkdtempSync(join(tmpdir(), "backstory-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o777);
    execFileSync("chown", ["postgres:postgres", dir]);
  }
  const run = (tool: string, args: string[]) => {
    const [command, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]]
      : [join(bin, tool), args];
    const result = spawnSync(command, argv as string[], { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) {
      throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  };
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "backstory", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const url = (name: string) => `postgres://backstory@127.0.0.1:${port}/${name}`;
  let stopped = false;
  return {
    url: url("postgres"),
    createDatabase() {
      databases += 1;
      const name = `test_${process.pid}_${databases}`;
      run("psql", [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "backstory",
        "-d",
        "postgres",
        "-q",
        "-c",
        `CREATE DATABASE ${name}`,
      ]);
      return url(name);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
