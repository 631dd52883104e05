import { httpGet } from "./http-get.js";

/** What a process's `/metrics` says about the answers it gave and the limits it applied. */
export interface ReplicaFigures {
  /** Answers asked, by outcome (`ok`, `rate_limited`, …). */
  requests: Record<string, number>;
  /** Rate-limit decisions, by `store/decision` (e.g. `redis/allowed`). */
  rateLimit: Record<string, number>;
  /** Decisions Redis could not make (fail open). */
  rateLimitStoreErrors: number;
}

/** Reads one process's figures from its Prometheus text. */
export async function replicaFigures(url: string): Promise<ReplicaFigures> {
  const text = (await httpGet(`${url}/metrics`)).text;
  const figures: ReplicaFigures = { requests: {}, rateLimit: {}, rateLimitStoreErrors: 0 };
  for (const line of text.split("\n")) {
    const sample = /^(\w+)\{([^}]*)\} (\S+)$/u.exec(line) ?? /^(\w+)() (\S+)$/u.exec(line);
    if (!sample) continue;
    const [, name, labelText, value] = sample as unknown as [string, string, string, string];
    const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/gu)].map((m) => [m[1], m[2]]));
    const n = Number(value);
    if (name === "backstory_requests_total") add(figures.requests, labels.outcome ?? "?", n);
    if (name === "backstory_rate_limit_decisions_total")
      add(figures.rateLimit, `${labels.store}/${labels.decision}`, n);
    if (name === "backstory_rate_limit_store_errors_total") figures.rateLimitStoreErrors += n;
  }
  return figures;
}

function add(into: Record<string, number>, key: string, n: number): void {
  into[key] = (into[key] ?? 0) + n;
}
