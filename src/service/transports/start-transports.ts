import type { Config } from "../../config.js";
import type { Mount } from "../../server/create-app.js";
import type { AdapterContext, StoppableTransport, TransportFactories } from "./factories.js";
import type { PlannedTransport, TransportName } from "./plan.js";
import type { TransportStatus } from "./status.js";

/** A started transport that may need stopping on shutdown. */
export interface StartedTransport {
  name: TransportName;
  stop(): Promise<void>;
}

function enabled(plan: readonly PlannedTransport[], name: TransportName): boolean {
  return plan.some((t) => t.name === name && t.enabled);
}

/**
 * Builds the listeners the web server mounts (Discord interactions, Slack
 * events) for the enabled HTTP transports. A listener that cannot be built is
 * a startup error: the web process would otherwise answer that platform with 404s.
 */
export async function createMounts(
  plan: readonly PlannedTransport[],
  config: Config,
  factories: TransportFactories,
  context: AdapterContext,
  status: TransportStatus,
): Promise<{ mounts: Mount[]; started: StartedTransport[] }> {
  const mounts: Mount[] = [];
  const started: StartedTransport[] = [];
  const { discord, slack } = config;
  if (enabled(plan, "discord-interactions") && discord.publicKey && discord.applicationId) {
    const listener = await factories.discordInteractions(
      { ...context, logger: context.logger.child({ transport: "discord-interactions" }) },
      {
        publicKey: discord.publicKey,
        applicationId: discord.applicationId,
        maxBodyBytes: config.maxBodyBytes,
        ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
      },
    );
    mounts.push({ name: "discord-interactions", path: "/discord/interactions", listener });
    status.set("discord-interactions", "ready");
  }
  if (enabled(plan, "slack-http") && slack.botToken && slack.signingSecret) {
    const logger = context.logger.child({ transport: "slack-http" });
    const receiver = await factories.slackHttp(
      { ...context, logger },
      {
        botToken: slack.botToken,
        signingSecret: slack.signingSecret,
        maxBodyBytes: config.maxBodyBytes,
        ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
      },
    );
    mounts.push({ name: "slack-http", path: "/slack/events", listener: receiver.listener });
    started.push({ name: "slack-http", stop: () => receiver.stop() });
    // Checking the token with Slack must not hold up the port: /readyz reports it.
    status.set("slack-http", "starting");
    receiver.verify().then(
      () => {
        status.set("slack-http", "ready");
        logger.info("Slack bot token verified");
      },
      (error: unknown) => {
        status.set("slack-http", "failed", error instanceof Error ? error.message : String(error));
        logger.error({ err: error }, "Slack rejected the bot token or could not be reached");
      },
    );
  }
  return { mounts, started };
}

/**
 * Connects the enabled connection-holding transports (Discord gateway, Slack
 * Socket Mode). One that fails is logged and marked failed (so `/readyz` says
 * so) while the others keep running.
 */
export async function startConnections(
  plan: readonly PlannedTransport[],
  config: Config,
  factories: TransportFactories,
  context: AdapterContext,
  status: TransportStatus,
): Promise<StartedTransport[]> {
  const { discord, slack } = config;
  const starts: { name: TransportName; start: () => Promise<StoppableTransport> }[] = [];
  if (enabled(plan, "discord-gateway") && discord.token && discord.applicationId) {
    const credentials = {
      token: discord.token,
      applicationId: discord.applicationId,
      ...(discord.guildId ? { guildId: discord.guildId } : {}),
      ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
    };
    starts.push({
      name: "discord-gateway",
      start: () =>
        factories.discordGateway(
          { ...context, logger: context.logger.child({ transport: "discord-gateway" }) },
          credentials,
        ),
    });
  }
  if (enabled(plan, "slack-socket") && slack.botToken && slack.appToken) {
    const credentials = {
      botToken: slack.botToken,
      appToken: slack.appToken,
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
    };
    starts.push({
      name: "slack-socket",
      start: () =>
        factories.slackSocket(
          { ...context, logger: context.logger.child({ transport: "slack-socket" }) },
          credentials,
        ),
    });
  }
  const results = await Promise.all(
    starts.map(async ({ name, start }): Promise<StartedTransport | undefined> => {
      status.set(name, "starting");
      try {
        const transport = await start();
        status.set(name, "ready");
        context.logger.info({ transport: name }, "connected");
        return { name, stop: () => transport.stop() };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        status.set(name, "failed", detail);
        context.logger.error({ transport: name, err: error }, "could not connect");
        return undefined;
      }
    }),
  );
  return results.filter((t): t is StartedTransport => t !== undefined);
}
