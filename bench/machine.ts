import { execFileSync } from "node:child_process";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { PROJECT_ROOT } from "./corpora.js";

/** The machine and code a run measured, so that noisy or odd figures can be told apart. */
export interface MachineInfo {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  os: string;
  /** 1, 5 and 15-minute load averages when the run (or size) started. */
  loadAverage: number[];
  /** The commit measured, with `+dirty` when the tree had uncommitted changes. */
  commit: string;
}

/** Facts about this machine now. */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage: loadAverageNow(),
    commit: commitNow(),
  };
}

/** The 1, 5 and 15-minute load averages, rounded. */
export function loadAverageNow(): number[] {
  return loadavg().map((n) => Math.round(n * 100) / 100);
}

function commitNow(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    const head = git("rev-parse", "--short", "HEAD");
    return git("status", "--porcelain", "--untracked-files=no") === "" ? head : `${head}+dirty`;
  } catch {
    return "unknown";
  }
}
