import type { TransportFactories } from "./factories.js";

// The adapters are imported on first use: a process without Discord or Slack
// credentials never loads discord.js or Bolt, and starts faster.
const discordAdapter = () => import("../../adapters/discord/index.js");
const slackAdapter = () => import("../../adapters/slack/index.js");

/** The real transports, built by the Discord and Slack adapters. */
export const adapterFactories: TransportFactories = {
  discordInteractions: async (context, credentials) => {
    const { createDiscordInteractionsListener } = await discordAdapter();
    return createDiscordInteractionsListener({ ...context, ...credentials });
  },
  slackHttp: async (context, credentials) => {
    const { createSlackApp } = await slackAdapter();
    const slack = createSlackApp({ ...context, ...credentials });
    const listener = slack.requestListener;
    if (!listener) throw new Error("the Slack adapter gave no HTTP request listener in HTTP mode");
    return { listener, verify: () => slack.start(), stop: () => slack.stop() };
  },
  discordGateway: async (context, credentials) => {
    const { startDiscordGateway } = await discordAdapter();
    return startDiscordGateway({ ...context, ...credentials });
  },
  slackSocket: async (context, credentials) => {
    const { createSlackApp } = await slackAdapter();
    const slack = createSlackApp({ ...context, ...credentials });
    await slack.start();
    return { stop: () => slack.stop() };
  },
  renderers: async () => {
    const [{ renderDiscordAnswer }, { renderSlackAnswer }] = await Promise.all([
      discordAdapter(),
      slackAdapter(),
    ]);
    return {
      discord: (answer, request) =>
        renderDiscordAnswer(answer, {
          args: request.args,
          visibility: request.private ? "private" : "public",
          page: request.page,
        }),
      slack: (answer, request) =>
        renderSlackAnswer(answer, {
          args: request.args,
          visibility: request.private ? "private" : "public",
          page: request.page,
        }),
    };
  },
};
