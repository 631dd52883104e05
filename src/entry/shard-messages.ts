import type { Readiness } from "../server/routes/health.js";

/** The manager asks a shard how it is (over the child process's IPC channel). */
export interface ShardReportRequest {
  backstory: "report?";
  nonce: number;
}

/** A shard's answer: its readiness (`/readyz`'s body) and its metrics text. */
export interface ShardReport {
  backstory: "report";
  nonce: number;
  readiness: Readiness;
  metrics: string;
  /** The shard process's resident memory, in bytes. */
  rssBytes: number;
}

/** Whether an IPC message is the manager's request for a report. */
export function isReportRequest(message: unknown): message is ShardReportRequest {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { backstory?: unknown }).backstory === "report?" &&
    typeof (message as { nonce?: unknown }).nonce === "number"
  );
}

/** Whether an IPC message is a shard's report. */
export function isReport(message: unknown): message is ShardReport {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { backstory?: unknown }).backstory === "report" &&
    typeof (message as { nonce?: unknown }).nonce === "number"
  );
}
