import { parseEncryptionKeys } from "../../config.js";
import type { Transport } from "../../service/transports/transport.js";
import { needed } from "../../service/transports/transport.js";
import { SLACK_EVENTS_PATH, SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from "./events-path.js";

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

/**
 * Slack for many workspaces: Bolt's OAuth install flow (`GET /slack/install`,
 * `GET /slack/oauth_redirect`) and `POST /slack/events`, each request authorized with
 * its own workspace's token, the installations sealed in the database.
 */
export const slackInstallsTransport: Transport = {
  name: "slack-installs",
  label: `Slack for any workspace that installs it (GET ${SLACK_INSTALL_PATH}, POST ${SLACK_EVENTS_PATH})`,
  process: "web",
  needs: ({ slack, encryptionKey }) => ({
    SLACK_CLIENT_ID: slack.clientId,
    SLACK_CLIENT_SECRET: slack.clientSecret,
    SLACK_STATE_SECRET: slack.stateSecret,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    ENCRYPTION_KEY: encryptionKey,
  }),
  mount: async (app, { config, store, ...context }) => {
    if (store === undefined) {
      throw new Error(
        "Slack installs are kept in the database, which could not be opened: see the database error above.",
      );
    }
    const [{ createSlackApp }, { databaseInstallationStore }, { SlackInstallations }, { TokenCipher }] =
      await Promise.all([
        adapter(),
        import("./installation-store.js"),
        import("../../service/slack-installations.js"),
        import("../../service/token-cipher.js"),
      ]);
    const { slack } = config;
    const cipher = new TokenCipher(parseEncryptionKeys(needed(config.encryptionKey, "ENCRYPTION_KEY")));
    const installations = new SlackInstallations(store, cipher, context.logger);
    const slackApp = createSlackApp({
      ...context,
      signingSecret: needed(slack.signingSecret, "SLACK_SIGNING_SECRET"),
      installs: {
        clientId: needed(slack.clientId, "SLACK_CLIENT_ID"),
        clientSecret: needed(slack.clientSecret, "SLACK_CLIENT_SECRET"),
        stateSecret: needed(slack.stateSecret, "SLACK_STATE_SECRET"),
        installationStore: databaseInstallationStore(installations),
      },
      maxBodyBytes: config.maxBodyBytes,
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
    });
    const { requestListener, installListener } = slackApp;
    if (!requestListener || !installListener) throw new Error("the Slack adapter gave no HTTP listeners");
    app.mount(SLACK_EVENTS_PATH, requestListener);
    app.mount(SLACK_INSTALL_PATH, installListener, ["GET"]);
    app.mount(SLACK_OAUTH_REDIRECT_PATH, installListener, ["GET"]);
    const resealed = await installations.resealAll();
    if (resealed > 0) context.logger.info({ resealed }, "slack installations re-sealed with the current key");
    return { stop: () => slackApp.stop() };
  },
};
