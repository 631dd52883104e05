import type { PlannedTransport } from "./plan.js";
import type { TransportStatus } from "./status.js";
import type { RunningTransport, TransportContext, WebMounts } from "./transport.js";

/** A started transport that may need stopping on shutdown. */
export interface StartedTransport {
  name: string;
  stop(): Promise<void>;
}

/**
 * Mounts the enabled web transports on the shared app. One that cannot be built
 * is a startup error: the web process would otherwise answer that platform with
 * 404s. A transport still checking its credentials is `starting` until it settles.
 */
export async function mountTransports(
  plan: readonly PlannedTransport[],
  app: WebMounts,
  context: TransportContext,
  status: TransportStatus,
): Promise<StartedTransport[]> {
  const started: StartedTransport[] = [];
  for (const { transport, enabled } of plan) {
    if (!enabled || !transport.mount) continue;
    const logger = context.logger.child({ transport: transport.name });
    const running = await transport.mount(app, { ...context, logger });
    started.push({ name: transport.name, stop: () => running.stop() });
    track(transport.name, running, status);
  }
  return started;
}

/**
 * Connects the enabled connection-holding transports. One that fails is logged
 * and marked failed (so `/readyz` says so) while the others keep running.
 */
export async function connectTransports(
  plan: readonly PlannedTransport[],
  context: TransportContext,
  status: TransportStatus,
): Promise<StartedTransport[]> {
  const results = await Promise.all(
    plan.map(async ({ transport, enabled }): Promise<StartedTransport | undefined> => {
      if (!enabled || !transport.connect) return undefined;
      const { name } = transport;
      status.set(name, "starting");
      try {
        const running = await transport.connect({
          ...context,
          logger: context.logger.child({ transport: name }),
        });
        status.set(name, "ready");
        context.logger.info({ transport: name }, "connected");
        return { name, stop: () => running.stop() };
      } catch (error) {
        status.set(name, "failed", error instanceof Error ? error.message : String(error));
        context.logger.error({ transport: name, err: error }, "could not connect");
        return undefined;
      }
    }),
  );
  return results.filter((t): t is StartedTransport => t !== undefined);
}

function track(name: string, running: RunningTransport, status: TransportStatus): void {
  if (!running.ready) {
    status.set(name, "ready");
    return;
  }
  // Checking credentials with the platform must not hold up the port: /readyz reports it
  // (the transport logs the outcome in its own words).
  status.set(name, "starting");
  running.ready.then(
    () => status.set(name, "ready"),
    (error: unknown) => status.set(name, "failed", error instanceof Error ? error.message : String(error)),
  );
}
