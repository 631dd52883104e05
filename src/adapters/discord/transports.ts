import type { Transport } from "../../service/transports/transport.js";
import { needed } from "../../service/transports/transport.js";

/** Where Discord sends interactions when the application's Interactions Endpoint URL is set. */
export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";

// The adapter is imported when a transport starts: a process without Discord
// credentials never loads discord.js.
const adapter = () => import("./index.js");

/** Discord slash commands over HTTP: the interactions endpoint on the shared web app. */
export const discordInteractionsTransport: Transport = {
  name: "discord-interactions",
  label: `Discord slash commands over HTTP (POST ${DISCORD_INTERACTIONS_PATH})`,
  process: "web",
  needs: ({ discord }) => ({
    DISCORD_PUBLIC_KEY: discord.publicKey,
    DISCORD_APPLICATION_ID: discord.applicationId,
  }),
  mount: async (app, { config, ...context }) => {
    const { createDiscordInteractionsListener } = await adapter();
    const { discord } = config;
    const listener = createDiscordInteractionsListener({
      ...context,
      publicKey: needed(discord.publicKey, "DISCORD_PUBLIC_KEY"),
      applicationId: needed(discord.applicationId, "DISCORD_APPLICATION_ID"),
      maxBodyBytes: config.maxBodyBytes,
      ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
    });
    app.mount(DISCORD_INTERACTIONS_PATH, listener);
    return { stop: async () => {} };
  },
};

/** Discord slash commands over the gateway (discord.js), for a process that stays up. */
export const discordGatewayTransport: Transport = {
  name: "discord-gateway",
  label: "Discord slash commands over the gateway",
  process: "worker",
  needs: ({ discord }) => ({ DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId }),
  connect: async ({ config, ...context }) => {
    const { startDiscordGateway } = await adapter();
    const { discord } = config;
    return startDiscordGateway({
      ...context,
      token: needed(discord.token, "DISCORD_TOKEN"),
      applicationId: needed(discord.applicationId, "DISCORD_APPLICATION_ID"),
      ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
    });
  },
};
