import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { Database } from "../../store/database.js";
import type { Asker } from "../asker.js";
import type { Insights } from "../insights/insights.js";

/** Which Procfile process hosts a transport: `web` serves HTTP, `worker` holds connections. */
export type ProcessName = "web" | "worker";

/** A request listener a transport mounts on the shared web app. */
export type PlatformListener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** What every transport is given. */
export interface TransportContext {
  /** Answers questions: rate-limited, measured and logged by the service. */
  asker: Asker;
  /** Already bound to the transport's name. */
  logger: Logger;
  defaultPrivate: boolean;
  config: Config;
  /** The database, when it opened (see `entry/open-store.ts`); stored features do without it. */
  store?: Database;
  /** Questions and votes (INSIGHTS on and the database open): what the vote buttons call. */
  insights?: Insights;
}

/** The shared web app, as a web transport sees it: somewhere to mount a listener. */
export interface WebMounts {
  /**
   * Serves `POST path` (or the `methods` given, e.g. GET for an OAuth redirect) with
   * `listener`, the body left unread (signatures are over the raw bytes).
   */
  mount(path: string, listener: PlatformListener, methods?: readonly string[]): void;
}

/** A transport once mounted or connected. */
export interface RunningTransport {
  /** Disconnects, or releases what the mount holds. */
  stop(): Promise<void>;
  /**
   * Settles once the transport's credentials are checked with the platform, when
   * that happens after mounting (the port must not wait for it); `/readyz` says
   * `starting` until then.
   */
  ready?: Promise<void>;
}

/**
 * One way Backstory is reached. Each adapter exports its transports; the entry
 * lists them once, and the service mounts or connects the enabled ones without
 * knowing any by name. A transport's module must stay light (no platform SDK at
 * import): it loads its adapter when mounted or connected.
 */
export interface Transport {
  /** For logs, metrics and `/readyz`, e.g. `slack-http`. */
  readonly name: string;
  /** One line saying what it serves, e.g. `Slack Socket Mode`. */
  readonly label: string;
  readonly process: ProcessName;
  /** The variables it needs, by name, with their values in `config` (undefined when unset). */
  needs(config: Config): Record<string, string | undefined>;
  /** Web transports: builds the listener and mounts it on the shared app. */
  mount?(app: WebMounts, context: TransportContext): Promise<RunningTransport>;
  /** Worker transports: connects; resolves once connected. */
  connect?(context: TransportContext): Promise<RunningTransport>;
}

/** A value `needs` promised: enabled transports get their variables, so a missing one is a bug. */
export function needed<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is needed by this transport but was not set.`);
  return value;
}
