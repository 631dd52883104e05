import type { Config } from "../../config.js";
import type { ProcessName, Transport } from "./transport.js";

/** Which Procfile process is starting: `all` is `npm start` (everything on one process). */
export type Role = "all" | ProcessName;

/** One transport: whether it runs in this process and, if not, what would enable it. */
export interface PlannedTransport {
  transport: Transport;
  name: string;
  label: string;
  /** The Procfile process that hosts it. */
  process: ProcessName;
  enabled: boolean;
  /** Variables still to set to enable it (empty when enabled). */
  missing: string[];
}

/** The transports a role hosts, each enabled when its variables are all set. */
export function planTransports(
  transports: readonly Transport[],
  config: Config,
  role: Role,
): PlannedTransport[] {
  return transports
    .filter((t) => role === "all" || t.process === role)
    .map((transport) => {
      const missing = Object.entries(transport.needs(config))
        .filter(([, value]) => value === undefined)
        .map(([name]) => name);
      const { name, label, process } = transport;
      return { transport, name, label, process, enabled: missing.length === 0, missing };
    });
}

/** One line saying what runs, or what would enable it. */
export function describeTransport(transport: PlannedTransport): string {
  if (transport.enabled) return `on:  ${transport.label}`;
  return `off: ${transport.label} — set ${joinNames(transport.missing)} to enable`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
