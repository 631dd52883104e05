import { once } from "node:events";
import { Client, Events, GatewayIntentBits } from "discord.js";
import { discordJsResponder } from "./discordjs-responder.js";
import { fromDiscordJsInteraction } from "./from-discord-js.js";
import { handleInteraction, type InteractionHandlerOptions } from "./handle-interaction.js";

/** Options of the gateway bot. */
export interface DiscordGatewayOptions extends InteractionHandlerOptions {
  /** The bot token. */
  token: string;
  applicationId: string;
  /** Discord's REST base URL (`rest: { api }`); the gateway URL is asked of it. Default Discord's. */
  apiUrl?: string;
}

/** A running gateway bot. */
export interface DiscordGateway {
  client: Client;
  /** Disconnects from the gateway. */
  stop(): Promise<void>;
}

/**
 * Logs in to Discord's gateway with discord.js and answers slash commands,
 * autocomplete and button clicks. Only the `Guilds` intent: slash commands
 * need no privileged intents. Resolves once the client is ready.
 */
export async function startDiscordGateway(options: DiscordGatewayOptions): Promise<DiscordGateway> {
  const { logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: options.apiUrl === undefined ? {} : { api: options.apiUrl },
    // Belt and braces: every message we send also says so itself.
    allowedMentions: { parse: [] },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    try {
      void handleInteraction(fromDiscordJsInteraction(interaction), discordJsResponder(interaction), options);
    } catch (error) {
      // Reading an interaction should never fail; if it does, the bot logs it and keeps running.
      logger.error({ err: error, interactionId: interaction.id }, "unreadable discord interaction");
    }
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ message }, "discord client warning"));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ code: event.code, shardId }, "discord gateway disconnected"),
  );

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  logger.info({ user: client.user?.tag, applicationId: options.applicationId }, "discord gateway ready");
  return { client, stop: () => client.destroy() };
}
