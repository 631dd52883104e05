import type { Transport } from "../../service/transports/transport.js";
import { needed } from "../../service/transports/transport.js";
import { SLACK_EVENTS_PATH } from "./events-path.js";

// The adapter is imported when a transport starts: a process without Slack
// credentials never loads Bolt.
const adapter = () => import("./create-slack-app.js");

/** Slack over HTTP: Bolt's request listener on the shared web app. */
export const slackHttpTransport: Transport = {
  name: "slack-http",
  label: `Slack slash commands over HTTP (POST ${SLACK_EVENTS_PATH})`,
  process: "web",
  needs: ({ slack }) => ({ SLACK_BOT_TOKEN: slack.botToken, SLACK_SIGNING_SECRET: slack.signingSecret }),
  mount: async (app, { config, ...context }) => {
    const { createSlackApp } = await adapter();
    const { slack } = config;
    const slackApp = createSlackApp({
      ...context,
      botToken: needed(slack.botToken, "SLACK_BOT_TOKEN"),
      signingSecret: needed(slack.signingSecret, "SLACK_SIGNING_SECRET"),
      maxBodyBytes: config.maxBodyBytes,
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
    });
    const listener = slackApp.requestListener;
    if (!listener) throw new Error("the Slack adapter gave no HTTP request listener in HTTP mode");
    app.mount(SLACK_EVENTS_PATH, listener);
    const ready = slackApp.start().then(
      () => context.logger.info("Slack bot token verified"),
      (error: unknown) => {
        context.logger.error({ err: error }, "Slack rejected the bot token or could not be reached");
        throw error;
      },
    );
    return { ready, stop: () => slackApp.stop() };
  },
};

/** Slack over Socket Mode: no public URL, for a process that stays up. */
export const slackSocketTransport: Transport = {
  name: "slack-socket",
  label: "Slack Socket Mode",
  process: "worker",
  needs: ({ slack }) => ({ SLACK_BOT_TOKEN: slack.botToken, SLACK_APP_TOKEN: slack.appToken }),
  connect: async ({ config, ...context }) => {
    const { createSlackApp } = await adapter();
    const { slack } = config;
    const slackApp = createSlackApp({
      ...context,
      botToken: needed(slack.botToken, "SLACK_BOT_TOKEN"),
      appToken: needed(slack.appToken, "SLACK_APP_TOKEN"),
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
    });
    await slackApp.start();
    return { stop: () => slackApp.stop() };
  },
};
