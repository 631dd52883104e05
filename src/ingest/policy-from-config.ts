import type { Config } from "../config.js";
import { PRIVATE_RANGES } from "./address-policy.js";
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from "./safe-fetch.js";

/** The fetch policy the configuration sets (`INGEST_*`). */
export function fetchPolicyFrom(config: Pick<Config, "ingest">): FetchPolicy {
  const { allowPrivate, timeoutMs, maxBytes, hostGapMs } = config.ingest;
  return {
    ...DEFAULT_FETCH_POLICY,
    allowedRanges: allowPrivate ? PRIVATE_RANGES : [],
    timeoutMs,
    maxBytes,
    hostGapMs,
  };
}
